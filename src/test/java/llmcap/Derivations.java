package llmcap;

import java.util.Map;
import java.util.TreeMap;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;

/** What tests compare two estimates by: every derivation by name (a report's order is its own). */
public final class Derivations {

    private Derivations() {
    }

    public static Map<String, Derivation> byName(Estimate e) {
        Map<String, Derivation> out = new TreeMap<>();
        e.derived().forEach(d -> out.put(d.name(), d));
        e.assumptions().forEach(d -> out.put(d.name(), d));
        e.settings().forEach(d -> out.put(d.name(), d));
        return out;
    }
}

package llmcap.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything one run of the rules produced, each quantity with its derivation, in the order made. */
public final class Estimate {

    private final Map<String, Derivation> byName;

    Estimate(Map<String, Derivation> byName) {
        this.byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    public Optional<Derivation> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Double> value(String name) {
        return get(name).map(d -> d.quantity().value());
    }

    public Collection<Derivation> all() {
        return byName.values();
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** Quantities computed by formula rules. */
    public List<Derivation> derived() {
        return byName.values().stream().filter(d -> !d.origin().isAssumption()).toList();
    }

    /** Leaves: catalog figures, scenario values, {@code --set} values and default rules. */
    public List<Derivation> assumptions() {
        return byName.values().stream().filter(d -> d.origin().isAssumption()).toList();
    }

    /** True when some rule read {@code name} to compute something. */
    public boolean isRead(String name) {
        return byName.values().stream().anyMatch(d -> d.inputs().contains(name));
    }
}

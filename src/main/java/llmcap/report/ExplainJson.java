package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import llmcap.domain.Origin;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;

/**
 * The derivation tree of {@link ExplainTree} as JSON, for the web page and scripts: each node
 * {@code {"name", "value", "unit"} or {"name", "setting"}, "kind", "rule", "where", "citation",
 * "also": [names the same rule set], "inputs": [nodes]}}; a sub-tree already given is not repeated
 * ({@code "repeat": true}, no inputs).
 */
public final class ExplainJson {

    private ExplainJson() {
    }

    public static JsonObject tree(Estimate e, String name) {
        return node(e, name, new HashSet<>());
    }

    private static JsonObject node(Estimate e, String name, Set<String> shown) {
        Derivation d = e.get(name).orElseThrow();
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        if (d.isSetting()) {
            o.addProperty("setting", d.setting().value());
        } else {
            o.add("value", Json.number(d.quantity().value()));
            o.addProperty("unit", d.quantity().unit());
        }
        Origin origin = d.origin();
        o.addProperty("kind", origin.kind().name().toLowerCase(Locale.ROOT));
        o.addProperty("where", origin.where());
        if (origin.rule() != null) {
            o.addProperty("rule", origin.rule());
        }
        if (origin.source() != null && !origin.source().isBlank()) {
            o.addProperty("citation", origin.source());
        }
        JsonArray also = new JsonArray();
        for (Derivation twin : e.all()) {
            if (twin != d && twin.origin().equals(origin) && twin.inputs().equals(d.inputs())) {
                also.add(twin.name());
            }
        }
        if (!also.isEmpty()) {
            o.add("also", also);
        }
        if (!d.inputs().isEmpty() && !shown.add(name)) {
            o.addProperty("repeat", true);
            return o;
        }
        JsonArray inputs = new JsonArray();
        for (String in : d.inputs()) {
            inputs.add(node(e, in, shown));
        }
        o.add("inputs", inputs);
        return o;
    }
}

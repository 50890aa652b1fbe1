package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import llmcap.domain.Origin;
import llmcap.engine.Derivation;

/**
 * The derivation tree of {@link Explanation} as JSON, for the web page and scripts: each node
 * {@code {"name", "value", "unit"} or {"name", "setting"}, "kind", "rule", "where", "citation",
 * "arithmetic": "688.4 PFLOP/s / 312 TFLOP/s = ...", "also": [names the same rule set], "inputs": [nodes]}};
 * a number already given is not repeated ({@code "repeat": true}, no inputs; a leaf's empty list); a node cut at the depth
 * has {@code "hidden": N}, the numbers below it, and no inputs. {@code arithmetic} holds one line per
 * local the rule's action declares before its own, separated by newlines.
 */
public final class ExplainJson {

    private ExplainJson() {
    }

    /**
     * {@code explain --format json}: {@code {"scenario", "model", "gpu", "depth": N, "all" or "auto",
     * "explain": [{"name", "tree"}]}}.
     */
    public static String document(llmcap.app.Result r, java.util.List<Explanation.Node> trees, int depth) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", r.scenario().id());
        o.addProperty("model", r.model());
        o.addProperty("gpu", r.gpu());
        if (depth == Explanation.ALL || depth == Explanation.AUTO) {
            o.addProperty("depth", depth == Explanation.ALL ? "all" : "auto");
        } else {
            o.addProperty("depth", depth);
        }
        JsonArray explain = new JsonArray();
        for (Explanation.Node n : trees) {
            JsonObject t = new JsonObject();
            t.addProperty("name", n.name());
            t.add("tree", tree(n));
            explain.add(t);
        }
        o.add("explain", explain);
        return Json.write(o);
    }

    public static JsonObject tree(Explanation.Node n) {
        Derivation d = n.derivation();
        JsonObject o = new JsonObject();
        o.addProperty("name", n.name());
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
        if (!n.arithmetic().isEmpty()) {
            o.addProperty("arithmetic", String.join("\n", n.arithmetic()));
        }
        if (!n.also().isEmpty()) {
            JsonArray also = new JsonArray();
            n.also().forEach(twin -> also.add(twin.name()));
            o.add("also", also);
        }
        if (n.shown() == Explanation.Shown.ABOVE) {
            o.addProperty("repeat", true);
            if (d.inputs().isEmpty()) {
                o.add("inputs", new JsonArray()); // a leaf has no inputs, given above or not
            }
            return o;
        }
        if (n.shown() == Explanation.Shown.CUT) {
            o.addProperty("hidden", n.hidden());
            return o;
        }
        JsonArray inputs = new JsonArray();
        n.inputs().forEach(in -> inputs.add(tree(in)));
        o.add("inputs", inputs);
        return o;
    }
}

package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import llmcap.app.Result;
import llmcap.engine.Derivation;

/**
 * The estimate as one JSON object, values in base units:
 * {@code {"scenario", "model", "gpu", "quantities": [...], "assumptions": [...], "published": [...]}}.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(Result r) {
        return Json.write(document(r));
    }

    /** The document {@link #render} prints, as a tree (the server adds the version of rules and catalog to it). */
    public static JsonObject document(Result r) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", r.scenario().id());
        o.addProperty("model", r.model());
        o.addProperty("gpu", r.gpu());
        o.addProperty("rules", r.rules().display());
        o.addProperty("catalog", r.catalog().display());
        JsonArray quantities = new JsonArray();
        for (Derivation d : Order.sort(r.estimate(), r.estimate().derived())) {
            JsonObject q = quantity(d);
            q.addProperty("rule", d.origin().rule());
            q.addProperty("source", d.origin().where());
            q.add("inputs", Json.strings(d.inputs()));
            quantities.add(q);
        }
        o.add("quantities", quantities);
        JsonArray assumptions = new JsonArray();
        for (Derivation d : Order.sort(r.estimate(), r.estimate().assumptions())) {
            JsonObject a = quantity(d);
            a.addProperty("origin", d.origin().describe());
            a.addProperty("kind", d.origin().kind().name().toLowerCase(java.util.Locale.ROOT));
            if (d.origin().source() != null) {
                a.addProperty("citation", d.origin().source());
            }
            if (!d.inputs().isEmpty()) {
                a.add("inputs", Json.strings(d.inputs()));
            }
            assumptions.add(a);
        }
        o.add("assumptions", assumptions);
        JsonArray settings = new JsonArray();
        for (Derivation d : Order.sort(r.estimate(), r.estimate().settings())) {
            JsonObject x = new JsonObject();
            x.addProperty("name", d.name());
            x.addProperty("value", d.setting().value());
            x.addProperty("origin", d.origin().describe());
            x.addProperty("kind", d.origin().kind().name().toLowerCase(java.util.Locale.ROOT));
            x.add("inputs", Json.strings(d.inputs()));
            settings.add(x);
        }
        o.add("settings", settings);
        JsonArray published = new JsonArray();
        for (Comparison c : Comparison.of(r)) {
            JsonObject p = new JsonObject();
            p.addProperty("figure", c.published().figure());
            p.addProperty("quantity", c.published().quantity());
            p.addProperty("label", c.published().label());
            p.add("published", Json.number(c.published().value()));
            c.ours().ifPresent(d -> p.add("llmcap", Json.number(d.quantity().value())));
            c.deviationPercent().ifPresent(v -> p.add("deviation_percent", Json.number(v)));
            p.addProperty("unit", c.unit());
            published.add(p);
        }
        o.add("published", published);
        o.addProperty("comparable", r.comparable());
        o.add("notes", Json.strings(r.notes()));
        return o;
    }

    private static JsonObject quantity(Derivation d) {
        JsonObject q = new JsonObject();
        q.addProperty("name", d.name());
        q.add("value", Json.number(d.quantity().value()));
        q.addProperty("unit", d.quantity().unit());
        return q;
    }
}

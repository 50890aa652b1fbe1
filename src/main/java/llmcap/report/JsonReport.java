package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import llmcap.app.Result;
import llmcap.engine.Derivation;

/**
 * The estimate as one JSON object, values in base units: {@code {"scenario", "kind", "model", "gpu",
 * "headline": {...}, "quantities": [...], "assumptions": [...], "settings": [...], "published": [...]}}.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(EstimateReport report) {
        return Json.write(document(report));
    }

    /** The document {@link #render} prints, as a tree (the server adds the version of rules and catalog to it). */
    public static JsonObject document(EstimateReport report) {
        Result r = report.result();
        JsonObject o = new JsonObject();
        o.addProperty("scenario", r.scenario().id());
        o.addProperty("kind", r.scenario().kind().word());
        o.addProperty("model", r.model());
        o.addProperty("gpu", r.gpu());
        o.addProperty("rules", r.rules().display());
        o.addProperty("catalog", r.catalog().display());
        o.add("headline", headline(report.headline()));
        JsonArray quantities = new JsonArray();
        for (Derivation d : report.derived()) {
            JsonObject q = quantity(d);
            q.addProperty("rule", d.origin().rule());
            q.addProperty("source", d.origin().where());
            q.add("inputs", Json.strings(d.inputs()));
            quantities.add(q);
        }
        o.add("quantities", quantities);
        JsonArray assumptions = new JsonArray();
        for (Derivation d : report.assumptions()) {
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
        for (Derivation d : report.settings()) {
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
        for (Comparison c : report.published()) {
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

    /**
     * {@code {"kind", "spec", "sections": [{"section", "figures": [{"label", "name", "value", "unit",
     * "target"?: {"name", "value", "unit", "met"}}]}], "warnings": ["serving.fits = no: ...", ...]}}; a
     * figure not derived has value null, a setting its word and no unit.
     */
    static JsonObject headline(EstimateReport.Headline h) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", h.kind().word());
        o.addProperty("spec", h.spec());
        JsonArray sections = new JsonArray();
        for (EstimateReport.Section s : h.sections()) {
            JsonObject section = new JsonObject();
            section.addProperty("section", s.title());
            JsonArray figures = new JsonArray();
            for (EstimateReport.Line l : s.lines()) {
                JsonObject f = new JsonObject();
                f.addProperty("label", l.label());
                f.addProperty("name", l.name());
                value(f, l.value());
                l.target().filter(t -> !t.isSetting()).ifPresent(t -> {
                    JsonObject target = quantity(t);
                    target.addProperty("met", !l.missed());
                    f.add("target", target);
                });
                figures.add(f);
            }
            section.add("figures", figures);
            sections.add(section);
        }
        o.add("sections", sections);
        o.add("warnings", Json.strings(h.warnings()));
        return o;
    }

    private static void value(JsonObject into, java.util.Optional<Derivation> d) {
        if (d.isEmpty()) {
            into.add("value", com.google.gson.JsonNull.INSTANCE);
        } else {
            Json.value(into, d.get());
        }
    }

    private static JsonObject quantity(Derivation d) {
        JsonObject q = new JsonObject();
        q.addProperty("name", d.name());
        q.add("value", Json.number(d.quantity().value()));
        q.addProperty("unit", d.quantity().unit());
        return q;
    }
}

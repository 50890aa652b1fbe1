package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collection;

import llmcap.catalog.Catalog;
import llmcap.catalog.Entry;
import llmcap.catalog.Figure;
import llmcap.catalog.Scenario;

/** {@code llmcap catalog gpus|models|scenarios}: tables for people, JSON (with every citation) for tools. */
public final class CatalogListing {

    private CatalogListing() {
    }

    public static String gpusText(Catalog c) {
        Table t = new Table(false, false, true, true, true, true, true, false);
        t.row("id", "name", "memory", "BF16/FP16 dense", "bandwidth", "TDP", "rent", "price date");
        for (Entry g : c.gpus().values()) {
            t.row(g.id(), g.name(), memory(g),
                    g.figure("flops_bf16").or(() -> g.figure("flops_fp16")).map(CatalogListing::show).orElse("-"),
                    fig(g, "bandwidth_bytes_per_s"), fig(g, "tdp_w"), fig(g, "rental_usd_per_hour"),
                    g.info("rental.date").orElse("-"));
        }
        return t.render("") + "\nGB = 1e9 bytes, GiB = 2^30 bytes; ? marks a figure the catalog lists as unverified."
                + "\n`llmcap catalog gpus --format json` gives every figure with its source.\n";
    }

    public static String modelsText(Catalog c) {
        Table t = new Table(false, false, true, true, true, true);
        t.row("id", "name", "params", "active params", "training compute", "training tokens");
        for (Entry m : c.models().values()) {
            t.row(m.id(), m.name(), fig(m, "params"), fig(m, "active_params"),
                    m.figure("training_pf_days").or(() -> m.figure("training_flops")).map(CatalogListing::show).orElse("-"),
                    fig(m, "training_tokens"));
        }
        return t.render("") + "\n? marks a figure the catalog lists as unverified (e.g. GPT-3.5's size, never published)."
                + "\n`llmcap catalog models --format json` gives every figure with its source.\n";
    }

    public static String scenariosText(Catalog c) {
        Table t = new Table(false, false, false, false);
        t.row("id", "model", "gpu", "title");
        for (Scenario s : c.scenarios().values()) {
            t.row(s.id(), s.model(), s.gpu(), s.title());
        }
        return t.render("");
    }

    public static String entriesJson(Collection<Entry> entries) {
        JsonArray a = new JsonArray();
        for (Entry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("id", e.id());
            o.addProperty("name", e.name());
            o.addProperty("where", e.file() + ":" + e.line());
            JsonArray figures = new JsonArray();
            for (Figure f : e.figures().values()) {
                JsonObject x = new JsonObject();
                x.addProperty("name", f.key());
                x.add("value", Json.number(f.value()));
                x.addProperty("unit", f.unit());
                x.addProperty("field", f.field());
                x.addProperty("where", f.file() + ":" + f.line()); // an overlay's line for a figure it overrides
                x.addProperty("source", f.source());
                x.addProperty("verified", f.verified());
                figures.add(x);
            }
            o.add("figures", figures);
            JsonObject info = new JsonObject();
            e.info().forEach(info::addProperty);
            o.add("info", info);
            a.add(o);
        }
        return Json.write(a);
    }

    public static String scenariosJson(Catalog c) {
        JsonArray a = new JsonArray();
        for (Scenario s : c.scenarios().values()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", s.id());
            o.addProperty("title", s.title());
            o.addProperty("file", s.file());
            o.addProperty("source", s.source());
            o.addProperty("model", s.model());
            o.addProperty("gpu", s.gpu());
            s.referenceModel().ifPresent(r -> o.addProperty("reference_model", r));
            s.crosscheckModel().ifPresent(r -> o.addProperty("crosscheck_model", r));
            o.add("assumptions", values(s.assumptions()));
            o.add("judgements", values(s.judgements()));
            a.add(o);
        }
        return Json.write(a);
    }

    private static JsonArray values(java.util.List<Scenario.Value> values) {
        JsonArray a = new JsonArray();
        for (Scenario.Value v : values) {
            JsonObject o = new JsonObject();
            o.addProperty("name", v.name());
            o.addProperty("value", v.text());
            o.addProperty("unit", v.unit());
            o.addProperty("source", v.source());
            a.add(o);
        }
        return a;
    }

    /** Memory in GB, with the GiB the catalog states where it states GiB (e.g. TPU v4: 32 GiB). */
    private static String memory(Entry g) {
        return g.figure("memory_bytes").map(f -> show(f) + (f.field().equals("memory_gib")
                ? " (" + Show.significant(f.value() / (1L << 30), 4) + " GiB)" : "")).orElse("-");
    }

    private static String fig(Entry e, String key) {
        return e.figure(key).map(CatalogListing::show).orElse("-");
    }

    private static String show(Figure f) {
        return Show.value(f.value(), f.unit()) + (f.verified() ? "" : "?");
    }

}

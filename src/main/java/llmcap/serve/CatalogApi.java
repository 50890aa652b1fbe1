package llmcap.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.util.Collection;
import llmcap.engine.RuleFile;
import llmcap.live.Live;
import llmcap.live.ReloadError;
import llmcap.live.Snapshot;
import llmcap.report.CatalogListing;
import llmcap.report.RuleListing;
import llmcap.report.ValidationReport;

/**
 * What the server knows besides estimates: {@code /api/health}, {@code /api/catalog},
 * {@code /api/rules} (the rule files' text, read-only: rules are edited on disk only) and
 * {@code /api/validate}. All of them answer from one snapshot.
 */
final class CatalogApi {

    private final Live live;

    CatalogApi(Live live) {
        this.live = live;
    }

    /**
     * {@code {"status": "ok"|"degraded", "rules_version", "catalog_version", "version", "reloads", "rules",
     * "catalog", "last_reload_error"?, "last_reload_error_where"?, "last_reload_error_lines"?}}. Degraded:
     * the files on disk could not be loaded and the server answers from the last good ones.
     */
    void health(Context ctx) {
        Live.State state = live.state();
        Snapshot s = state.snapshot();
        ctx.header(Responses.VERSION_HEADER, s.version().id());
        JsonObject o = new JsonObject();
        o.addProperty("status", state.error().isEmpty() ? "ok" : "degraded");
        o.addProperty("rules_version", s.version().rules());
        o.addProperty("catalog_version", s.version().catalog());
        o.addProperty("version", s.version().id());
        o.addProperty("reloads", state.reloads());
        o.addProperty("rules", s.rulesFolder().display());
        o.addProperty("catalog", s.catalogFolder().display());
        if (state.error().isPresent()) {
            ReloadError e = state.error().get();
            o.addProperty("last_reload_error", e.message());
            e.where().ifPresent(w -> o.addProperty("last_reload_error_where", w));
            JsonArray lines = new JsonArray();
            e.lines().forEach(lines::add);
            o.add("last_reload_error_lines", lines);
            o.addProperty("last_reload_error_at", e.at().toString());
        }
        Responses.json(ctx, Jsons.write(o));
    }

    /**
     * {@code {"version", "default_scenario", "gpus": [...], "models": [...], "scenarios": [...]}}, as
     * {@code catalog --format json}; {@code default_scenario} is the one the command line estimates with
     * no arguments (the article's), so the page opens on the same question.
     */
    void catalog(Context ctx) {
        Snapshot s = Responses.snapshot(ctx, live);
        JsonObject o = new JsonObject();
        o.add("version", Jsons.version(s.version()));
        o.add("gpus", Jsons.parse(CatalogListing.entriesJson(s.catalog().gpus().values())));
        o.add("models", Jsons.parse(CatalogListing.entriesJson(s.catalog().models().values())));
        o.add("scenarios", Jsons.parse(CatalogListing.scenariosJson(s.catalog())));
        if (s.catalog().scenarios().containsKey(llmcap.app.Selection.DEFAULT_SCENARIO)) {
            o.addProperty("default_scenario", llmcap.app.Selection.DEFAULT_SCENARIO);
        }
        Responses.json(ctx, Jsons.write(o));
    }

    /**
     * {@code {"version", "rules": [as rules --format json], "files": [{"file", "lines": [...]}]}}; with
     * {@code file=rules/NAME.drl} only that file (looked up among the snapshot's files, never opened).
     */
    void rules(Context ctx) {
        Snapshot s = Responses.snapshot(ctx, live);
        String only = ctx.queryParam("file");
        Collection<RuleFile> files = s.ruleFiles().values();
        if (only != null) {
            RuleFile f = s.ruleFiles().get(only);
            if (f == null) {
                throw Requests.usage("file '" + only + "' is not one of the rule files ("
                        + String.join(", ", s.ruleFiles().keySet()) + ")", "file", only).failure();
            }
            files = java.util.List.of(f);
        }
        JsonObject o = new JsonObject();
        o.add("version", Jsons.version(s.version()));
        o.add("rules", Jsons.parse(RuleListing.json(s.rules().index())));
        JsonArray out = new JsonArray();
        for (RuleFile f : files) {
            JsonObject x = new JsonObject();
            x.addProperty("file", f.display());
            JsonArray lines = new JsonArray();
            f.text().lines().forEach(lines::add);
            x.add("lines", lines);
            out.add(x);
        }
        o.add("files", out);
        Responses.json(ctx, Jsons.write(o));
    }

    /** {@code {"B": "si", "GPU": "plain", "USD/day": "currency", ...}}: how the page prints each unit, as the reports do. */
    void units(Context ctx) {
        JsonObject o = new JsonObject();
        for (llmcap.domain.Unit u : llmcap.domain.Unit.values()) {
            o.addProperty(u.symbol(), u.style().name().toLowerCase(java.util.Locale.ROOT));
        }
        Responses.json(ctx, Jsons.write(o));
    }

    /** {@code {"version", "validation": [as validate --format json]}}: computed once per snapshot. */
    void validate(Context ctx) {
        Snapshot s = Responses.snapshot(ctx, live);
        JsonObject o = new JsonObject();
        o.add("version", Jsons.version(s.version()));
        o.add("validation", Jsons.parse(ValidationReport.json(s.validation())));
        Responses.json(ctx, Jsons.write(o));
    }
}

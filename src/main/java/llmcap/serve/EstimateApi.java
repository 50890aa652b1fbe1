package llmcap.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import llmcap.app.Result;
import llmcap.app.Workspace;
import llmcap.catalog.Scenario;
import llmcap.domain.Suggest;
import llmcap.live.Live;
import llmcap.live.Snapshot;
import llmcap.report.EstimateReport;
import llmcap.report.ExplainJson;
import llmcap.report.ExplainTree;
import llmcap.report.Explanation;
import llmcap.report.HtmlReport;
import llmcap.report.Format;
import llmcap.report.JsonReport;
import llmcap.report.Reports;

/**
 * The estimate and what hangs off it: {@code GET|POST /api/estimate} (the document of
 * {@code estimate --format json} plus {@code version}), {@code /api/explain}, and the CSV and HTML
 * downloads. Each request takes one snapshot and uses only it.
 */
final class EstimateApi {

    private final Live live;
    private final Limits limits;
    private final ResponseCache cache = new ResponseCache(512, 64L << 20);

    EstimateApi(Live live, Limits limits) {
        this.live = live;
        this.limits = limits;
    }

    /** {@code GET /api/estimate?scenario=ID&model=ID&gpu=ID&set=NAME=VALUE...}. */
    void estimate(Context ctx) {
        Snapshot s = Responses.snapshot(ctx, live);
        String key = ResponseCache.key(s, ctx);
        Responses.download(ctx, "llmcap-estimate.json");
        Optional<byte[]> known = cache.get(key);
        if (known.isPresent()) {
            ctx.contentType(Responses.JSON).result(known.get());
            return;
        }
        Result r = Requests.estimate(s.workspace(), Requests.ask(ctx, s.catalog(), limits));
        String answer = estimateJson(s, r);
        cache.put(key, answer);
        Responses.json(ctx, answer);
    }

    /** {@code POST /api/estimate} with a scenario as YAML or JSON in the body; the query as for GET. */
    void estimateInline(Context ctx) {
        Snapshot s = Responses.snapshot(ctx, live);
        Scenario inline = Requests.inlineScenario(ctx, s.catalog(), limits);
        Result r = Requests.estimate(s.workspace(), Requests.ask(ctx, s.catalog(), limits, inline));
        Responses.download(ctx, "llmcap-estimate.json");
        Responses.json(ctx, estimateJson(s, r));
    }

    /** The estimate as every format renders it, with the snapshot's headline. */
    private static EstimateReport report(Snapshot s, Result r) {
        Workspace w = s.workspace();
        return EstimateReport.of(r, w.headline(), w.rules().index().names());
    }

    /** The document of {@code estimate --format json} (compact), plus {@code version}. */
    private static String estimateJson(Snapshot s, Result r) {
        JsonObject doc = JsonReport.document(report(s, r));
        doc.add("version", Jsons.version(s.version()));
        return Jsons.write(doc) + "\n";
    }

    /** {@code GET /api/explain?name=Q[&name=Q2...]&...}: the derivation tree of each, as JSON and as text. */
    void explain(Context ctx) {
        Snapshot s = Responses.snapshot(ctx, live);
        Workspace w = s.workspace();
        Result r = Requests.estimate(w, Requests.ask(ctx, s.catalog(), limits));
        List<String> names = ctx.queryParams("name");
        if (names.isEmpty()) {
            throw Requests.usage("name: give the quantity to explain, e.g. name=serving.gpus", "name", null).failure();
        }
        JsonArray trees = new JsonArray();
        for (String name : names) {
            if (r.estimate().get(name).isEmpty()) {
                throw Requests.usage(w.whyMissing(r, name).orElse("no quantity '" + name + "' in this estimate"
                        + Suggest.hint(name, r.estimate().names())), "name", name).failure();
            }
            // The whole tree (the page opens its levels one click at a time), with each rule's arithmetic.
            Explanation.Node tree = Explanation.of(r.estimate(), w.rules().consequences(), name, Explanation.ALL);
            JsonObject t = new JsonObject();
            t.add("tree", ExplainJson.tree(tree));
            t.addProperty("text", ExplainTree.render(tree));
            trees.add(t);
        }
        JsonObject o = new JsonObject();
        o.add("explain", trees);
        o.add("version", Jsons.version(s.version()));
        Responses.json(ctx, Jsons.write(o));
    }

    /** {@code GET /api/estimate.csv?...}: the CSV of {@code estimate --format csv}, as a download. */
    void csv(Context ctx) {
        Snapshot s = Responses.snapshot(ctx, live);
        Result r = Requests.estimate(s.workspace(), Requests.ask(ctx, s.catalog(), limits));
        ctx.header("Content-Disposition", "attachment; filename=\"llmcap-estimate.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(Reports.ESTIMATE.render(Format.csv, report(s, r)));
    }

    /** {@code GET /api/report.html?...}: the HTML report of {@code estimate --format html}, as a download. */
    void html(Context ctx) {
        Snapshot s = Responses.snapshot(ctx, live);
        Result r = Requests.estimate(s.workspace(), Requests.ask(ctx, s.catalog(), limits));
        ctx.header("Content-Disposition", "attachment; filename=\"llmcap-estimate.html\"");
        // The report is one self-contained file with inline CSS and no script: allow exactly that.
        ctx.header("Content-Security-Policy", Security.REPORT_POLICY);
        ctx.contentType("text/html; charset=utf-8").result(Reports.ESTIMATE.render(Format.html, report(s, r)));
    }
}

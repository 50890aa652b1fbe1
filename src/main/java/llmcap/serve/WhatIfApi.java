package llmcap.serve;

import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Semaphore;
import llmcap.app.Compare;
import llmcap.app.CompareResult;
import llmcap.app.Dimension;
import llmcap.app.Problem;
import llmcap.app.Sweep;
import llmcap.app.Workspace;
import llmcap.live.Live;
import llmcap.live.Snapshot;
import llmcap.report.Format;
import llmcap.report.SweepWriter;

/**
 * {@code /api/compare} (one row per model x GPU, as {@code compare --format json}) and
 * {@code /api/sweep} (rows streamed as JSON Lines or CSV, as {@code sweep}), both bounded in size,
 * and sweeps in time and in how many run at once.
 */
final class WhatIfApi {

    private final Live live;
    private final Limits limits;
    private final Semaphore sweeps;

    WhatIfApi(Live live, Limits limits) {
        this.live = live;
        this.limits = limits;
        this.sweeps = new Semaphore(limits.maxSweeps());
    }

    /** {@code GET /api/compare?gpu=A,B&model=X,Y&scenario=ID&set=...&output=NAME...&rank_by=NAME}. */
    void compare(Context ctx) {
        Snapshot s = Responses.snapshot(ctx, live);
        Requests.Ask ask = Requests.askForEach(ctx, s.catalog(), limits);
        List<String> gpus = Requests.ids(ctx, "gpu");
        List<String> models = Requests.ids(ctx, "model");
        gpus.forEach(g -> check("gpu", g, () -> s.catalog().gpu(g)));
        models.forEach(m -> check("model", m, () -> s.catalog().model(m)));
        long rows = (long) Math.max(1, gpus.size()) * Math.max(1, models.size());
        if (rows > limits.maxCompareRows()) {
            throw Problem.of(Problem.Kind.TOO_LARGE, "a comparison of " + rows + " model x GPU rows is over the limit of "
                    + limits.maxCompareRows()).about("gpu", null).failure();
        }
        List<String> outputs = ctx.queryParams("output");
        CompareResult r;
        try {
            r = new Compare(s.workspace()).run(ask.scenario(), models, gpus, ask.sets(), outputs,
                    java.util.Optional.ofNullable(ctx.queryParam("rank_by")));
        } catch (llmcap.app.UsageException e) {
            Problem p = Problem.of(e);
            throw (e.getMessage().startsWith("--output ") ? p.about("output", null)
                    : e.getMessage().startsWith("--rank-by ") ? p.about("rank_by", ctx.queryParam("rank_by")) : p).failure();
        }
        JsonObject o = llmcap.report.CompareReport.document(r);
        o.add("version", Jsons.version(s.version()));
        Responses.download(ctx, "llmcap-compare.json");
        Responses.json(ctx, Jsons.write(o));
    }

    /**
     * {@code GET /api/sweep?vary=NAME=SPEC...&output=NAME...&format=jsonl|csv&...}: at most
     * {@code maxSweepRows} rows, streamed as they are computed. A sweep that runs out of time ends with
     * a last line saying so ({@code {"error": ...}} in JSON Lines, {@code # error: ...} in CSV).
     */
    void sweep(Context ctx) throws IOException {
        Snapshot s = Responses.snapshot(ctx, live);
        Requests.Ask ask = Requests.ask(ctx, s.catalog(), limits);
        List<String> vary = ctx.queryParams("vary");
        if (vary.isEmpty()) {
            throw Requests.usage("vary: give at least one dimension, e.g. vary=serving.peak_factor=3,5,8", "vary", null)
                    .failure();
        }
        String given = ctx.queryParam("format");
        SweepWriter.Format format = given == null ? SweepWriter.Format.jsonl
                : check("format", given, () -> Format.named("format", given, SweepWriter.Format.values()));
        List<Dimension> dims = vary.stream().map(v -> check("vary", v, () -> Dimension.parse(v))).toList();
        List<String> outputs = ctx.queryParams("output");
        Workspace w = s.workspace();
        Sweep sweep = check("vary", String.join("&", vary), () -> new Sweep(w, ask.scenario(), ask.model(), ask.gpu(),
                ask.sets(), dims, outputs.isEmpty() ? Sweep.DEFAULT_OUTPUTS : outputs));
        long size = sweep.size();
        if (size > limits.maxSweepRows()) {
            throw Problem.of(Problem.Kind.TOO_LARGE, "a sweep of " + size + " rows is over the limit of "
                    + limits.maxSweepRows() + " rows per request").about("vary", String.join("&", vary)).failure();
        }
        if (!sweeps.tryAcquire()) {
            throw Problem.of(Problem.Kind.UNAVAILABLE, limits.maxSweeps() + " sweeps are running; try again shortly")
                    .failure();
        }
        try {
            stream(ctx, sweep, w, format);
        } finally {
            sweeps.release();
        }
    }

    private void stream(Context ctx, Sweep sweep, Workspace w, SweepWriter.Format format) throws IOException {
        List<String> units = sweep.outputs().stream().map(o -> w.rules().index().unitOf(o).orElse("")).toList();
        ctx.contentType(format == SweepWriter.Format.csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
        long deadline = System.nanoTime() + limits.timePerRequest().toNanos();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        SweepWriter writer = new SweepWriter(out, format, sweep.dimensions(), sweep.outputs(), units);
        long[] rows = {0};
        try {
            sweep.run(row -> {
                if (System.nanoTime() > deadline) {
                    throw Problem.of(Problem.Kind.UNAVAILABLE, "the sweep ran out of its " + limits.timePerRequest()
                            .toSeconds() + " s after row " + row.index()).failure();
                }
                writer.row(row);
                rows[0]++;
            }, done -> { });
        } catch (RuntimeException e) {
            if (rows[0] == 0) {
                throw e; // nothing sent yet: the answer is the error, with its status
            }
            Problem p = Problem.of(e);
            String line = p.kind() == Problem.Kind.INTERNAL ? "internal error in llmcap" : p.message().lines().findFirst()
                    .orElse("");
            out.println(format == SweepWriter.Format.csv ? "# error: " + line : Http.body(p));
        }
        out.flush();
    }

    private static <T> T check(String parameter, String value, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw Problem.of(e).about(parameter, value).failure();
        }
    }
}

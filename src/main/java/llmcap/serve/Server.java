package llmcap.serve;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.PrintWriter;
import llmcap.app.Problem;
import llmcap.live.Live;

/**
 * {@code llmcap serve}: the JSON API and the workbench page over one {@link Live} snapshot holder.
 * Javalin (on Jetty 12) does the HTTP: it is small, maintained, runs on Java 17 and needs no
 * annotation processing or reflection set-up, which keeps the fat jar and its start simple.
 */
public final class Server implements AutoCloseable {

    /**
     * Jetty's threads: its acceptor and selectors, and a few per core to compute answers
     * ({@code -Dllmcap.serve.threads=N} to measure another number).
     */
    static final int THREADS = Integer.getInteger("llmcap.serve.threads", 4 + 2 * Runtime.getRuntime().availableProcessors());

    private final Javalin app;
    private final Live live;
    private final PrintWriter log;

    private Server(Javalin app, Live live, PrintWriter log) {
        this.app = app;
        this.live = live;
        this.log = log;
    }

    /** Starts listening on {@code host:port} (port 0: any free port); {@code log} gets one line per internal error. */
    public static Server start(Live live, String host, int port, Limits limits, PrintWriter log) {
        Security security = new Security(host);
        Assets assets = new Assets();
        EstimateApi estimate = new EstimateApi(live, limits);
        CatalogApi catalog = new CatalogApi(live);
        WhatIfApi whatIf = new WhatIfApi(live, limits);
        Server[] self = new Server[1];
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            // Few threads, many connections: requests beyond what the cores can compute wait in Jetty's
            // queue, first come first served, instead of all slowing each other down.
            config.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(THREADS, 4);
            config.routes.before(security::before);
            config.routes.get("/", ctx -> asset(ctx, assets, Assets.INDEX));
            config.routes.get("/assets/{name}", ctx -> asset(ctx, assets, ctx.pathParam("name")));
            config.routes.get("/favicon.ico", ctx -> asset(ctx, assets, "favicon.svg"));
            config.routes.get("/api/health", catalog::health);
            config.routes.get("/api/estimate", estimate::estimate);
            config.routes.post("/api/estimate", estimate::estimateInline);
            config.routes.get("/api/estimate.csv", estimate::csv);
            config.routes.get("/api/report.html", estimate::html);
            config.routes.get("/api/explain", estimate::explain);
            config.routes.get("/api/compare", whatIf::compare);
            config.routes.get("/api/sweep", whatIf::sweep);
            config.routes.get("/api/catalog", catalog::catalog);
            config.routes.get("/api/rules", catalog::rules);
            config.routes.get("/api/validate", catalog::validate);
            config.routes.get("/api/units", catalog::units);
            config.routes.exception(Exception.class, (e, ctx) -> self[0].fail(ctx, e));
            config.routes.error(404, ctx -> send(ctx, Problem.of(Problem.Kind.USAGE, "no such page or API: "
                    + ctx.method() + " " + ctx.path()), 404));
            config.routes.error(405, ctx -> send(ctx, Problem.of(Problem.Kind.USAGE, ctx.method() + " is not allowed on "
                    + ctx.path()), 405));
        });
        self[0] = new Server(app, live, log);
        app.start(host, port);
        return self[0];
    }

    /** True for the names and addresses of this machine only (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String host) {
        return Security.isLoopback(host);
    }

    public int port() {
        return app.port();
    }

    public Live live() {
        return live;
    }

    private static void asset(Context ctx, Assets assets, String name) {
        Assets.Asset a = assets.get(name).orElseThrow(() -> Problem.of(Problem.Kind.USAGE, "no such file: " + name)
                .about("name", name).failure());
        ctx.contentType(a.contentType()).result(a.bytes());
        if (name.equals("favicon.svg")) {
            ctx.header("Cache-Control", "max-age=86400");
        }
    }

    private void fail(Context ctx, Exception e) {
        if (e instanceof HttpResponseException h) { // Javalin's own: body too large, bad content
            Problem.Kind kind = h.getStatus() == 413 ? Problem.Kind.TOO_LARGE : Problem.Kind.USAGE;
            send(ctx, Problem.of(kind, h.getMessage() == null ? "HTTP " + h.getStatus() : h.getMessage()), h.getStatus());
            return;
        }
        Problem p = Problem.of(e);
        if (p.kind() == Problem.Kind.INTERNAL) {
            log.println("llmcap serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e
                    + (System.getenv("LLMCAP_DEBUG") == null ? " (LLMCAP_DEBUG=1 logs the stack trace)" : ""));
            if (System.getenv("LLMCAP_DEBUG") != null) {
                e.printStackTrace(log);
            }
            log.flush();
        }
        int status = p.parameter().filter(x -> x.equals("name")).isPresent() && ctx.path().startsWith("/assets/")
                ? 404 : Http.status(p.kind());
        send(ctx, p, status);
    }

    private static void send(Context ctx, Problem p, int status) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Http.body(p, status));
    }

    @Override
    public void close() {
        app.stop();
    }
}

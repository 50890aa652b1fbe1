package llmcap.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import llmcap.app.Timings;
import llmcap.app.UsageException;
import llmcap.app.Workspace;
import llmcap.live.Live;
import llmcap.live.SnapshotLoader;
import llmcap.live.Watcher;
import llmcap.serve.Limits;
import llmcap.serve.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap serve}: the JSON API and the web workbench, following edits of the rules and catalog. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web workbench and the JSON API on http://HOST:PORT/ until Ctrl-C.",
            "Saved edits of the rules and catalog are picked up within a second or two.",
            "A broken edit keeps the last good rules and catalog in use, and the page and",
            "/api/health show its error (file:line) until the file is fixed."},
        footerHeading = "%nExamples:%n",
        footer = {"  # http://127.0.0.1:8080/; another port, with a catalog of your own",
            "  llmcap serve",
            "  llmcap serve --port 8081 --catalog my-catalog"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + ": not a port (0 to 65535)");
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        llmcap.engine.RuleBook.keepCompiledFiles(); // a reload after one saved file compiles that file alone
        Workspace w = sources.workspace(new Timings());
        Live live = new Live(new SnapshotLoader(w.rulesFolder(), w.catalogFolder(), w.ruleTimeout()));
        if (!llmcap.serve.Server.isLoopback(host)) {
            err.println("llmcap: warning: listening on " + host + ", which other machines may reach; llmcap serve has no"
                    + " authentication and runs rules on request: use it on trusted networks only");
        }
        Server server;
        try {
            server = Server.start(live, host, port, Limits.DEFAULT, err);
        } catch (RuntimeException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (" + rootMessage(e) + ")",
                    new java.io.IOException(e));
        }
        live.watch(Watcher.Timing.DEFAULT);
        String shown = host.contains(":") ? "[" + host + "]" : host;
        out.println("llmcap: serving the workbench and API at http://" + shown + ":" + server.port() + "/");
        out.println("llmcap: rules from " + w.rulesFolder().display() + ", catalog from " + w.catalogFolder().display()
                + "; edits are picked up as they are saved; Ctrl-C stops");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            live.close();
            stopped.countDown();
        }, "llmcap-stop"));
        stopped.await();
        return ExitCode.OK;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

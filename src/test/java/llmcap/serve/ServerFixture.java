package llmcap.serve;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import llmcap.app.Folder;
import llmcap.app.Locations;
import llmcap.live.Live;
import llmcap.live.SnapshotLoader;

/**
 * A server on a free loopback port over a copy of the repository's rules and catalog (so a test may
 * edit them), and a client for it.
 */
public final class ServerFixture implements AutoCloseable {

    public final Path rules;
    public final Path catalog;
    public final Live live;
    public final Server server;
    public final StringWriter log = new StringWriter();
    private final HttpClient http = HttpClient.newHttpClient();

    /** One HTTP answer: status, body, and the version header. */
    public record Answer(int status, String body, String version, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    /** Folders named as the command line names them when given {@code --rules DIR --catalog DIR}. */
    public ServerFixture(Path dir, Limits limits) {
        this(dir, limits, false);
    }

    /** With {@code shortNames}, the copies are named {@code rules} and {@code catalog}, as {@code ./llmcap serve} names its own. */
    public ServerFixture(Path dir, Limits limits, boolean shortNames) {
        rules = copy(Path.of("rules"), dir.resolve("rules"));
        catalog = copy(Path.of("catalog"), dir.resolve("catalog"));
        live = new Live(shortNames ? new SnapshotLoader(new Folder(rules, "rules"), new Folder(catalog, "catalog"))
                : new SnapshotLoader(Locations.rules(Optional.of(rules)), Locations.catalog(Optional.of(catalog))));
        server = Server.start(live, "127.0.0.1", 0, limits, new PrintWriter(log, true));
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base().resolve(path)).build());
    }

    public Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(base().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("X-Llmcap-Version").orElse(""), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies a folder tree (the repository's rules or catalog into a test's own folder). */
    public static Path copy(Path from, Path to) {
        llmcap.cli.CliTestSupport.copyTree(from, to);
        return to;
    }

    @Override
    public void close() {
        server.close();
        live.close();
    }
}

package llmcap.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The workbench's files (HTML, CSS, JavaScript, icon), read from the jar once at start: a request
 * picks one by name from this fixed set, so no request can name a file to open.
 */
final class Assets {

    static final String INDEX = "index.html";
    private static final String[] NAMES = {INDEX, "app.css", "app.js", "api.js", "format.js", "tree.js", "charts.js",
        "views.js", "favicon.svg"};

    /** One file's bytes and media type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> byName = new LinkedHashMap<>();

    Assets() {
        for (String name : NAMES) {
            try (InputStream in = Assets.class.getResourceAsStream("/llmcap/web/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the workbench file " + name + " is missing from the jar");
                }
                byName.put(name, new Asset(in.readAllBytes(), type(name)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the workbench file " + name + ": " + e.getMessage(), e);
            }
        }
    }

    Optional<Asset> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static String type(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            default -> "application/octet-stream";
        };
    }
}

package llmcap.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import llmcap.app.Problem;

/** The HTTP side of a {@link Problem}: its status, decided here and nowhere else, and its JSON body. */
final class Http {

    private Http() {
    }

    /** The status of each kind of problem. */
    static int status(Problem.Kind kind) {
        return switch (kind) {
            case USAGE, CATALOG -> 400; // a bad id, set, parameter or inline scenario: the request's own fault
            case RULES -> 422;          // the rules could not produce an answer for these inputs
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
            case IO, INTERNAL -> 500;
        };
    }

    /**
     * {@code {"error": "one line", "kind": "usage", "status": 400, "lines": [...], "parameter": "gpu",
     * "value": "h900"}}: never a stack trace; an internal error says only that it is one.
     */
    static String body(Problem p) {
        return body(p, status(p.kind()));
    }

    static String body(Problem p, int status) {
        JsonObject o = new JsonObject();
        boolean internal = p.kind() == Problem.Kind.INTERNAL;
        String message = internal ? "internal error in llmcap (a bug); the server log has the details" : p.message();
        o.addProperty("error", message.lines().findFirst().orElse(message));
        o.addProperty("kind", p.kind().name().toLowerCase(Locale.ROOT));
        o.addProperty("status", status);
        JsonArray lines = new JsonArray();
        (internal ? java.util.List.of(message) : p.lines()).forEach(lines::add);
        o.add("lines", lines);
        p.parameter().ifPresent(x -> o.addProperty("parameter", x));
        p.value().ifPresent(x -> o.addProperty("value", x));
        return Jsons.write(o);
    }
}

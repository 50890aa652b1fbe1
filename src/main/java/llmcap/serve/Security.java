package llmcap.serve;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import llmcap.app.Problem;

/**
 * Headers every answer carries, and the check that a request was meant for this server. The page
 * runs only the scripts and styles served from the jar (no inline script, nothing from elsewhere);
 * on loopback, a request whose Host is not a loopback name is refused, so a web page elsewhere cannot
 * reach the server through a DNS name it controls (DNS rebinding).
 */
final class Security {

    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean checkHost;
    private final String host;

    Security(String host) {
        this.host = host.toLowerCase(Locale.ROOT);
        this.checkHost = isLoopback(host);
    }

    private static final java.util.regex.Pattern LOOPBACK_V4 = java.util.regex.Pattern.compile("127(\\.\\d{1,3}){3}");

    /** localhost, ::1 or an address of 127.0.0.0/8 written as digits ({@code 127.evil.example} is a name, not one). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOOPBACK_NAMES.contains(h) || LOOPBACK_V4.matcher(h).matches();
    }

    void before(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if (checkHost) {
            String given = ctx.header("Host");
            String name = given == null ? "" : given.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
            if (!isLoopback(name) && !name.equals(host)) {
                throw Problem.of(Problem.Kind.USAGE, "Host '" + given + "' is not this server (it listens on "
                        + host + " only)").about("Host", given).failure();
            }
        }
    }
}

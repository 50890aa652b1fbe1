package llmcap.serve;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import llmcap.live.Snapshot;

/**
 * Answers already given, by snapshot version and request (path and query as sent): an answer
 * depends on nothing else, so a repeated question (the page asks again when it switches views or
 * follows a link) is answered without running the rules. Bounded by count and size, least recently
 * used first out; answers of a replaced snapshot are never asked for again and age out.
 */
final class ResponseCache {

    private final int maxEntries;
    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);

    ResponseCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    static String key(Snapshot s, Context ctx) {
        String q = ctx.queryString();
        return s.version().id() + " " + ctx.path() + (q == null ? "" : "?" + q);
    }

    synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(String key, String answer) {
        byte[] b = answer.getBytes(StandardCharsets.UTF_8);
        if (b.length > maxBytes / 8) {
            return;
        }
        byte[] old = entries.put(key, b);
        bytes += b.length - (old == null ? 0 : old.length);
        var it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
            Map.Entry<String, byte[]> eldest = it.next();
            bytes -= eldest.getValue().length;
            it.remove();
        }
    }
}

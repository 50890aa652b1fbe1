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
 *
 * An answer is kept the second time its question is asked, not the first: most questions a busy
 * server gets are never asked again (a number set to a new value), and keeping each of those 70 KB
 * answers until it aged out made every young collection copy tens of megabytes (bench/serve: pauses
 * of 40 ms every 0.4 s, the slowest answers). Questions asked once are remembered by a hash of their
 * key, a few thousand of them.
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

    /** Hashes of questions asked once, most recent last; a question asked again is kept. */
    private final LinkedHashMap<Long, Boolean> askedOnce = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > ASKED_ONCE;
        }
    };

    /** How many questions asked once are remembered. */
    static final int ASKED_ONCE = 4096;

    synchronized void put(String key, String answer) {
        if (askedOnce.remove(hash(key)) == null) {
            askedOnce.put(hash(key), Boolean.TRUE); // the first time: remember the question, not the answer
            return;
        }
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

    /** 64 bits of the key: two questions sharing them would only cost one answer its place. */
    private static long hash(String key) {
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return h;
    }
}

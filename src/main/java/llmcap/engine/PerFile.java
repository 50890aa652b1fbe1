package llmcap.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Work done on one rule file, kept by the file's name and text for the life of the process: what a
 * server, which reloads after each saved file, does not do again for the files that did not change.
 * The most recently used {@value #KEPT} are kept, a rules folder's worth several times over. What is
 * kept must never change once made, since every later rule book may use it.
 */
final class PerFile<V> {

    private static final int KEPT = 96;

    private final Map<String, V> kept = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > KEPT;
        }
    };

    /** What was kept for {@code file} as it is now; null when nothing was. */
    synchronized V get(RuleFile file) {
        return kept.get(key(file));
    }

    synchronized void put(RuleFile file, V value) {
        kept.put(key(file), value);
    }

    private static String key(RuleFile f) {
        return f.display() + "\u0000" + f.text();
    }
}

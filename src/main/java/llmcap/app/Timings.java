package llmcap.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time of each phase of a run, for {@code --timings} and the benchmark script. */
public final class Timings {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    public <T> T time(String phase, java.util.function.Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(phase, System.nanoTime() - t0, Long::sum);
        }
    }

    public Map<String, Long> nanos() {
        return java.util.Collections.unmodifiableMap(nanos);
    }
}

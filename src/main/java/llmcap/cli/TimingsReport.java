package llmcap.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import llmcap.app.Timings;

/** Prints where a run's time went: JVM start to main, then each phase, to stderr. */
final class TimingsReport {

    private TimingsReport() {
    }

    static void print(Timings t, PrintWriter err) {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainMs = System.currentTimeMillis() - (System.nanoTime() - Main.STARTED) / 1_000_000;
        StringBuilder sb = new StringBuilder("timings:");
        sb.append(String.format(Locale.ROOT, " jvm-start-to-main=%d ms", Math.max(0, mainMs - jvmStartMs)));
        for (Map.Entry<String, Long> e : t.nanos().entrySet()) {
            sb.append(String.format(Locale.ROOT, " %s=%.0f ms", e.getKey().replace(' ', '-'), e.getValue() / 1e6));
        }
        sb.append(String.format(Locale.ROOT, " main-total=%.0f ms", (System.nanoTime() - Main.STARTED) / 1e6));
        err.println(sb);
    }
}

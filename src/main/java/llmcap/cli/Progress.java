package llmcap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/** A progress bar on stderr for long runs, only when a person is watching (a terminal). */
final class Progress implements LongConsumer {

    private final PrintWriter err;
    private final long total;
    private final boolean shown;
    private final long start = System.nanoTime();
    private long lastDraw;

    Progress(PrintWriter err, long total) {
        this.err = err;
        this.total = total;
        this.shown = System.console() != null && total >= 10_000;
    }

    @Override
    public void accept(long done) {
        if (!shown) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) (width * done / total);
        double rate = done / Math.max(1e-9, (now - start) / 1e9);
        err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%% %,d/%,d rows, %,.0f rows/s", "#".repeat(filled),
                " ".repeat(width - filled), 100 * done / total, done, total, rate));
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}

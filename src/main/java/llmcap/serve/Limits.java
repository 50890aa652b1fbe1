package llmcap.serve;

import java.time.Duration;

/**
 * What one request may ask of the server. Requests beyond a size limit are refused (413), requests
 * that run out of time are stopped (503); the figures are far above what the workbench needs.
 *
 * @param maxBodyBytes   an inline scenario's size
 * @param maxSweepRows   rows of one sweep
 * @param maxCompareRows model x GPU rows of one comparison
 * @param maxSets        {@code set} parameters of one request
 * @param timePerRequest how long one request may compute
 * @param maxSweeps      sweeps running at once (each uses the machine's cores); one more is refused (503)
 */
public record Limits(int maxBodyBytes, int maxSweepRows, int maxCompareRows, int maxSets, Duration timePerRequest,
                     int maxSweeps) {

    public static final Limits DEFAULT = new Limits(64 * 1024, 10_000, 64, 64, Duration.ofSeconds(10), 2);

    public Limits {
        if (maxBodyBytes < 1 || maxSweepRows < 1 || maxCompareRows < 1 || maxSets < 0 || maxSweeps < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        java.util.Objects.requireNonNull(timePerRequest, "timePerRequest must not be null");
    }
}

package llmcap.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One published run or figure to check llmcap against: what to estimate (a catalog scenario, or a
 * model and GPU with values set for the case), the published figures with a tolerance and the
 * reason for it, and optionally the utilization to solve for so that llmcap reproduces a figure.
 */
public record ValidationCase(String id, String title, String file, String source, Scenario scenario,
                             List<Check> checks, Optional<Implied> implied) {

    public ValidationCase {
        Objects.requireNonNull(id, "id must not be null");
        checks = List.copyOf(checks);
    }

    /**
     * A published figure: llmcap's value of {@code quantity} should be within the tolerance of it.
     * {@code figure} is the source's own label for it (e.g. "7" for the article's figure #7), or "".
     */
    public record Check(String figure, String quantity, double published, double tolerancePercent, String why, int line,
                        java.util.Optional<String> knownMiss) {
        public Check {
            knownMiss = knownMiss == null ? java.util.Optional.empty() : knownMiss;
        }
    }

    /**
     * Solve {@code variable} (a utilization) so that llmcap's {@code quantity} equals {@code published};
     * {@code expected}, when given, is the published value of the variable itself (e.g. a paper's MFU).
     */
    public record Implied(String variable, String quantity, double published, OptionalDouble expected,
                          double tolerancePercent, String why, int line) {
    }
}

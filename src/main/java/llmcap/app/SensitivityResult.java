package llmcap.app;

import java.util.List;

/**
 * {@code llmcap sensitivity}: every numeric assumption moved down and up by a swing, one at a time,
 * within its valid range, ranked by how far the output moves (a tornado); the figures that are not
 * assumptions (the model's own, a setting's lookups) listed as not moved, with why.
 *
 * @param swing    the relative move, e.g. 0.2 for 20 %
 * @param notMoved the numbers the output is made from that were not moved, each with the reason
 */
public record SensitivityResult(String scenario, String output, String unit, double baseValue, double swing,
                                List<Row> rows, List<NotMoved> notMoved) {

    public SensitivityResult {
        rows = List.copyOf(rows);
        notMoved = List.copyOf(notMoved);
    }

    public SensitivityResult(String scenario, String output, String unit, double baseValue, double swing, List<Row> rows) {
        this(scenario, output, unit, baseValue, swing, rows, List.of());
    }

    /** How a moved value was kept valid: as moved, rounded to a whole number, or clipped at an end of its range. */
    public enum Kept { AS_MOVED, ROUNDED, CLIPPED }

    /**
     * One assumption: its base value and the two values tried, and the output at each. An output
     * that could not be derived at one end is {@code NaN} there (and the row says why in {@code note}).
     * A count output is a whole number at each end (rounded up).
     *
     * @param lowKept  how the low end was kept within {@code range}
     * @param range    the valid values, described ({@code from 0 to 24}), and what states them
     */
    public record Row(String assumption, String assumptionUnit, String origin, double base, double low, double high,
                      double outputAtLow, double outputAtHigh, String note, Kept lowKept, Kept highKept, String range) {

        public Row(String assumption, String assumptionUnit, String origin, double base, double low, double high,
                   double outputAtLow, double outputAtHigh, String note) {
            this(assumption, assumptionUnit, origin, base, low, high, outputAtLow, outputAtHigh, note, Kept.AS_MOVED,
                    Kept.AS_MOVED, "");
        }

        /**
         * How far the output moves across the swing, the ranking key; 0 when the output could not be
         * derived at one end (the row's note says why), so a failure never ranks as a large effect.
         */
        public double spread() {
            if (Double.isNaN(outputAtLow) || Double.isNaN(outputAtHigh)) {
                return 0;
            }
            return Math.abs(outputAtHigh - outputAtLow);
        }

        /** True when the reports show the row: it moves the output, or it has a note saying why not. */
        public boolean shown() {
            return spread() > 0 || !note.isEmpty();
        }

        /** True when either end was rounded or clipped to stay valid. */
        public boolean kept() {
            return lowKept != Kept.AS_MOVED || highKept != Kept.AS_MOVED;
        }
    }

    /** A number the output reads that is not moved, and why. */
    public record NotMoved(String name, String unit, double value, String reason) {
    }
}

package llmcap.app;

import java.util.List;

/**
 * {@code llmcap sensitivity}: every numeric assumption moved down and up by a swing, one at a time,
 * ranked by how far the output moves (a tornado).
 *
 * @param swing the relative move, e.g. 0.2 for 20 %
 */
public record SensitivityResult(String scenario, String output, String unit, double baseValue, double swing,
                                List<Row> rows) {

    public SensitivityResult {
        rows = List.copyOf(rows);
    }

    /**
     * One assumption: its base value and the two values tried, and the output at each. An output
     * that could not be derived at one end is {@code NaN} there (and the row says why in {@code note}).
     */
    public record Row(String assumption, String assumptionUnit, String origin, double base, double low, double high,
                      double outputAtLow, double outputAtHigh, String note) {

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
    }
}

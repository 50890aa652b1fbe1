package llmcap.app;

import java.util.List;

/**
 * {@code llmcap estimate --samples N}: the headline figures as P10 / P50 / P90 over N draws of the
 * assumptions the scenario gives as ranges or distributions.
 */
public record UncertaintyResult(String scenario, int samples, long seed, List<Input> uncertain, List<Figure> figures) {

    public UncertaintyResult {
        uncertain = List.copyOf(uncertain);
        figures = List.copyOf(figures);
    }

    /**
     * An uncertain assumption as the scenario states it, e.g. "triangular(3, 5, 8)".
     *
     * @param kept how many draws were clipped to the valid range ("" when none was)
     */
    public record Input(String name, String unit, String distribution, String where, String kept) {
        public Input(String name, String unit, String distribution, String where) {
            this(name, unit, distribution, where, "");
        }
    }

    /**
     * Percentiles of one figure over the draws in which it was derived ({@code n} of them); a count
     * (GPUs, replicas) rounded up to a whole number at each.
     */
    public record Figure(String name, String unit, double p10, double p50, double p90, double mean, int n) {
    }
}

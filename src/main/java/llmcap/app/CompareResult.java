package llmcap.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import llmcap.catalog.Scenario.Kind;
import llmcap.engine.Derivation;

/**
 * {@code llmcap compare}: one row per model x GPU, the figures side by side, ranked.
 *
 * @param scenario the scenario's id
 * @param kind     what the scenario asks, which chose the default ranking and columns
 * @param outputs  the quantity names shown, in column order (the ranking's among them)
 * @param ranking  what the rows are ranked by
 * @param rows     best first; rows without the ranking's figure last, in the order asked
 * @param notes    what the reader of the whole table should know (prices on different terms)
 */
public record CompareResult(String scenario, Kind kind, List<String> outputs, Ranking ranking, List<Row> rows,
                            List<String> notes) {

    public CompareResult {
        outputs = List.copyOf(outputs);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /**
     * The figure the rows are ranked by, and which way.
     *
     * @param by            a quantity name
     * @param highestFirst  true for a rate (tokens/s: more is better), false for costs, counts and times
     * @param cost          true when the figure is money: the best row is the cheapest
     * @param given         true when {@code --rank-by} chose it, false for the kind's default
     */
    public record Ranking(String by, boolean highestFirst, boolean cost, boolean given) {

        /** {@code lowest first} or {@code highest first}. */
        public String order() {
            return highestFirst ? "highest first" : "lowest first";
        }

        /** The word for the first row: {@code cheapest} for money, else {@code best}. */
        public String mark() {
            return cost ? "cheapest" : "best";
        }
    }

    /**
     * The price a row is costed at: its value per GPU-hour, the terms and provider of the offer, its
     * date, and where it was set ({@code catalog/gpus.yaml#h100-sxm}, a scenario line, {@code --set}).
     * Empty value: no price, so no cost.
     */
    public record Price(Optional<Double> usdPerGpuHour, String terms, String provider, String date, String where) {

        public static Price none() {
            return new Price(Optional.empty(), "", "", "", "");
        }
    }

    /**
     * One model on one GPU; a figure is empty when the rules could not derive it (e.g. no price).
     *
     * @param rank 1 for the best row; empty when the row lacks the ranking's figure
     */
    public record Row(String model, String gpu, Map<String, Optional<Derivation>> figures, OptionalInt rank,
                      Price price, List<String> notes) {
        public Row {
            figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
            notes = List.copyOf(notes);
        }

        /** True for the row ranked first. */
        public boolean best() {
            return rank.isPresent() && rank.getAsInt() == 1;
        }
    }
}

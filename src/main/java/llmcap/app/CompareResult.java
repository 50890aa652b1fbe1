package llmcap.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import llmcap.engine.Derivation;

/**
 * {@code llmcap compare}: one row per model x GPU, the headline figures side by side.
 *
 * @param outputs   the quantity names shown, in column order
 * @param cheapestBy the quantity the cheapest row is chosen by (e.g. cost.fleet_daily_usd)
 */
public record CompareResult(String scenario, List<String> outputs, String cheapestBy, List<Row> rows) {

    public CompareResult {
        outputs = List.copyOf(outputs);
        rows = List.copyOf(rows);
    }

    /** One model on one GPU; a figure is empty when the rules could not derive it (e.g. no price). */
    public record Row(String model, String gpu, Map<String, Optional<Derivation>> figures, boolean cheapest,
                      List<String> notes) {
        public Row {
            figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
            notes = List.copyOf(notes);
        }
    }
}

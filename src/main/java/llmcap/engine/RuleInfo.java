package llmcap.engine;

import java.util.List;
import java.util.Map;

/**
 * What the index knows of one rule without running it: where it is written, the quantities its
 * conditions need ({@code reads}) or need to be missing ({@code absent}, from {@code not Quantity(...)}),
 * and the quantities its action creates (with the units it gives them). {@code optional}: the rule is
 * marked {@code @optional}, its figures are there only when an optional input is given or a condition
 * holds, so their absence is no gap to report. {@code uncertain}: from {@code @uncertain(low, high)} or
 * {@code @uncertain(low, mode, high)}, the factors by which {@code estimate --samples} varies the value
 * the rule gives (uniform or triangular), or empty. {@code consequence}: the action's source text, as
 * written between {@code then} and {@code end} (stripped of the blank lines around it).
 */
public record RuleInfo(String name, String packageName, String file, int line, List<String> reads,
                       List<String> absent, Map<String, String> derives, boolean optional, List<Double> uncertain,
                       String consequence) {

    public RuleInfo {
        reads = List.copyOf(reads);
        absent = List.copyOf(absent);
        derives = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derives)); // in the action's order
        uncertain = List.copyOf(uncertain);
        consequence = consequence == null ? "" : consequence;
    }

    /** {@code rules/serving.drl:40}. */
    public String where() {
        return file + ":" + line;
    }
}

package llmcap.engine;

import java.util.List;
import java.util.Map;

/**
 * What the index knows of one rule without running it: where it is written, the quantities its
 * conditions need ({@code reads}) or need to be missing ({@code absent}, from {@code not Quantity(...)}),
 * and the quantities its action creates (with the units it gives them). {@code optional}: the rule is
 * marked {@code @optional}, its figures are there only when an optional input is given or a condition
 * holds, so their absence is no gap to report.
 */
public record RuleInfo(String name, String packageName, String file, int line, List<String> reads,
                       List<String> absent, Map<String, String> derives, boolean optional) {

    public RuleInfo {
        reads = List.copyOf(reads);
        absent = List.copyOf(absent);
        derives = Map.copyOf(derives);
    }

    /** {@code rules/serving.drl:40}. */
    public String where() {
        return file + ":" + line;
    }
}

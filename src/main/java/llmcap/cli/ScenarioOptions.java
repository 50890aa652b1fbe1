package llmcap.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import llmcap.app.Selection;
import llmcap.app.UsageException;
import llmcap.domain.Excerpt;
import picocli.CommandLine.Option;

/** What to estimate: {@code --scenario}, {@code --model}, {@code --gpu} and repeatable {@code --set}. */
final class ScenarioOptions {

    @Option(names = "--scenario", paramLabel = "ID|PATH", defaultValue = Selection.DEFAULT_SCENARIO,
            description = "Scenario id from catalog/scenarios, or a scenario file path (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--model", paramLabel = "ID", description = "Model id from the catalog (default: the scenario's).")
    String model;

    @Option(names = "--gpu", paramLabel = "ID", description = "GPU id from the catalog (default: the scenario's).")
    String gpu;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Override an assumption or catalog figure, in base units, e.g. --set serving.peak_factor=3. Repeatable.")
    List<String> sets = new ArrayList<>();

    Selection selection() {
        return new Selection(scenario, Optional.ofNullable(model), Optional.ofNullable(gpu), parseSets());
    }

    private Map<String, String> parseSets() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new UsageException("--set '" + Excerpt.of(s)
                        + "': expected NAME=VALUE, e.g. serving.peak_factor=3");
            }
            String name = s.substring(0, eq).strip();
            String value = s.substring(eq + 1).strip();
            if (name.isEmpty()) {
                throw new UsageException("--set '" + Excerpt.of(s) + "': the name before '=' is empty");
            }
            if (value.isEmpty()) {
                throw new UsageException("--set '" + Excerpt.of(s) + "': the value after '=' is empty");
            }
            if (out.put(name, value) != null) {
                throw new UsageException("--set " + Excerpt.of(name) + " is given twice");
            }
        }
        return out;
    }
}

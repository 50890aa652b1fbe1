package llmcap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import llmcap.app.Selection;
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
        return new Selection(scenario, Optional.ofNullable(model), Optional.ofNullable(gpu), Selection.parseSets(sets));
    }
}

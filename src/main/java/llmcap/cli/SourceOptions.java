package llmcap.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import llmcap.app.Locations;
import llmcap.app.Timings;
import llmcap.app.UsageException;
import llmcap.catalog.Numbers;
import llmcap.domain.Excerpt;
import llmcap.engine.Engine;
import llmcap.app.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --rules DIR}, {@code --catalog DIR} and {@code --catalog-only DIR}, shared by every command that reads them. */
final class SourceOptions {

    /** The command this option set belongs to, for its stderr. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Folder of .drl rule files (default: ./rules, else $LLMCAP_HOME/rules, else the bundled copy).")
    Path rules;

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "A catalog folder laid over the bundled catalog: its entries are added, an entry with the id"
                    + " of a bundled one overrides it field by field, a scenario or validation case replaces it whole."
                    + " Repeatable, the last on top (default: ./catalog if there is one).")
    List<Path> catalog = new ArrayList<>();

    @Option(names = "--catalog-only", paramLabel = "DIR",
            description = "A whole catalog (gpus.yaml, models.yaml, scenarios/) used instead of the bundled one.")
    Path catalogOnly;

    @Option(names = "--rule-timeout", paramLabel = "SECONDS", description = "Wall-clock limit of one rule firing"
            + " (default: $LLMCAP_RULE_TIMEOUT, else 5): an action still running then is stopped, naming its rule.")
    String ruleTimeout;

    Workspace workspace(Timings timings) {
        return new Workspace(Locations.rules(Optional.ofNullable(rules)),
                Locations.catalog(catalog, Optional.ofNullable(catalogOnly)), timings)
                .onWarning(w -> command.commandLine().getErr().println("llmcap: warning: " + w))
                .withRuleTimeout(timeout());
    }

    /** {@code --rule-timeout}, else {@code $LLMCAP_RULE_TIMEOUT}, else the engine's default. */
    private Duration timeout() {
        String env = System.getenv("LLMCAP_RULE_TIMEOUT");
        String given = ruleTimeout != null ? ruleTimeout : env != null && !env.isBlank() ? env : null;
        if (given == null) {
            return Engine.DEFAULT_TIME_LIMIT;
        }
        String what = ruleTimeout != null ? "--rule-timeout" : "LLMCAP_RULE_TIMEOUT";
        double seconds;
        try {
            seconds = Numbers.parse(given);
        } catch (NumberFormatException e) {
            throw new UsageException(what + " '" + Excerpt.of(given) + "': expected a number of seconds, such as 5 or 0.5");
        }
        if (!(seconds > 0) || seconds > 86_400) {
            throw new UsageException(what + " " + given.strip() + ": give a number of seconds above 0 and at most 86400");
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}

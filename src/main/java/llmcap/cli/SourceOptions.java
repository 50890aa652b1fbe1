package llmcap.cli;

import java.nio.file.Path;
import java.util.Optional;
import llmcap.app.Locations;
import llmcap.app.Timings;
import llmcap.app.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --rules DIR} and {@code --catalog DIR}, shared by every command that reads them. */
final class SourceOptions {

    /** The command this option set belongs to, for its stderr. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Folder of .drl rule files (default: ./rules, else $LLMCAP_HOME/rules, else the bundled copy).")
    Path rules;

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Catalog folder with gpus.yaml, models.yaml, scenarios/ (default: ./catalog, else $LLMCAP_HOME/catalog, else the bundled copy).")
    Path catalog;

    Workspace workspace(Timings timings) {
        return new Workspace(Locations.rules(Optional.ofNullable(rules)), Locations.catalog(Optional.ofNullable(catalog)),
                timings).onWarning(w -> command.commandLine().getErr().println("llmcap: warning: " + w));
    }
}

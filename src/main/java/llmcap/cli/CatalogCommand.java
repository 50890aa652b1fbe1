package llmcap.cli;

import java.util.concurrent.Callable;
import llmcap.app.Timings;
import llmcap.catalog.Catalog;
import llmcap.report.CatalogListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap catalog gpus|models|scenarios}: what the catalog holds; {@code catalog import-hf}: a new entry. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "List the catalog's GPUs, models or scenarios (JSON adds every figure's source).",
        subcommands = {ImportHfCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  llmcap catalog gpus",
            "  llmcap catalog models --format json",
            "  # the bundled GPUs with those of my-catalog/gpus.yaml",
            "  llmcap catalog gpus --catalog my-catalog"})
final class CatalogCommand implements Callable<Integer> {

    enum Kind { gpus, models, scenarios }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", arity = "0..1", description = "gpus, models or scenarios.")
    Kind kind;

    @Mixin
    ListFormatOption format = new ListFormatOption();

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Override
    public Integer call() {
        if (kind == null) {
            throw new ParameterException(spec.commandLine(),
                    "Missing required parameter: WHAT (gpus, models or scenarios) or a subcommand (import-hf)");
        }
        Catalog c = sources.workspace(new Timings()).catalog();
        boolean json = format.json();
        String out = switch (kind) {
            case gpus -> json ? CatalogListing.entriesJson(c.gpus().values()) : CatalogListing.gpusText(c);
            case models -> json ? CatalogListing.entriesJson(c.models().values()) : CatalogListing.modelsText(c);
            case scenarios -> json ? CatalogListing.scenariosJson(c) : CatalogListing.scenariosText(c);
        };
        spec.commandLine().getOut().print(out);
        return ExitCode.OK;
    }
}

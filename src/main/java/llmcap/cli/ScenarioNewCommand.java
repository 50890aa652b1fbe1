package llmcap.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import llmcap.app.ScenarioTemplate;
import llmcap.app.Timings;
import llmcap.app.UsageException;
import llmcap.app.Workspace;
import llmcap.catalog.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap scenario new FILE}: a commented scenario with every input of its kind and the default of each. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Write a scenario file with every input of a serving or training plan (or both), each with",
            "the value the rules' defaults give it for this model and GPU, its unit and what it means, read",
            "from the rules as they are now (a default you add to a rule file shows up). Inputs that have no",
            "default (traffic, latency targets, a cluster size) are listed commented out. The file loads as",
            "it is and reproduces the defaults; change what you know."},
        footerHeading = "%nExamples:%n",
        footer = {"  # a serving plan, then its estimate; a training plan over an older file",
            "  llmcap scenario new plan.yaml --model llama-3.1-70b --gpu h100-sxm \\",
            "      --kind serving",
            "  llmcap estimate --scenario plan.yaml",
            "  llmcap scenario new run.yaml --model llama-3.1-405b --gpu h100-sxm \\",
            "      --kind training --force"})
final class ScenarioNewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file to write (.yaml).")
    Path file;

    @Option(names = "--model", paramLabel = "ID", required = true, description = "Model id from the catalog.")
    String model;

    @Option(names = "--gpu", paramLabel = "ID", required = true, description = "GPU id from the catalog.")
    String gpu;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "both",
            description = "serving, training or both (default: ${DEFAULT-VALUE}): inputs of the other kind are left out.")
    String kind;

    @Option(names = "--id", paramLabel = "ID", description = "The scenario's id (default: from the file name).")
    String id;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Override
    public Integer call() {
        Scenario.Kind k = Scenario.Kind.of(kind).orElseThrow(() -> new UsageException("--kind " + kind
                + ": give serving, training or both"));
        if (!force && (Files.exists(file, LinkOption.NOFOLLOW_LINKS))) {
            throw new UsageException(file + " already exists; use --force to overwrite it");
        }
        String scenarioId = id != null ? id : idFrom(file);
        if (!scenarioId.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
            throw new UsageException("--id " + scenarioId + ": not a lowercase kebab-case id such as my-plan");
        }
        Workspace w = sources.workspace(new Timings());
        String text = new ScenarioTemplate(w).render(scenarioId, model, gpu, k);
        OutputOption out = new OutputOption();
        out.out = file;
        out.emit(spec.commandLine().getOut(), w, pw -> pw.print(text));
        spec.commandLine().getOut().println("wrote " + file + "; run it with: llmcap estimate --scenario " + file);
        return ExitCode.OK;
    }

    /** {@code plans/My Plan.yaml} gives {@code my-plan}. */
    static String idFrom(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "").toLowerCase(Locale.ROOT);
        String id = name.replaceAll("[^a-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "").replaceAll("([.-])[.-]+", "$1");
        return id.isEmpty() ? "plan" : id;
    }
}

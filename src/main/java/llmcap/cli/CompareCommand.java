package llmcap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import llmcap.app.Compare;
import llmcap.app.CompareResult;
import llmcap.app.Timings;
import llmcap.app.Workspace;
import llmcap.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap compare --gpu a,b --model x,y [--rank-by NAME]}: figures side by side, ranked, with their prices. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"One row per model x GPU with the figures side by side, ranked best first, each with the price",
            "it was costed at (per GPU-hour, terms, provider, date). By default the ranking and columns follow the",
            "scenario's kind (rules/headline.yaml): cost per million tokens for serving, the training run's cost",
            "for training, the fleet's daily cost for both."},
        footerHeading = "%nExamples:%n",
        footer = {"  llmcap compare --gpu a100-80gb-sxm,h100-sxm,h200,mi300x",
            "  llmcap compare --gpu h100-sxm,mi300x --model llama-3.1-70b,llama-3.1-405b",
            "  llmcap compare --scenario chat-llama-3.1-70b-h100 --gpu h100-sxm,h200 \\",
            "      --rank-by serving.output_tokens_per_s_per_gpu",
            "  llmcap compare --gpu a100-80gb-sxm,h100-sxm --format html --out compare.html"})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gpu", split = ",", paramLabel = "ID", description = "GPUs to compare (default: the scenario's).")
    List<String> gpus = new ArrayList<>();

    @Option(names = "--model", split = ",", paramLabel = "ID", description = "Models to compare (default: the scenario's).")
    List<String> models = new ArrayList<>();

    @Option(names = "--output", paramLabel = "NAME", description = "A column; repeatable (default: the columns"
            + " rules/headline.yaml lists for the scenario's kind).")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--rank-by", paramLabel = "NAME[:lowest|:highest]", description = "The figure to rank by (default:"
            + " the scenario's kind's); lowest first, rates (per second) highest first, unless :lowest or :highest says.")
    String rankBy;

    @Option(names = "--scenario", paramLabel = "ID|PATH", defaultValue = llmcap.app.Selection.DEFAULT_SCENARIO,
            description = "Scenario id or file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override an assumption for every row; repeatable.")
    List<String> sets = new ArrayList<>();

    @Mixin
    ReportFormatOption report = new ReportFormatOption();

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    OutputOption out = new OutputOption();

    @Override
    public Integer call() {
        Reports.COMPARE.require(report.format);
        Workspace w = sources.workspace(new Timings());
        ScenarioOptions s = new ScenarioOptions();
        s.scenario = scenario;
        s.sets = sets;
        var selection = s.selection();
        for (String g : gpus) {
            w.catalog().gpu(g);
        }
        for (String m : models) {
            w.catalog().model(m);
        }
        CompareResult r = new Compare(w).run(w.scenario(selection.scenario()), models, gpus, selection.sets(),
                outputs, java.util.Optional.ofNullable(rankBy));
        String text = Reports.COMPARE.render(report.format, r);
        out.emit(spec.commandLine().getOut(), w, pw -> pw.print(text));
        return ExitCode.OK;
    }
}

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

/** {@code llmcap compare --gpu a,b --model x,y}: headline figures side by side, the cheapest marked. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "One row per model x GPU with the headline figures side by side; the cheapest fleet is marked.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gpu", split = ",", paramLabel = "ID[,ID...]", description = "GPUs to compare (default: the scenario's).")
    List<String> gpus = new ArrayList<>();

    @Option(names = "--model", split = ",", paramLabel = "ID[,ID...]", description = "Models to compare (default: the scenario's).")
    List<String> models = new ArrayList<>();

    @Option(names = "--output", paramLabel = "NAME", description = "A column; repeatable (default: GPUs per replica,"
            + " serving and training GPUs, training GPU-days, daily fleet cost, cost per million tokens).")
    List<String> outputs = new ArrayList<>();

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
                outputs.isEmpty() ? Compare.DEFAULT_OUTPUTS : outputs);
        String text = Reports.COMPARE.render(report.format, r);
        out.emit(spec.commandLine().getOut(), w, pw -> pw.print(text));
        return ExitCode.OK;
    }
}

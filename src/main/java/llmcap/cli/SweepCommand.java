package llmcap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import llmcap.app.Dimension;
import llmcap.app.Sweep;
import llmcap.app.Timings;
import llmcap.app.UsageException;
import llmcap.app.Workspace;
import llmcap.report.SweepWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap sweep --vary NAME=SPEC ...}: every combination, streamed as CSV or JSON Lines. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Estimate every combination of the --vary dimensions and stream one row per scenario.",
            "SPEC is a list (gpu=a100-80gb-sxm,h100-sxm; serving.peak_factor=3,5,8) or a range",
            "LOW..HIGH:COUNT[:lin|log] (serving.daily_users=1e6..1e8:9:log). Rows give each output in base",
            "units and the rule file:line that derived it (JSON Lines: rule, source and inputs)."},
        footerHeading = "%nExamples:%n",
        footer = {"  llmcap sweep --vary serving.peak_factor=3,5,8",
            "  llmcap sweep --vary serving.daily_users=1e6..1e8:9:log \\",
            "      --vary gpu=a100-80gb-sxm,h100-sxm --out grid.csv",
            "  llmcap sweep --model llama-3.1-70b --gpu h100-sxm \\",
            "      --vary inference.tensor_parallel=2,4,8 --format jsonl"})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vary", paramLabel = "NAME=SPEC", required = true, description = "A dimension; repeatable.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--output", paramLabel = "NAME", description = "An output column; repeatable (default: "
            + "serving.gpus, training.gpus, fleet.gpus, cost.fleet_daily_usd, cost.usd_per_million_tokens).")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
    SweepWriter.Format format;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    ScenarioOptions what = new ScenarioOptions();

    @Mixin
    OutputOption out = new OutputOption();

    @Override
    public Integer call() {
        List<Dimension> dims = vary.stream().map(Dimension::parse).toList();
        for (Dimension d : dims) {
            if (d.name().equals("gpu") && what.gpu != null || d.name().equals("model") && what.model != null) {
                throw new UsageException("--vary " + d.name() + " and --" + d.name() + " cannot be used together");
            }
        }
        Workspace w = sources.workspace(new Timings());
        var selection = what.selection();
        Sweep sweep = new Sweep(w, w.scenario(selection.scenario()), selection.model(), selection.gpu(), selection.sets(),
                dims, outputs.isEmpty() ? Sweep.DEFAULT_OUTPUTS : outputs);
        List<String> units = sweep.outputs().stream().map(o -> w.rules().index().unitOf(o).orElse("")).toList();
        Progress progress = new Progress(spec.commandLine().getErr(), sweep.size());
        out.emit(spec.commandLine().getOut(), w, pw -> sweep.run(new SweepWriter(pw, format, sweep.dimensions(),
                sweep.outputs(), units), progress));
        return ExitCode.OK;
    }
}

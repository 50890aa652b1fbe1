package llmcap.cli;

import java.util.concurrent.Callable;
import llmcap.app.Result;
import llmcap.app.Timings;
import llmcap.app.Uncertainty;
import llmcap.app.UncertaintyResult;
import llmcap.app.Workspace;
import llmcap.report.EstimateReport;
import llmcap.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap estimate}: every figure of a scenario, with provenance and the published values beside. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Estimate storage, serving, training and cost for a scenario; show the published figures beside.",
            "With --samples N: draw the assumptions the scenario gives as ranges N times and report P10/P50/P90."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the default scenario on an H100 SXM, then another model with its traffic",
            "  llmcap estimate --gpu h100-sxm",
            "  llmcap estimate --model llama-3.1-70b --gpu h100-sxm \\",
            "      --set serving.requests_per_s=50 --set inference.weight_dtype=fp8",
            "  # a scenario of the catalog as one HTML file; P10/P50/P90 of ranged inputs",
            "  llmcap estimate --scenario chat-llama-3.1-70b-h100 --format html --out r.html",
            "  llmcap estimate --samples 1000 --seed 1",
            "  # a GPU of your own: my-catalog/gpus.yaml laid over the bundled catalog",
            "  llmcap estimate --catalog my-catalog --gpu my-gpu"})
final class EstimateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    ScenarioOptions what = new ScenarioOptions();

    @Mixin
    ReportFormatOption report = new ReportFormatOption();

    @Option(names = "--samples", paramLabel = "N", description = "Draw the scenario's ranged assumptions N times.")
    Integer samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timings", description = "Print the time each phase took to stderr.")
    boolean timings;

    @Mixin
    OutputOption out = new OutputOption();

    @Override
    public Integer call() {
        Timings t = new Timings();
        Workspace w = sources.workspace(t);
        var selection = what.selection();
        String text;
        if (samples != null) {
            Reports.UNCERTAINTY.require(report.format);
            UncertaintyResult u = t.time("sample", () -> new Uncertainty(w).run(w.scenario(selection.scenario()),
                    selection.model(), selection.gpu(), selection.sets(), samples, seed));
            text = Reports.UNCERTAINTY.render(report.format, u);
        } else {
            Reports.ESTIMATE.require(report.format);
            Result r = w.estimate(selection);
            EstimateReport model = EstimateReport.of(r, w.headline(), w.rules().index().names());
            text = t.time("render", () -> Reports.ESTIMATE.render(report.format, model));
            r.notes().stream().filter(n -> n.startsWith("--set")).forEach(n -> spec.commandLine().getErr()
                    .println("llmcap: warning: " + n));
        }
        out.emit(spec.commandLine().getOut(), w, pw -> pw.print(text));
        if (timings) {
            TimingsReport.print(t, spec.commandLine().getErr());
        }
        return ExitCode.OK;
    }
}

package llmcap.cli;

import java.util.concurrent.Callable;
import llmcap.app.Sensitivity;
import llmcap.app.SensitivityResult;
import llmcap.app.Timings;
import llmcap.app.UsageException;
import llmcap.app.Workspace;
import llmcap.domain.Excerpt;
import llmcap.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap sensitivity}: which assumptions move an output most (a tornado). */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Move every numeric assumption down and up by a swing, one at a time; rank by how far the output moves.",
        footerHeading = "%nExamples:%n",
        footer = {"  # what moves the fleet's daily cost most; then the serving GPUs, by 10 %%",
            "  llmcap sensitivity",
            "  llmcap sensitivity --output serving.gpus --swing 10%%"})
final class SensitivityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--output", paramLabel = "NAME", defaultValue = "cost.fleet_daily_usd",
            description = "The figure to watch (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--swing", paramLabel = "PERCENT", defaultValue = "20%",
            description = "How far to move each assumption, e.g. 20%% or 0.2 (default: ${DEFAULT-VALUE}).")
    String swing;

    @Mixin
    ReportFormatOption report = new ReportFormatOption();

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    ScenarioOptions what = new ScenarioOptions();

    @Mixin
    OutputOption out = new OutputOption();

    @Override
    public Integer call() {
        Reports.SENSITIVITY.require(report.format);
        Workspace w = sources.workspace(new Timings());
        var selection = what.selection();
        SensitivityResult r = new Sensitivity(w).run(w.scenario(selection.scenario()), selection.model(),
                selection.gpu(), selection.sets(), output, fraction(swing));
        String text = Reports.SENSITIVITY.render(report.format, r);
        out.emit(spec.commandLine().getOut(), w, pw -> pw.print(text));
        return ExitCode.OK;
    }

    static double fraction(String s) {
        String t = s.strip();
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new UsageException("--swing '" + Excerpt.of(s)
                    + "': expected a percentage such as 20% or a fraction such as 0.2");
        }
    }
}

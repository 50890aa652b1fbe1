package llmcap.cli;

import java.util.concurrent.Callable;
import llmcap.app.Result;
import llmcap.app.Timings;
import llmcap.app.Workspace;
import llmcap.report.Format;
import llmcap.report.JsonReport;
import llmcap.report.MarkdownReport;
import llmcap.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap estimate}: every figure of a scenario, with provenance and the published values beside. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate storage, serving, training and cost for a scenario; show the published figures beside.")
final class EstimateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    ScenarioOptions what = new ScenarioOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}). JSON values are in base units.")
    Format format;

    @Option(names = "--timings", description = "Print the time each phase took to stderr.")
    boolean timings;

    @Override
    public Integer call() {
        Timings t = new Timings();
        Workspace w = sources.workspace(t);
        Result r = w.estimate(what.selection());
        String text = t.time("render", () -> switch (format) {
            case text -> TextReport.render(r);
            case json -> JsonReport.render(r);
            case markdown -> MarkdownReport.render(r);
        });
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        r.notes().stream().filter(n -> n.startsWith("--set")).forEach(n -> spec.commandLine().getErr()
                .println("llmcap: warning: " + n));
        if (timings) {
            TimingsReport.print(t, spec.commandLine().getErr());
        }
        return ExitCode.OK;
    }
}

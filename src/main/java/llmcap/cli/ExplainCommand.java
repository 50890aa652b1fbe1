package llmcap.cli;

import java.util.List;
import java.util.concurrent.Callable;
import llmcap.app.Result;
import llmcap.app.Timings;
import llmcap.app.UsageException;
import llmcap.app.Workspace;
import llmcap.domain.Excerpt;
import llmcap.domain.Suggest;
import llmcap.report.ExplainTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap explain NAME...}: the derivation tree of one or more numbers. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Show how a number was computed: its rule and file:line, down to catalog entries and assumptions.",
            "Takes the same options as estimate, so it explains exactly the run you describe."},
        footerHeading = "%nExamples:%n",
        footer = {"  llmcap explain serving.gpus",
            "  llmcap explain training.gpus cost.fleet_daily_usd --gpu h100-sxm",
            "  llmcap explain serving.batch_size --model llama-3.1-70b --gpu H100-SXM"})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Quantity names, e.g. serving.gpus.")
    List<String> names;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    ScenarioOptions what = new ScenarioOptions();

    @Override
    public Integer call() {
        Workspace w = sources.workspace(new Timings());
        Result r = w.estimate(what.selection());
        for (String name : names) {
            if (r.estimate().get(name).isEmpty()) {
                throw new UsageException(w.whyMissing(r, name).orElse("no quantity '" + Excerpt.of(name)
                        + "' in this estimate"
                        + Suggest.hint(name, r.estimate().names()) + "; `llmcap estimate` lists them all"));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(ExplainTree.render(r.estimate(), name));
        }
        spec.commandLine().getOut().print(out);
        return ExitCode.OK;
    }
}

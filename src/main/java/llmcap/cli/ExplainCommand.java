package llmcap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import llmcap.app.Result;
import llmcap.app.Timings;
import llmcap.app.UsageException;
import llmcap.app.Workspace;
import llmcap.domain.Excerpt;
import llmcap.domain.Suggest;
import llmcap.report.ExplainJson;
import llmcap.report.ExplainTree;
import llmcap.report.Explanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap explain NAME...}: the derivation tree of one or more numbers. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Show how a number was computed: its rule and file:line with the arithmetic, down to catalog"
            + " entries and assumptions.",
            "Takes the same options as estimate, so it explains exactly the run you describe."},
        footerHeading = "%nExamples:%n",
        footer = {"  llmcap explain serving.gpus",
            "  llmcap explain training.gpus cost.fleet_daily_usd --gpu h100-sxm",
            "  llmcap explain serving.batch_size --model llama-3.1-70b --gpu H100-SXM",
            "  llmcap explain serving.gpus --depth all",
            "  llmcap explain serving.gpus --format markdown --out serving-gpus.md"})
final class ExplainCommand implements Callable<Integer> {

    /** The formats of explain; any other is a usage error that lists these. */
    enum ExplainFormat { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Quantity names, e.g. serving.gpus.")
    List<String> names;

    @Option(names = "--depth", paramLabel = "N|all|auto",
            description = "Levels of inputs to show below each number: N, all (or 0) for every level, or auto, as many as"
                    + " fit in " + Explanation.SCREEN + " lines (default: auto for text and markdown, all for json).")
    String depth;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    ExplainFormat format;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    ScenarioOptions what = new ScenarioOptions();

    @Mixin
    OutputOption out = new OutputOption();

    @Override
    public Integer call() {
        int levels = levels();
        Workspace w = sources.workspace(new Timings());
        Result r = w.estimate(what.selection());
        for (String name : names) {
            if (r.estimate().get(name).isEmpty()) {
                throw new UsageException(w.whyMissing(r, name).orElse("no quantity '" + Excerpt.of(name)
                        + "' in this estimate"
                        + Suggest.hint(name, r.estimate().names()) + "; `llmcap estimate` lists them all"));
            }
        }
        List<Explanation.Node> trees = new ArrayList<>();
        for (String name : names) {
            trees.add(Explanation.of(r.estimate(), w.rules().consequences(), name, levels));
        }
        String text = switch (format) {
            case json -> ExplainJson.document(r, trees, levels);
            case markdown -> ExplainTree.markdownDocument(r, trees);
            case text -> String.join("\n", trees.stream().map(ExplainTree::render).toList());
        };
        out.emit(spec.commandLine().getOut(), w, pw -> pw.print(text));
        return ExitCode.OK;
    }

    /** {@code --depth}: a number of levels, or all (0); unset, the default of the format. */
    private int levels() {
        if (depth == null) {
            return format == ExplainFormat.json ? Explanation.ALL : Explanation.AUTO;
        }
        String d = depth.strip().toLowerCase(Locale.ROOT);
        if (d.equals("all") || d.equals("auto")) {
            return d.equals("all") ? Explanation.ALL : Explanation.AUTO;
        }
        try {
            int n = Integer.parseInt(d);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new UsageException("--depth '" + Excerpt.of(depth) + "': expected a number of levels (1, 2, ...), all"
                + " (0 also means all) or auto");
    }
}

package llmcap.cli;

import java.util.concurrent.Callable;
import llmcap.app.Timings;
import llmcap.app.Workspace;
import llmcap.engine.RuleBook;
import llmcap.report.RuleListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap rules [--check]}: list every rule, or only compile them and report. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule with its file:line, what it derives and what it reads; --check only compiles.",
        footerHeading = "%nExamples:%n",
        footer = {"  # every rule with its file:line; only compile them; the list as JSON",
            "  llmcap rules",
            "  llmcap rules --check",
            "  llmcap rules --format json"})
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Only compile the rules and report errors (exit 4) or success.")
    boolean check;

    @Mixin
    ListFormatOption format = new ListFormatOption();

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Override
    public Integer call() {
        Workspace w = sources.workspace(new Timings());
        var out = spec.commandLine().getOut();
        RuleBook book = w.rules(); // a listing of rules that do not compile would mislead: errors first
        if (check) {
            out.printf("%s: %d rules in %d files compile%n", w.rulesFolder().display(), book.index().rules().size(),
                    book.files().size());
            return ExitCode.OK;
        }
        out.print(format.json() ? RuleListing.json(book.index()) : RuleListing.text(book.index()));
        return ExitCode.OK;
    }
}

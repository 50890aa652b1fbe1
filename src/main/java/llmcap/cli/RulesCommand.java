package llmcap.cli;

import java.util.List;
import java.util.concurrent.Callable;
import llmcap.app.CatalogFigures;
import llmcap.app.Timings;
import llmcap.app.Workspace;
import llmcap.engine.RuleBook;
import llmcap.engine.RuleCheck;
import llmcap.engine.RuleException;
import llmcap.report.RuleListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap rules [--check]}: list every rule, or compile and check them and report. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule with its file:line, what it derives and what it reads; --check compiles and checks them.",
        footerHeading = "%nExamples:%n",
        footer = {"  # every rule with its file:line; compile and check them; the list as JSON",
            "  llmcap rules",
            "  llmcap rules --check",
            "  llmcap rules --format json"})
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Only compile and check the rules: errors (exit 4), warnings, or success.")
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
            List<RuleCheck.Finding> findings = RuleCheck.check(book.index(), CatalogFigures.names());
            List<String> errors = findings.stream().filter(RuleCheck.Finding::error).map(RuleCheck.Finding::line).toList();
            List<String> warnings = findings.stream().filter(f -> !f.error()).map(RuleCheck.Finding::line).toList();
            if (!errors.isEmpty()) {
                throw new RuleException(java.util.stream.Stream.concat(errors.stream(), warnings.stream()).toList());
            }
            warnings.forEach(spec.commandLine().getErr()::println);
            out.printf("%s: %d rules in %d files compile and pass every check%s%n", w.rulesFolder().display(),
                    book.index().rules().size(), book.files().size(),
                    warnings.isEmpty() ? "" : " (" + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings") + ")");
            return ExitCode.OK;
        }
        out.print(format.json() ? RuleListing.json(book.index()) : RuleListing.text(book.index()));
        return ExitCode.OK;
    }
}

package llmcap.cli;

import java.util.List;
import java.util.concurrent.Callable;
import llmcap.app.Timings;
import llmcap.app.Validation;
import llmcap.app.Validation.CaseResult;
import llmcap.app.Workspace;
import llmcap.catalog.ValidationCase;
import llmcap.report.ExplainTree;
import llmcap.report.Format;
import llmcap.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap validate [CASE-ID]}: llmcap against published runs; exit 1 when a figure is off. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check llmcap against the published runs of catalog/validation/, with the utilization each run implies.",
            "Exit 1 if any figure is outside its tolerance. With CASE-ID: that case with the derivation tree of every figure."},
        footerHeading = "%nExamples:%n",
        footer = {"  # every case (exit 1 if a figure is outside its tolerance), then one case",
            "  llmcap validate",
            "  llmcap validate llama-2-70b-gpu-hours",
            "  llmcap validate --format markdown --out validation.md"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CASE-ID", description = "One case to show in full.")
    String caseId;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    OutputOption out = new OutputOption();

    @Override
    public Integer call() {
        Reports.VALIDATE.require(format);
        Workspace w = sources.workspace(new Timings());
        Validation v = new Validation(w);
        List<ValidationCase> cases = caseId == null ? v.cases() : List.of(v.find(caseId));
        List<CaseResult> results = cases.stream().map(v::run).toList();
        StringBuilder out = new StringBuilder(Reports.VALIDATE.render(format, new Reports.Validated(results,
                String.join(" and ", w.catalogFolder().folders().stream().map(f -> f.display() + "/validation").toList()))));
        if (caseId != null && format == Format.text) {
            CaseResult r = results.get(0);
            out.append("\n").append(r.vcase().title()).append("\nsource: ").append(r.vcase().source()).append('\n');
            r.checks().forEach(c -> c.estimated().ifPresent(d -> out.append('\n')
                    .append(ExplainTree.render(r.result().estimate(), d.name()))));
            r.checks().stream().map(c -> c.check()).forEach(c -> out.append("\n").append(c.quantity())
                    .append(": tolerance ±").append(c.tolerancePercent()).append(" %: ").append(c.why()).append('\n'));
        }
        this.out.emit(spec.commandLine().getOut(), w, pw -> pw.print(out));
        return results.stream().allMatch(CaseResult::passed) ? ExitCode.OK : ExitCode.VALIDATION_FAILED;
    }
}

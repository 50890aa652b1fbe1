package llmcap.report;

import llmcap.app.Result;
import llmcap.engine.Derivation;

/** The estimate as Markdown tables, for pasting into a document or an issue: the answers first. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(EstimateReport report) {
        Result r = report.result();
        StringBuilder out = new StringBuilder();
        out.append("# llmcap estimate: ").append(cell(r.scenario().title())).append("\n\n");
        out.append("Scenario `").append(r.scenario().id()).append("`, model `").append(r.model()).append("`, GPU `")
                .append(r.gpu()).append("`. Rules from `").append(r.rules().display()).append("`, catalog from `")
                .append(r.catalog().display()).append("`. GB = 1e9 bytes.\n");
        out.append(headline(report.headline()));
        if (!report.published().isEmpty()) {
            out.append("\n## Published figures").append(r.comparable() ? "" : " (for another model or GPU)")
                    .append("\n\nSource: ").append(cell(r.scenario().source())).append("\n\n");
            out.append("| # | figure | quantity | llmcap | published | deviation |\n|---:|---|---|---:|---:|---:|\n");
            for (Comparison c : report.published()) {
                String unit = c.unit();
                out.append("| ").append(c.published().figure()).append(" | ").append(cell(c.published().label()))
                        .append(" | `").append(c.published().quantity()).append("` | ")
                        .append(c.ours().map(d -> Show.value(d.quantity().value(), unit)).orElse("not derived"))
                        .append(" | ").append(Show.value(c.published().value(), unit)).append(" | ")
                        .append(c.ours().map(d -> Show.deviation(d.quantity().value(), c.published().value())).orElse(""))
                        .append(" |\n");
            }
        }
        out.append("\n## Derived quantities\n\n| quantity | value | rule | file:line |\n|---|---:|---|---|\n");
        for (Derivation d : report.derived()) {
            out.append("| `").append(d.name()).append("` | ").append(Show.fact(d)).append(" | ")
                    .append(cell(d.origin().rule())).append(" | `").append(d.origin().where()).append("` |\n");
        }
        out.append("\n## Assumptions and catalog figures\n\n| quantity | value | origin |\n|---|---:|---|\n");
        for (Derivation d : report.assumptions()) {
            out.append("| `").append(d.name()).append("` | ").append(Show.fact(d)).append(" | ")
                    .append(cell(TextReport.origin(d))).append(" |\n");
        }
        if (!report.settings().isEmpty()) {
            out.append("\n## Settings\n\n| setting | value | origin |\n|---|---|---|\n");
            for (Derivation d : report.settings()) {
                out.append("| `").append(d.name()).append("` | ").append(d.setting().value()).append(" | ")
                        .append(cell(d.origin().describe())).append(" |\n");
            }
        }
        if (!r.notes().isEmpty()) {
            out.append("\n## Notes\n\n");
            r.notes().forEach(n -> out.append("- ").append(cell(n)).append('\n'));
        }
        return out.toString();
    }

    /** The answers as a table, the section named on its first row; nothing without figures. */
    static String headline(EstimateReport.Headline h) {
        if (h.sections().isEmpty()) {
            return warnings(h);
        }
        boolean targets = h.hasTargets();
        StringBuilder out = new StringBuilder("\n## ").append(h.title()).append("\n\n")
                .append(targets ? "| | answer | value | target | quantity |\n|---|---|---:|---|---|\n"
                        : "| | answer | value | quantity |\n|---|---|---:|---|\n");
        for (EstimateReport.Section s : h.sections()) {
            String section = s.title();
            for (EstimateReport.Line l : s.lines()) {
                out.append("| ").append(cell(section)).append(" | ").append(cell(l.label())).append(" | ")
                        .append(cell(l.shown())).append(" | ");
                if (targets) {
                    out.append(cell(l.against())).append(" | ");
                }
                out.append('`').append(l.name()).append("` |\n");
                section = "";
            }
        }
        return out.append("\nThe figures ").append(cell(h.spec())).append(" lists for this kind of question.\n")
                .append(warnings(h)).toString();
    }

    /** One quoted {@code **Warning:**} paragraph per verdict; nothing without any. */
    static String warnings(EstimateReport.Headline h) {
        StringBuilder out = new StringBuilder();
        h.warnings().forEach(w -> out.append("\n> **Warning:** ").append(w.replace("\n", " ")).append('\n'));
        return out.toString();
    }

    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}

package llmcap.report;

import llmcap.app.Result;
import llmcap.engine.Derivation;

/** The estimate as aligned, human-readable text: the answers first, the published figures, then every number. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(EstimateReport report) {
        Result r = report.result();
        StringBuilder out = new StringBuilder();
        out.append("llmcap estimate: ").append(r.scenario().title()).append('\n');
        out.append("  scenario ").append(r.scenario().id()).append(" (").append(r.scenario().file()).append("), model ")
                .append(r.model()).append(", GPU ").append(r.gpu()).append('\n');
        out.append("  rules from ").append(r.rules().display()).append(", catalog from ").append(r.catalog().display())
                .append("; GB = 1e9 bytes, PFLOP/s = 1e15 FLOP/s\n");
        out.append(headline(report.headline()));
        if (!report.published().isEmpty()) {
            out.append('\n').append(r.comparable() ? "Published figures beside llmcap's"
                    : "Published figures (for " + r.scenario().model() + " on " + r.scenario().gpu()
                    + ", not comparable with this run)").append(" (source: ").append(r.scenario().source()).append(")\n");
            Table t = new Table(true, false, true, true, true, false);
            t.row("#", "quantity", "llmcap", "published", "deviation", "what");
            for (Comparison c : report.published()) {
                String unit = c.unit();
                t.row(c.published().figure(), c.published().quantity(),
                        c.ours().map(d -> Show.value(d.quantity().value(), unit)).orElse("not derived"),
                        Show.value(c.published().value(), unit),
                        c.ours().map(d -> Show.deviation(d.quantity().value(), c.published().value())).orElse(""),
                        c.published().label());
            }
            out.append(t.render("  "));
            report.published().stream().filter(c -> !c.published().note().isEmpty())
                    .forEach(c -> out.append("  #").append(c.published().figure()).append(": ")
                            .append(c.published().note()).append('\n'));
        }
        out.append("\nDerived quantities (computed by the rule at file:line, which the last column names)\n");
        Table d = new Table(false, true, false, false);
        for (Derivation x : report.derived()) {
            d.row(x.name(), Show.fact(x), x.origin().where(), x.origin().rule());
        }
        out.append(d.render("  "));
        out.append("\nAssumptions and catalog figures the rules used (where each was set)\n");
        Table a = new Table(false, true, false);
        report.assumptionsRead().forEach(x -> a.row(x.name(), Show.fact(x), origin(x)));
        out.append(a.render("  "));
        if (report.assumptionsUnread() > 0) {
            out.append("  (").append(unread(report.assumptionsUnread())).append("; --format json lists everything)\n");
        }
        if (!report.settings().isEmpty()) {
            out.append("\nSettings (where each was set or which rule chose it)\n");
            Table st = new Table(false, false, false);
            for (Derivation x : report.settings()) {
                st.row(x.name(), x.setting().value(), x.origin().isAssumption() ? origin(x) : x.origin().where());
            }
            out.append(st.render("  "));
        }
        if (!r.notes().isEmpty()) {
            out.append("\nNotes\n");
            r.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        out.append("\n`llmcap explain NAME` shows how any of these numbers was computed.\n");
        return out.toString();
    }

    /** The answers block: one row per figure, the section named on its first row; nothing without figures. */
    static String headline(EstimateReport.Headline h) {
        if (h.sections().isEmpty()) {
            return warnings(h);
        }
        boolean targets = h.hasTargets();
        Table t = targets ? new Table(false, false, true, false, false) : new Table(false, false, true, false);
        for (EstimateReport.Section s : h.sections()) {
            String section = s.title();
            for (EstimateReport.Line l : s.lines()) {
                t.row(targets ? new String[] {section, l.label(), l.shown(), l.against(), l.name()}
                        : new String[] {section, l.label(), l.shown(), l.name()});
                section = "";
            }
        }
        return "\n" + h.title() + " (the figures " + h.spec() + " lists)\n" + t.render("  ") + warnings(h);
    }

    /** {@code WARNING serving.fits = no: ...}, one per verdict, right under the answers; nothing without any. */
    static String warnings(EstimateReport.Headline h) {
        StringBuilder out = new StringBuilder();
        for (String w : h.warnings()) {
            out.append('\n');
            String lead = "  WARNING ";
            StringBuilder line = new StringBuilder(lead);
            for (String word : w.split("\\s+")) {
                if (line.length() > lead.length() && line.length() + 1 + word.length() > WIDTH) {
                    out.append(line).append('\n');
                    line = new StringBuilder(" ".repeat(lead.length()));
                } else if (line.length() > lead.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The column a warning's words wrap at. */
    private static final int WIDTH = 100;

    /** {@code 1 more catalog figure was available but no rule read it}, or the plural. */
    static String unread(int n) {
        return n == 1 ? "1 more catalog figure was available but no rule read it"
                : n + " more catalog figures were available but no rule read them";
    }

    static String origin(Derivation x) {
        return switch (x.origin().kind()) {
            case DEFAULT_RULE -> "default rule " + x.origin().where();
            case SCENARIO -> "scenario " + x.origin().where();
            default -> x.origin().where();
        };
    }
}

package llmcap.report;

import java.util.List;
import llmcap.app.Result;
import llmcap.engine.Derivation;

/** The estimate as aligned, human-readable text: the published figures side by side, then every number. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(Result r) {
        StringBuilder out = new StringBuilder();
        out.append("llmcap estimate: ").append(r.scenario().title()).append('\n');
        out.append("  scenario ").append(r.scenario().id()).append(" (").append(r.scenario().file()).append("), model ")
                .append(r.model()).append(", GPU ").append(r.gpu()).append('\n');
        out.append("  rules from ").append(r.rules().display()).append(", catalog from ").append(r.catalog().display())
                .append("; GB = 1e9 bytes, PFLOP/s = 1e15 FLOP/s\n");
        List<Comparison> comparisons = Comparison.of(r);
        if (!comparisons.isEmpty()) {
            out.append('\n').append(r.comparable() ? "Published figures beside llmcap's"
                    : "Published figures (for " + r.scenario().model() + " on " + r.scenario().gpu()
                    + ", not comparable with this run)").append(" (source: ").append(r.scenario().source()).append(")\n");
            Table t = new Table(true, false, true, true, true, false);
            t.row("#", "quantity", "llmcap", "published", "deviation", "what");
            for (Comparison c : comparisons) {
                String unit = c.unit();
                t.row(c.published().figure(), c.published().quantity(),
                        c.ours().map(d -> Show.value(d.quantity().value(), unit)).orElse("not derived"),
                        Show.value(c.published().value(), unit),
                        c.ours().map(d -> Show.deviation(d.quantity().value(), c.published().value())).orElse(""),
                        c.published().label());
            }
            out.append(t.render("  "));
            comparisons.stream().filter(c -> !c.published().note().isEmpty())
                    .forEach(c -> out.append("  #").append(c.published().figure()).append(": ")
                            .append(c.published().note()).append('\n'));
        }
        out.append("\nDerived quantities (computed by the rule at file:line, which the last column names)\n");
        Table d = new Table(false, true, false, false);
        for (Derivation x : Order.sort(r.estimate(), r.estimate().derived())) {
            d.row(x.name(), Show.value(x.quantity().value(), x.quantity().unit()), x.origin().where(), x.origin().rule());
        }
        out.append(d.render("  "));
        out.append("\nAssumptions and catalog figures the rules used (where each was set)\n");
        Table a = new Table(false, true, false);
        int unused = 0;
        for (Derivation x : Order.sort(r.estimate(), r.estimate().assumptions())) {
            if (r.estimate().isRead(x.name())) {
                a.row(x.name(), Show.value(x.quantity().value(), x.quantity().unit()), origin(x));
            } else {
                unused++;
            }
        }
        out.append(a.render("  "));
        if (unused > 0) {
            out.append("  (").append(unused).append(" more catalog figures were available but no rule read them;"
                    + " --format json lists everything)\n");
        }
        if (!r.estimate().settings().isEmpty()) {
            out.append("\nSettings (where each was set or which rule chose it)\n");
            Table st = new Table(false, false, false);
            for (Derivation x : Order.sort(r.estimate(), r.estimate().settings())) {
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

    static String origin(Derivation x) {
        return switch (x.origin().kind()) {
            case DEFAULT_RULE -> "default rule " + x.origin().where();
            case SCENARIO -> "scenario " + x.origin().where();
            default -> x.origin().where();
        };
    }
}

package llmcap.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import llmcap.domain.Origin;
import llmcap.engine.Derivation;

/**
 * The derivation tree of one quantity as text or Markdown: each node {@code name = value unit}, then
 * the rule and its file:line and the rule's arithmetic with the numbers, or for a leaf where it was set
 * (catalog entry with its citation, scenario line, {@code --set}, default rule). A number already shown
 * is referred to ({@code (shown above)}); a node cut at the depth says how many numbers are below it.
 */
public final class ExplainTree {

    private ExplainTree() {
    }

    /** {@code explain --format markdown}: a heading per number, then its tree. */
    public static String markdownDocument(llmcap.app.Result r, List<Explanation.Node> trees) {
        StringBuilder out = new StringBuilder();
        for (Explanation.Node n : trees) {
            out.append(out.length() == 0 ? "" : "\n").append("## ").append(code(n.name())).append("\n\n")
                    .append("Scenario ").append(code(r.scenario().id())).append(", model ").append(code(r.model()))
                    .append(", GPU ").append(code(r.gpu())).append(".\n\n").append(markdown(n));
        }
        return out.toString();
    }

    /** Every level of the tree of {@code name} as text, without the rules' arithmetic (for the reports' panels). */
    public static String render(llmcap.engine.Estimate estimate, String name) {
        return render(Explanation.of(estimate, llmcap.engine.Consequences.none(), name, Explanation.ALL));
    }

    /** The tree as text, drawn with box-drawing lines. */
    public static String render(Explanation.Node root) {
        StringBuilder out = new StringBuilder();
        text(root, "", "", out);
        return out.toString();
    }

    /** The tree as a Markdown list, one item a number, its inputs nested under it. */
    public static String markdown(Explanation.Node root) {
        StringBuilder out = new StringBuilder();
        markdown(root, "", out);
        return out.toString();
    }

    private static void text(Explanation.Node n, String lead, String pad, StringBuilder out) {
        out.append(lead).append(head(n.derivation()));
        if (n.shown() == Explanation.Shown.ABOVE) {
            out.append("  (shown above)\n");
            return;
        }
        out.append('\n');
        String bar = n.inputs().isEmpty() ? "    " : "│   ";
        for (String line : details(n)) {
            out.append(pad).append(bar).append(line).append('\n');
        }
        for (int i = 0; i < n.inputs().size(); i++) {
            boolean last = i == n.inputs().size() - 1;
            text(n.inputs().get(i), pad + (last ? "└── " : "├── "), pad + (last ? "    " : "│   "), out);
        }
    }

    private static void markdown(Explanation.Node n, String indent, StringBuilder out) {
        out.append(indent).append("- **").append(code(n.name())).append(" = ").append(Show.fact(n.derivation())).append("**");
        if (n.shown() == Explanation.Shown.ABOVE) {
            out.append(" (shown above)\n");
            return;
        }
        for (String line : details(n)) { // each on its own line: a Markdown hard break ends the one before
            out.append("  \n").append(indent).append("  ").append(n.arithmetic().contains(line) ? code(line) : escape(line));
        }
        out.append('\n');
        for (Explanation.Node in : n.inputs()) {
            markdown(in, indent + "  ", out);
        }
    }

    /** {@code name = value}: a number with its unit, or a setting's word. */
    private static String head(Derivation d) {
        return d.name() + " = " + Show.fact(d);
    }

    /** The lines under a node: origin, arithmetic, what else the rule set, the citation, what is cut. */
    static List<String> details(Explanation.Node n) {
        Derivation d = n.derivation();
        List<String> out = new ArrayList<>();
        out.add(origin(d.origin()));
        out.addAll(n.arithmetic());
        if (!n.also().isEmpty()) {
            out.add("the same rule also set " + n.also().stream().map(ExplainTree::head).collect(Collectors.joining(", ")));
        }
        if (d.origin().source() != null && !d.origin().source().isBlank()) {
            out.add("source: " + d.origin().source());
        }
        if (n.shown() == Explanation.Shown.CUT) {
            out.add("… " + n.hidden() + (n.hidden() == 1 ? " more number" : " more numbers")
                    + " below, not shown (--depth all shows them)");
        }
        return out;
    }

    private static String origin(Origin o) {
        return switch (o.kind()) {
            case RULE -> "rule \"" + o.rule() + "\"  " + o.where();
            case DEFAULT_RULE -> "default rule \"" + o.rule() + "\"  " + o.where();
            case CATALOG -> o.where();
            case SCENARIO -> "scenario " + o.where();
            case COMMAND_LINE -> "command line " + o.where();
        };
    }

    private static String code(String s) {
        return "`" + s + "`";
    }

    /** Markdown's own characters escaped, so a rule's name reads as written. */
    private static String escape(String s) {
        return s.replaceAll("([\\\\`*\\[\\]<>|])", "\\\\$1");
    }
}

package llmcap.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import llmcap.domain.Origin;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;

/**
 * The derivation tree of one quantity: each node {@code name = value unit}, then the rule and its
 * file:line, or for a leaf where it was set (catalog entry with its citation, scenario line,
 * {@code --set}, default rule). A sub-tree already shown is not repeated.
 */
public final class ExplainTree {

    private ExplainTree() {
    }

    public static String render(Estimate estimate, String name) {
        StringBuilder out = new StringBuilder();
        node(estimate, name, "", "", out, new HashSet<>());
        return out.toString();
    }

    private static void node(Estimate e, String name, String lead, String pad, StringBuilder out, Set<String> shown) {
        Derivation d = e.get(name).orElseThrow();
        out.append(lead).append(name).append(" = ").append(Show.fact(d));
        boolean repeat = !d.inputs().isEmpty() && !shown.add(name);
        if (repeat) {
            out.append("  (derived above)\n");
            return;
        }
        out.append('\n');
        List<String> inputs = d.inputs();
        String bar = inputs.isEmpty() ? "    " : "│   ";
        out.append(pad).append(bar).append(origin(d.origin())).append('\n');
        for (Derivation twin : e.all()) {
            if (twin != d && twin.origin().equals(d.origin()) && twin.inputs().equals(d.inputs())) {
                out.append(pad).append(bar).append("the same rule also set ").append(twin.name()).append(" = ")
                        .append(Show.fact(twin)).append('\n');
            }
        }
        if (d.origin().source() != null && !d.origin().source().isBlank()) {
            out.append(pad).append(bar).append("source: ").append(d.origin().source()).append('\n');
        }
        for (int i = 0; i < inputs.size(); i++) {
            boolean last = i == inputs.size() - 1;
            node(e, inputs.get(i), pad + (last ? "└── " : "├── "), pad + (last ? "    " : "│   "), out, shown);
        }
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
}

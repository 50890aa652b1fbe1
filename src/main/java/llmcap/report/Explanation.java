package llmcap.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import llmcap.domain.Origin;
import llmcap.engine.Consequences;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;

/**
 * The derivation tree of one number as {@code explain} shows it, in every format: each node with its
 * origin, the rule's arithmetic, what else the same rule set; a number shown once, and referred to
 * after that; below {@code depth} levels, a count of what is not shown.
 */
public final class Explanation {

    /** Every level: {@code --depth all} (or 0). */
    public static final int ALL = 0;
    /** {@code --depth auto}, the default of text and Markdown: as many levels as fit in {@link #SCREEN} lines. */
    public static final int AUTO = -1;
    /** The lines of text a tree of depth {@link #AUTO} keeps within: a screen or so. */
    public static final int SCREEN = 60;

    /** How a node is shown: whole, as a reference to where it was shown, or cut at the depth. */
    public enum Shown { FULL, ABOVE, CUT }

    /**
     * @param arithmetic the rule's arithmetic with the numbers ({@link Arithmetic}), or none
     * @param also       the other facts the same firing of the same rule set
     * @param hidden     for a cut node, how many distinct numbers below it are not shown
     */
    public record Node(String name, Derivation derivation, List<String> arithmetic, List<Derivation> also,
                       Shown shown, int hidden, List<Node> inputs) {
        public Node {
            arithmetic = List.copyOf(arithmetic);
            also = List.copyOf(also);
            inputs = List.copyOf(inputs);
        }
    }

    private final Estimate estimate;
    private final Consequences actions;
    private final int depth;
    private final Set<String> shown = new HashSet<>();
    /** Every number the whole tree shows, from a first pass: what a cut node need not count. */
    private final Set<String> shownAnywhere;

    private Explanation(Estimate estimate, Consequences actions, int depth, Set<String> shownAnywhere) {
        this.estimate = estimate;
        this.actions = actions;
        this.depth = depth;
        this.shownAnywhere = shownAnywhere;
    }

    /**
     * The tree of {@code name}, {@code depth} levels of inputs deep: {@link #ALL} for every level,
     * {@link #AUTO} for as many as fit in {@link #SCREEN} lines of text (at least one level).
     */
    public static Node of(Estimate estimate, Consequences actions, String name, int depth) {
        if (depth == AUTO) {
            return fitting(estimate, actions, name);
        }
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be 0 (all) or more, got " + depth);
        }
        Explanation first = new Explanation(estimate, actions, depth, Set.of());
        first.node(name, 0);
        return new Explanation(estimate, actions, depth, first.shown).node(name, 0);
    }

    private static Node fitting(Estimate estimate, Consequences actions, String name) {
        Node fits = of(estimate, actions, name, 1);
        for (int d = 2; !isWhole(fits); d++) {
            Node deeper = of(estimate, actions, name, d);
            if (lines(deeper) > SCREEN) {
                break;
            }
            fits = deeper;
        }
        return fits;
    }

    /** True when no node of the tree is cut. */
    static boolean isWhole(Node n) {
        return n.shown() != Shown.CUT && n.inputs().stream().allMatch(Explanation::isWhole);
    }

    /** The lines the tree takes as text. */
    static int lines(Node n) {
        int own = n.shown() == Shown.ABOVE ? 1 : 1 + ExplainTree.details(n).size();
        return own + n.inputs().stream().mapToInt(Explanation::lines).sum();
    }

    private Node node(String name, int level) {
        Derivation d = estimate.get(name).orElseThrow();
        if (!shown.add(name)) {
            return new Node(name, d, List.of(), twins(d), Shown.ABOVE, 0, List.of());
        }
        List<String> arithmetic = Arithmetic.lines(actions, estimate, d);
        List<Derivation> also = twins(d);
        if (!d.inputs().isEmpty() && depth != ALL && level >= depth) {
            return new Node(name, d, arithmetic, also, Shown.CUT, below(d), List.of());
        }
        List<Node> inputs = new ArrayList<>();
        for (String in : d.inputs()) {
            inputs.add(node(in, level + 1));
        }
        return new Node(name, d, arithmetic, also, Shown.FULL, 0, inputs);
    }

    /** What else the same firing set: a rule's other facts from the same inputs (not a catalog entry's other figures). */
    private List<Derivation> twins(Derivation d) {
        Origin o = d.origin();
        if (o.kind() != Origin.Kind.RULE && o.kind() != Origin.Kind.DEFAULT_RULE) {
            return List.of();
        }
        List<Derivation> out = new ArrayList<>();
        for (Derivation twin : estimate.all()) {
            if (twin != d && twin.origin().equals(o) && twin.inputs().equals(d.inputs())) {
                out.add(twin);
            }
        }
        return out;
    }

    /** The distinct numbers below {@code d} that are not shown elsewhere already. */
    private int below(Derivation d) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(d.inputs());
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (!shownAnywhere.contains(n) && seen.add(n)) {
                estimate.get(n).ifPresent(x -> todo.addAll(x.inputs()));
            }
        }
        return seen.size();
    }
}

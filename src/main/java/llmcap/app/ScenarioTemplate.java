package llmcap.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import llmcap.catalog.Numbers;
import llmcap.catalog.Scenario;
import llmcap.domain.Origin;
import llmcap.engine.Derivation;
import llmcap.engine.RuleFile;
import llmcap.engine.RuleIndex;
import llmcap.engine.RuleInfo;

/**
 * A commented scenario file to start a plan from ({@code llmcap scenario new}), made from the rules as they
 * are now, not from a list kept by hand: every default rule of the {@code *assumptions*.drl} files with the
 * value it gives for the chosen model and GPU (written as a value, so the file reproduces the defaults),
 * the rule's name, comments, unit and {@code @uncertain} range; the inputs no rule gives a default for
 * (traffic, targets, a cluster size) as commented lines; inputs that concern only the other kind of plan
 * (training for a serving plan, and the reverse) left out. A default the user adds to a rule file shows up.
 */
public final class ScenarioTemplate {

    /** The prefixes of catalog figures (InputBuilder's): set by the model and GPU, not by a scenario. */
    private static final List<String> CATALOG = List.of("model.", "gpu.", "family.", "reference.", "crosscheck.");

    /**
     * One input the template lists: its name, the value it has here ({@code ...} for none), whether the line is
     * written as a value the file states ({@code active}) or commented out, and the comments above it.
     */
    record Line(String name, String value, boolean active, List<String> comments) {
    }

    private final Workspace workspace;
    private final RuleIndex index;

    public ScenarioTemplate(Workspace workspace) {
        this.workspace = workspace;
        this.index = workspace.rules().index();
    }

    /** The YAML text of a scenario {@code id} for {@code model} on {@code gpu}, of the given kind. */
    public String render(String id, String model, String gpu, Scenario.Kind kind) {
        String modelId = workspace.catalog().model(model).id();
        String gpuId = workspace.catalog().gpu(gpu).id();
        Scenario bare = new Scenario(id, "template", "(template)", "template", modelId, gpuId, Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), Map.of(), kind);
        Result defaults = workspace.estimate(bare, Optional.empty(), Optional.empty(), Map.of());
        StringBuilder out = new StringBuilder();
        header(out, id, modelId, gpuId, kind);
        out.append("assumptions:\n");
        List<Line> open = openInputs(kind);
        if (!open.isEmpty()) {
            section(out, "Inputs with no default", "State those you know: the figures that need them are not derived"
                    + " without them (the report's notes say which).", open);
        }
        Map<String, List<Line>> byFile = defaults(defaults, kind);
        byFile.forEach((file, lines) -> section(out, "The defaults of " + file, "As they apply to " + modelId + " on "
                + gpuId + ": change what you know better; delete a line to leave it to the rule.", lines));
        List<Line> computed = computed(defaults, kind);
        if (!computed.isEmpty()) {
            section(out, "Figures the rules work out unless you state them", "Shown with the value they have here.",
                    computed);
        }
        return out.toString();
    }

    private void header(StringBuilder out, String id, String model, String gpu, Scenario.Kind kind) {
        out.append("# A ").append(kind == Scenario.Kind.BOTH ? "serving and training" : kind.word())
                .append(" scenario for ").append(model).append(" on ").append(gpu).append(", written by\n")
                .append("# `llmcap scenario new` from the rules in ").append(workspace.rulesFolder().display())
                .append(" and the catalog in ").append(workspace.catalogFolder().display()).append(".\n")
                .append("# Every value below is what the rules would use without it, so the file reproduces the\n")
                .append("# defaults exactly; values are in the unit each comment names (base units: bytes, FLOP/s,\n")
                .append("# seconds). Lines starting with # are not read. Run it with:\n")
                .append("#   llmcap estimate --scenario FILE\n\n")
                .append("id: ").append(id).append('\n')
                .append("title: \"").append(model).append(" on ").append(gpu).append(", ").append(kind.word())
                .append("\"\n")
                .append("source: \"the rules' defaults; replace with where your figures come from\"\n")
                .append("kind: ").append(kind.word()).append('\n')
                .append("model: ").append(model).append('\n')
                .append("gpu: ").append(gpu).append("\n\n");
    }

    private static void section(StringBuilder out, String title, String note, List<Line> lines) {
        out.append("\n  # ---- ").append(title).append(" ----\n  # ").append(note).append('\n');
        for (Line l : lines) {
            out.append('\n');
            l.comments().forEach(c -> out.append("  # ").append(c).append('\n'));
            out.append(l.active() ? "  " : "  # ").append(l.name()).append(": ").append(l.value()).append('\n');
        }
    }

    /** Names rules read that no rule derives and the catalog does not give, for this kind of plan. */
    private List<Line> openInputs(Scenario.Kind kind) {
        Map<String, List<RuleInfo>> readers = new LinkedHashMap<>();
        for (RuleInfo r : index.rules()) {
            for (String name : r.reads()) {
                if (!RuleIndex.isPrefix(name) && index.makers(name).isEmpty() && CATALOG.stream().noneMatch(name::startsWith)) {
                    readers.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<Line> out = new ArrayList<>();
        new TreeSet<>(readers.keySet()).stream().filter(n -> belongs(n, kind)).forEach(n -> {
            List<String> comments = new ArrayList<>();
            RuleInfo first = readers.get(n).get(0);
            comments.add(index.unitOf(n).map(u -> "unit " + u + "; ").orElse("") + "read by rule \"" + first.name()
                    + "\" " + first.where() + (readers.get(n).size() > 1 ? " and " + (readers.get(n).size() - 1)
                    + " more" : ""));
            out.add(new Line(n, "...", false, comments));
        });
        return out;
    }

    /** The default rules of the {@code *assumptions*} rule files, by file, in the order they are written. */
    private Map<String, List<Line>> defaults(Result r, Scenario.Kind kind) {
        Map<String, List<Line>> out = new LinkedHashMap<>();
        Set<String> done = new TreeSet<>();
        for (RuleInfo rule : index.rules()) {
            String file = rule.file().substring(rule.file().lastIndexOf('/') + 1);
            if (!file.contains("assumptions")) {
                continue;
            }
            for (String name : rule.derives().keySet()) {
                if (!rule.absent().contains(name) || !belongs(name, kind) || !done.add(name)) {
                    continue;
                }
                out.computeIfAbsent(rule.file(), k -> new ArrayList<>()).add(line(name, r));
            }
        }
        return out;
    }

    /** One default: the value its rule gave here, when a rule that reads no other figure gave it. */
    private Line line(String name, Result r) {
        List<RuleInfo> makers = index.makers(name).stream().filter(x -> x.absent().contains(name)).toList();
        List<String> comments = new ArrayList<>();
        for (RuleInfo m : makers) {
            comments.addAll(commentsAbove(m));
            comments.add("default: rule \"" + m.name() + "\" " + m.where());
            uncertain(m).ifPresent(comments::add);
        }
        Optional<Derivation> d = r.estimate().get(name);
        Optional<String> shown = d.map(ScenarioTemplate::text);
        String unit = d.filter(x -> !x.isSetting()).map(x -> x.quantity().unit()).or(() -> index.unitOf(name))
                .map(u -> "unit " + u).orElse("a word (a setting)");
        boolean plain = d.isPresent() && d.get().origin().kind() == Origin.Kind.DEFAULT_RULE;
        comments.add(unit + (plain ? "" : shown.map(v -> "; worked out from other figures here, so left to the rule")
                .orElse("; the rule does not apply to this model and GPU")));
        return new Line(name, shown.orElse("..."), plain, comments);
    }

    /**
     * What rules outside the assumption files work out unless it is given (a tensor-parallel degree, a batch
     * size, daily tokens): commented out, with the value and the rule of this estimate.
     */
    private List<Line> computed(Result r, Scenario.Kind kind) {
        Map<String, Line> out = new java.util.TreeMap<>();
        for (RuleInfo rule : index.rules()) {
            if (rule.file().substring(rule.file().lastIndexOf('/') + 1).contains("assumptions")) {
                continue;
            }
            for (String name : rule.derives().keySet()) {
                if (rule.absent().contains(name) && CATALOG.stream().noneMatch(name::startsWith) && belongs(name, kind)
                        && !out.containsKey(name)) {
                    Optional<Derivation> d = r.estimate().get(name);
                    String how = d.filter(x -> x.origin().kind() == Origin.Kind.RULE || x.origin().kind() == Origin.Kind.DEFAULT_RULE)
                            .map(x -> x.origin().describe()).orElse("rule \"" + rule.name() + "\" " + rule.where()
                                    + (d.isEmpty() ? " (not derived here)" : ""));
                    String unit = d.filter(x -> !x.isSetting()).map(x -> "unit " + x.quantity().unit() + "; ").orElse("");
                    out.put(name, new Line(name, d.map(ScenarioTemplate::text).orElse("..."), false,
                            List.of(unit + "here: " + how)));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** A value as a scenario file writes it: a word, or a number that reads back as the same double. */
    private static String text(Derivation d) {
        if (d.isSetting()) {
            return d.setting().value();
        }
        String n = Numbers.format(d.quantity().value());
        return n.contains("E") ? n.replace(".0E", "E").replace("E", "e") : n; // 1.0E-5 as 1e-5, the same number
    }

    /** The comment lines written right above a rule (not a section banner), without their {@code //}. */
    private List<String> commentsAbove(RuleInfo rule) {
        Optional<RuleFile> file = workspace.rules().files().stream().filter(f -> f.display().equals(rule.file()))
                .findFirst();
        if (file.isEmpty()) {
            return List.of();
        }
        List<String> lines = file.get().text().lines().toList();
        Deque<String> out = new ArrayDeque<>();
        for (int i = rule.line() - 2; i >= 0 && i < lines.size(); i--) {
            String t = lines.get(i).strip();
            if (!t.startsWith("//") || t.startsWith("// ----")) {
                break;
            }
            out.addFirst(t.replaceFirst("^//\\s?", ""));
        }
        return List.copyOf(out);
    }

    private static Optional<String> uncertain(RuleInfo rule) {
        List<Double> f = rule.uncertain();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        String range = "x" + Numbers.format(f.get(0)) + " to x" + Numbers.format(f.get(f.size() - 1));
        return Optional.of("with --samples: drawn from " + range + " of the default"
                + (f.size() == 3 ? " (triangular, most likely x" + Numbers.format(f.get(1)) + ")" : " (uniform)"));
    }

    /**
     * Whether an input concerns this kind of plan: a serving plan leaves out what feeds only training
     * figures, a training plan what feeds only serving figures; what feeds both or neither (energy, cost
     * of ownership) stays in both.
     */
    private boolean belongs(String name, Scenario.Kind kind) {
        if (kind == Scenario.Kind.BOTH) {
            return true;
        }
        Set<String> reached = downstream(name);
        boolean serving = reached.stream().anyMatch(n -> n.startsWith("serving."));
        boolean training = reached.stream().anyMatch(n -> n.startsWith("training."));
        return kind == Scenario.Kind.SERVING ? serving || !training : training || !serving;
    }

    /** {@code name} and every figure some rule works out from it, directly or not. */
    private Set<String> downstream(String name) {
        Set<String> seen = new TreeSet<>(Set.of(name));
        Deque<String> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            for (RuleInfo r : index.rules()) {
                if (r.reads().stream().anyMatch(p -> RuleIndex.matches(p, n))) {
                    r.derives().keySet().stream().filter(seen::add).forEach(todo::push);
                }
            }
        }
        return seen;
    }
}

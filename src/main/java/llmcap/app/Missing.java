package llmcap.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import llmcap.catalog.Scenario.Kind;
import llmcap.engine.Estimate;
import llmcap.engine.RuleIndex;
import llmcap.engine.RuleInfo;

/**
 * Why a quantity the rules know how to derive is absent from an estimate: follows the rules that
 * could derive it down to the inputs nothing gave (e.g. a GPU without a rental price in the catalog).
 */
final class Missing {

    private final Estimate estimate;
    private final RuleIndex index;

    Missing(Estimate estimate, RuleIndex index) {
        this.estimate = estimate;
        this.index = index;
    }

    /**
     * One note per group of absent quantities that share their missing inputs. Only the last absent
     * quantity of each chain is named (serving.replicas, not every step before it); a quantity whose
     * inputs are all present but whose rule's condition did not hold is not absent, it is not due.
     * A scenario of one kind gets no note about the other's figures, nor about figures missing only
     * for want of the other's inputs (a training question is not told that serving needs traffic).
     */
    List<String> notes(HeadlineSpec spec, Kind kind) {
        Set<String> absent = new TreeSet<>();
        for (RuleInfo r : index.rules()) {
            for (String name : r.derives().keySet()) {
                if (estimate.get(name).isEmpty() && !optional(name) && matters(name, new TreeSet<>())) {
                    absent.add(name);
                }
            }
        }
        Map<Set<String>, Set<String>> byCause = new LinkedHashMap<>();
        for (String name : absent) {
            boolean feedsAnotherAbsent = index.readers(name).stream()
                    .anyMatch(r -> r.derives().keySet().stream().anyMatch(absent::contains));
            Set<String> cause = roots(name, new TreeSet<>());
            if (!feedsAnotherAbsent && !cause.isEmpty()) {
                byCause.computeIfAbsent(cause, k -> new TreeSet<>()).add(name);
            }
        }
        Kinds kinds = new Kinds(spec);
        List<String> out = new ArrayList<>();
        byCause.forEach((cause, all) -> {
            List<String> names = all.stream().filter(n -> kinds.asks(n, kind)).toList();
            boolean needsOtherKindsInputs = cause.stream().anyMatch(c -> !kinds.asks(c, kind));
            if (!names.isEmpty() && !needsOtherKindsInputs) {
                out.add("not derived: " + String.join(", ", names) + (names.size() == 1 ? "; it needs " : "; they need ")
                        + String.join(", ", cause) + ", which neither the catalog entry, the scenario nor --set gives");
            }
        });
        return out;
    }

    /**
     * The kinds of question a name belongs to: its topic's ({@code training.*}: training), else those
     * of everything the rules that make it read ({@code cost.training_run_usd} reads training.gpu_days);
     * none for a name no kind owns ({@code gpu.rental_usd_per_hour}), which every kind asks about.
     */
    private final class Kinds {
        private final HeadlineSpec spec;
        private final Map<String, Set<Kind>> memo = new java.util.HashMap<>();

        Kinds(HeadlineSpec spec) {
            this.spec = spec;
        }

        boolean asks(String name, Kind kind) {
            Set<Kind> k = of(name);
            return k.isEmpty() || k.contains(kind);
        }

        Set<Kind> of(String name) {
            Set<Kind> known = memo.get(name);
            if (known != null) {
                return known;
            }
            memo.put(name, Set.of()); // a cycle adds nothing
            Set<Kind> out = java.util.EnumSet.noneOf(Kind.class);
            out.addAll(spec.kindsOfTopic(name));
            if (out.isEmpty()) {
                index.makers(name).forEach(r -> r.reads().forEach(in -> out.addAll(of(in))));
            }
            memo.put(name, out);
            return out;
        }
    }

    /**
     * An absent quantity matters unless everything computed from it was computed another way
     * (e.g. training.tokens when training.flops came from a published compute figure).
     */
    private boolean matters(String name, Set<String> seen) {
        if (!seen.add(name)) {
            return false;
        }
        List<RuleInfo> consumers = index.readers(name);
        if (consumers.isEmpty()) {
            return true;
        }
        return consumers.stream().flatMap(c -> c.derives().keySet().stream())
                .anyMatch(d -> estimate.get(d).isEmpty() && !optional(d) && matters(d, seen));
    }

    /** Only rules marked {@code @optional} derive it: its absence is normal. */
    private boolean optional(String name) {
        return index.makers(name).stream().allMatch(RuleInfo::optional);
    }

    /** Why {@code name} is absent, if the rules know it. */
    Optional<String> why(String name) {
        if (index.makers(name).isEmpty()) {
            return Optional.empty();
        }
        Set<String> roots = roots(name, new TreeSet<>());
        return Optional.of(name + " is not derived in this run" + (roots.isEmpty() ? ""
                : ": it needs " + String.join(", ", roots) + ", which neither the catalog entry, the scenario nor --set gives"));
    }

    /**
     * The makers of one quantity that could still apply: not one whose condition needs absent a name
     * the estimate has, and not one that reads a missing name whose absence a sibling handles (the
     * rule for "no TPOT target" covers the target rule's missing target). All of them when that
     * leaves none.
     */
    private List<RuleInfo> applicable(List<RuleInfo> makers) {
        Set<String> handled = new TreeSet<>();
        makers.forEach(m -> handled.addAll(m.absent()));
        List<RuleInfo> out = makers.stream()
                .filter(m -> m.absent().stream().noneMatch(a -> !RuleIndex.isPrefix(a) && estimate.get(a).isPresent()))
                .filter(m -> m.reads().stream().noneMatch(r -> handled.contains(r) && estimate.get(r).isEmpty()))
                .toList();
        return out.isEmpty() ? makers : out;
    }

    /** The inputs nothing gave, on every path that could have made {@code name} (alternatives included). */
    private Set<String> roots(String name, Set<String> seen) {
        if (!seen.add(name)) {
            return Set.of();
        }
        List<RuleInfo> makers = index.makers(name);
        if (makers.isEmpty()) {
            return Set.of(name);
        }
        Set<String> out = new TreeSet<>();
        for (RuleInfo maker : applicable(makers)) {
            for (String in : maker.reads()) {
                if (estimate.get(in).isEmpty()) {
                    out.addAll(roots(in, seen));
                }
            }
        }
        return out;
    }
}

package llmcap.app;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import llmcap.domain.Origin;
import llmcap.domain.Unit;
import llmcap.domain.ValueRange;
import llmcap.engine.Consequences;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;
import llmcap.engine.Expr;
import llmcap.engine.RuleBook;
import llmcap.engine.RuleIndex;

/**
 * Which numbers sensitivity and uncertainty may move, and within what. Not moved at all: the model's
 * own figures ({@code model.*}: layers, heads, KV heads, hidden size, vocabulary, experts, parameters;
 * facts of the model, not assumptions) and a number a setting looks up (the bytes of
 * {@code inference.weight_dtype}: vary the setting). Moved within, in this order: the {@code @range} of
 * the rule that derives the name, or of a rule that copies it unchanged (a GPU family's fitted
 * efficiency, copied into {@code serving.compute_efficiency}); a count of GPUs or replicas is a whole
 * number of at least 1; else any value the unit allows.
 */
public final class Ranges {

    private final RuleIndex index;
    private final Consequences actions;

    public Ranges(RuleBook rules) {
        this.index = rules.index();
        this.actions = rules.consequences();
    }

    /** Why {@code a} is not an assumption to move, or empty when it is one. */
    public Optional<String> fixed(Derivation a, Estimate e) {
        if (a.name().startsWith("model.")) {
            return Optional.of(FACT_OF_THE_MODEL);
        }
        if (a.origin().kind() != Origin.Kind.DEFAULT_RULE || a.inputs().isEmpty()
                || !a.inputs().stream().allMatch(n -> e.get(n).map(Derivation::isSetting).orElse(false))) {
            return Optional.empty();
        }
        List<String> settings = lookedUp(a);
        return settings.isEmpty() ? Optional.empty() : Optional.of("follows the setting " + String.join(", ", settings
                .stream().map(n -> n + " = " + e.setting(n).orElse("?")).toList()) + "; vary the setting instead");
    }

    /**
     * The settings a default's value follows: those its expression reads ({@code bytesPerElement($dtype)}),
     * or, for a constant, those its conditions select ({@code Setting(name == "training.recompute", value ==
     * "selective")}). A default that reads a setting only to look for another figure (a family's efficiency
     * at that precision) follows none: it is an assumption. A rule whose text was not read: all its inputs.
     */
    private List<String> lookedUp(Derivation a) {
        Optional<Consequences.Action> act = actions.at(a.origin().where());
        Expr value = act.map(x -> x.values().get(a.name())).orElse(null);
        if (value == null) {
            return a.inputs();
        }
        Set<String> read = Expr.names(value);
        List<String> out = a.inputs().stream().filter(n -> act.get().boundTo().entrySet().stream()
                .anyMatch(b -> b.getValue().equals(n) && read.contains(b.getKey()))).toList();
        if (out.isEmpty() && read.isEmpty()) {
            out = a.inputs().stream().filter(act.get().selected()::contains).toList();
        }
        return out;
    }

    /** The reason {@link #fixed} gives for the model's own figures. */
    public static final String FACT_OF_THE_MODEL = "facts of the model (its catalog entry), not assumptions; compare"
            + " models with --model or sweep --vary model=...";

    /** The values {@code name} (in {@code unit}, now {@code value} in {@code e}) may take. */
    public ValueRange range(String name, String unit, double value, Estimate e) {
        boolean count = isCount(unit);
        Optional<ValueRange> stated = index.range(name).or(() -> copiedInto(name, value, e));
        if (stated.isPresent()) {
            return stated.get().wholeIf(count);
        }
        if (count) {
            return ValueRange.count();
        }
        boolean signed = !Unit.isKnown(unit) || Unit.of(unit).canBeNegative() || index.isSigned(name);
        return signed ? ValueRange.ANY : new ValueRange(0, Double.POSITIVE_INFINITY, false, "");
    }

    /** The range of a quantity a rule makes as an unchanged copy of {@code name}, the only number it reads. */
    private Optional<ValueRange> copiedInto(String name, double value, Estimate e) {
        for (Derivation d : e.all()) {
            if (d.isSetting() || d.origin().kind() != Origin.Kind.RULE) {
                continue;
            }
            List<String> numbers = d.inputs().stream().filter(n -> e.value(n).isPresent()).toList();
            if (numbers.equals(List.of(name)) && d.quantity().value() == value) {
                Optional<ValueRange> r = index.range(d.name());
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    /** A count summarized (a percentile, a mean, a moved output): rounded up to a whole number, as a count is. */
    public static double wholeUp(double v) {
        return Double.isFinite(v) ? Math.ceil(v - 1e-9 * Math.max(1, Math.abs(v))) : v;
    }

    /** True when figures in {@code unit} are counts, whole at every percentile. */
    public static boolean isCount(String unit) {
        return Unit.isKnown(unit) && Unit.of(unit).isCount();
    }
}

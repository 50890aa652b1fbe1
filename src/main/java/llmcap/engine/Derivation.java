package llmcap.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import llmcap.domain.Fact;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import llmcap.domain.Setting;

/**
 * A fact with where it came from and the names of the facts it was computed from.
 *
 * @param bindings for a fact a rule derived, the values its conditions bound ({@code $flops} of
 *                 {@code Quantity(name == "serving.peak_flops", $flops : value)}) as Drools gave them to
 *                 the action: numbers, words and booleans; empty for a given fact. {@code explain} shows
 *                 the rule's arithmetic with them.
 */
public record Derivation(Fact fact, Origin origin, List<String> inputs, Map<String, Object> bindings) {
    public Derivation {
        Objects.requireNonNull(fact, "fact must not be null");
        Objects.requireNonNull(origin, "origin must not be null");
        inputs = List.copyOf(inputs);
        bindings = Map.copyOf(bindings);
    }

    /** A fact with no bindings: an input, or a derivation recorded without them. */
    public Derivation(Fact fact, Origin origin, List<String> inputs) {
        this(fact, origin, inputs, Map.of());
    }

    public String name() {
        return fact.name();
    }

    public boolean isSetting() {
        return fact instanceof Setting;
    }

    /** The number, for a quantity; a setting has none. */
    public Quantity quantity() {
        if (fact instanceof Quantity q) {
            return q;
        }
        throw new IllegalStateException(name() + " is a setting, not a number");
    }

    public Setting setting() {
        if (fact instanceof Setting s) {
            return s;
        }
        throw new IllegalStateException(name() + " is a number, not a setting");
    }
}

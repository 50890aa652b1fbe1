package llmcap.engine;

import java.util.List;
import java.util.Objects;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;

/** A quantity with where it came from and the names of the quantities it was computed from. */
public record Derivation(Quantity quantity, Origin origin, List<String> inputs) {
    public Derivation {
        Objects.requireNonNull(quantity, "quantity must not be null");
        Objects.requireNonNull(origin, "origin must not be null");
        inputs = List.copyOf(inputs);
    }

    public String name() {
        return quantity.name();
    }
}

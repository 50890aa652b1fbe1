package llmcap.domain;

import java.util.Objects;

/** A quantity given to the engine from outside the rules (catalog, scenario, command line). */
public record Input(Quantity quantity, Origin origin) {
    public Input {
        Objects.requireNonNull(quantity, "quantity must not be null");
        Objects.requireNonNull(origin, "origin must not be null");
    }
}

package llmcap.domain;

import java.util.Objects;

/** A fact given to the engine from outside the rules (catalog, scenario, command line). */
public record Input(Fact fact, Origin origin) {
    public Input {
        Objects.requireNonNull(fact, "fact must not be null");
        Objects.requireNonNull(origin, "origin must not be null");
    }
}

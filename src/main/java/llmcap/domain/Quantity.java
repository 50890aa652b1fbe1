package llmcap.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named number with its unit: the only kind of fact the rules read and derive.
 *
 * <p>Values are always in base units (bytes, FLOP, FLOP/s, USD, ...; see {@link Unit}). A quantity is
 * immutable: rules derive new quantities, they never change one. The constructor refuses a non-finite
 * value, so a rule that divides by zero fails at the rule that did it, not three rules later.
 */
public record Quantity(String name, double value, String unit) implements Fact {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");

    public Quantity {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("quantity name '" + name
                    + "' is not a dotted lowercase name such as serving.gpus");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not a finite number");
        }
        Unit.of(unit); // throws with the list of known units
    }

    /** True when the name has the dotted lowercase form every quantity name must have. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}

package llmcap.domain;

import java.util.Objects;

/**
 * One named number with its unit: the only kind of fact the rules read and derive.
 *
 * <p>Values are always in base units (bytes, FLOP, FLOP/s, USD, ...; see {@link Unit}). A quantity is
 * immutable: rules derive new quantities, they never change one. The constructor refuses a non-finite
 * value, so a rule that divides by zero fails at the rule that did it, not three rules later.
 */
public record Quantity(String name, double value, String unit) implements Fact {

    public Quantity {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("quantity name '" + Excerpt.of(name)
                    + "' is not a dotted lowercase name such as serving.gpus");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not a finite number (" + (Double.isNaN(value)
                    ? "an undefined result, such as 0 / 0" : "a division by zero or an overflow") + ")");
        }
        Unit.of(unit); // throws with the list of known units
    }

    /** True when the name has the dotted lowercase form every quantity name must have. */
    public static boolean isValidName(String name) {
        // By hand rather than with NAME: every derived fact checks its name, millions of times in a sweep.
        if (name == null || name.isEmpty() || !lower(name.charAt(0))) {
            return false;
        }
        boolean dot = false;
        boolean segmentEmpty = false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (segmentEmpty) {
                    return false;
                }
                dot = true;
                segmentEmpty = true;
            } else if (lower(c) || c >= '0' && c <= '9' || c == '_') {
                segmentEmpty = false;
            } else {
                return false;
            }
        }
        return dot && !segmentEmpty;
    }

    private static boolean lower(char c) {
        return c >= 'a' && c <= 'z';
    }
}

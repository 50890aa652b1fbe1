package llmcap.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named choice rather than a number: a data type ({@code inference.weight_dtype = bf16}), a
 * recompute strategy, which bound binds. Rules match it like a quantity ({@code Setting(name ==
 * "inference.weight_dtype", value == "bf16")}) and the engine records its provenance the same way.
 */
public record Setting(String name, String value) implements Fact {

    private static final Pattern VALUE = Pattern.compile("[a-z0-9][a-z0-9_.+-]*");

    public Setting {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(value, "value must not be null");
        if (!Quantity.isValidName(name)) {
            throw new IllegalArgumentException("setting name '" + Excerpt.of(name)
                    + "' is not a dotted lowercase name such as inference.weight_dtype");
        }
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " = '" + Excerpt.of(value)
                    + "' is not a lowercase word such as bf16, int4 or full");
        }
    }

    /**
     * A value as the user typed it, as the rules compare it: stripped and in lower case ({@code FP8} is
     * {@code fp8}). Every value a rule compares with {@code ==} is lowercase, as this record insists.
     */
    public static String normalise(String typed) {
        return typed.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isValidValue(String value) {
        return value != null && VALUE.matcher(value).matches();
    }
}

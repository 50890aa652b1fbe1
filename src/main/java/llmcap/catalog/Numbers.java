package llmcap.catalog;

import java.util.regex.Pattern;
import llmcap.domain.Excerpt;

/**
 * Reads the numbers users write in YAML. SnakeYAML follows YAML 1.1, which reads {@code 87.6e6} as a
 * string; we parse every scalar ourselves so {@code 87.6e6}, {@code 87.6e+6}, {@code 1_000},
 * {@code 175000000000} and {@code 0.51} all mean what they say. Unit suffixes ({@code 80GB},
 * {@code 175B}) are refused: units live in the field name ({@code memory_gb: 80}).
 */
public final class Numbers {

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d[\\d_]*(\\.[\\d_]*)?|\\.\\d[\\d_]*)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    /** The value of {@code text}, or throws {@link NumberFormatException} with a reason. */
    public static double parse(String text) {
        String t = text.strip();
        if (!NUMBER.matcher(t).matches() || t.contains("__") || t.endsWith("_")) {
            throw new NumberFormatException("expected a number, got '" + Excerpt.of(text) + "'");
        }
        double v = Double.parseDouble(t.replace("_", ""));
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("'" + Excerpt.of(text) + "' is out of range");
        }
        return v;
    }

    /** A number as the user would write it back: {@code 80}, {@code 0.51}, {@code 1.75E11}. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}

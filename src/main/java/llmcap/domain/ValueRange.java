package llmcap.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The values an assumption can take: at least {@code low}, at most {@code high}, and a whole number
 * when {@code whole}. A rule states it for what it derives with {@code @range(LOW, HIGH)} or
 * {@code @range(LOW, HIGH, whole)}, {@code inf} or {@code -inf} for an open end ({@code @range(0, 24)} for
 * hours a day, {@code @range(0, 1)} for a fraction, {@code @range(1, inf, whole)} for a count); a count of GPUs or
 * replicas is a whole number of at least 1 by its unit. Sensitivity keeps a moved value inside it, and
 * uncertainty a drawn one.
 *
 * @param where what states the range, for reports: {@code @range rules/assumptions.drl:44}, {@code a count}
 */
public record ValueRange(double low, double high, boolean whole, String where) {

    public ValueRange {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("a range needs low <= high, got " + low + " and " + high);
        }
    }

    /** Any value at all. */
    public static final ValueRange ANY = new ValueRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, "");

    /** A count of GPUs or replicas: a whole number, at least 1. */
    public static ValueRange count() {
        return new ValueRange(1, Double.POSITIVE_INFINITY, true, "a count");
    }

    /**
     * The range of an annotation's arguments ({@code 0, 24}; {@code 1, inf, whole}), or empty when they
     * are not two numbers (or {@code inf}, {@code -inf}) in order and an optional {@code whole}.
     */
    public static Optional<ValueRange> parse(String arguments, String where) {
        String[] parts = arguments.split(",");
        if (parts.length < 2 || parts.length > 3 || parts.length == 3 && !parts[2].strip().equals("whole")) {
            return Optional.empty();
        }
        try {
            double low = end(parts[0]);
            double high = end(parts[1]);
            return low <= high ? Optional.of(new ValueRange(low, high, parts.length == 3, where)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A number, {@code inf} or {@code -inf} (Drools reads annotations as MVEL: a {@code *} there trips its asserts). */
    private static double end(String s) {
        String t = s.strip();
        return t.equals("inf") ? Double.POSITIVE_INFINITY : t.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(t);
    }

    /** The same range, whole as well when {@code alsoWhole}. */
    public ValueRange wholeIf(boolean alsoWhole) {
        return alsoWhole && !whole ? new ValueRange(Math.max(low, 1), high, true, where) : this;
    }

    /** {@code v} rounded to a whole number if the range is whole, then brought inside the range. */
    public double clip(double v) {
        double r = whole ? Math.rint(v) : v;
        return Math.min(high, Math.max(low, r));
    }

    /** {@code [0, 24]}, {@code whole numbers from 1}, {@code [0, 1]}. */
    public String describe() {
        String ends = Double.isInfinite(high) ? (Double.isInfinite(low) ? "any value" : "at least " + number(low))
                : Double.isInfinite(low) ? "at most " + number(high) : "from " + number(low) + " to " + number(high);
        return whole ? "whole numbers, " + ends : ends;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}

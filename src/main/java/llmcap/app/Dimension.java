package llmcap.app;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import llmcap.catalog.Numbers;
import llmcap.domain.Excerpt;

/**
 * One axis of a sweep: a name ({@code gpu}, {@code model}, or any assumption or setting) and the
 * values it takes, from {@code --vary NAME=SPEC}. SPEC is a list ({@code a100-80gb-sxm,h100-sxm},
 * {@code 3,5,8}) or a range {@code LOW..HIGH:COUNT[:lin|log]} (both ends included).
 */
public record Dimension(String name, List<String> values) {

    private static final Pattern RANGE = Pattern.compile("([^:]+)\\.\\.([^:]+):(\\d+)(?::(lin|log))?");

    public Dimension {
        values = values instanceof java.util.AbstractList ? values : List.copyOf(values);
    }

    /**
     * The values that stand for all the others when checking: every value of a list; the two ends of a
     * range, since every value of a range lies between them.
     */
    public List<String> checkedValues() {
        if (values instanceof java.util.AbstractList && values.size() > 2) {
            return List.of(values.get(0), values.get(values.size() - 1));
        }
        return values;
    }

    public boolean isId() {
        return name.equals("gpu") || name.equals("model");
    }

    public static Dimension parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1 || spec.substring(0, eq).isBlank()) {
            throw bad(spec, "expected NAME=VALUES, e.g. serving.daily_users=1e6..1e8:9:log"
                    + " or gpu=a100-80gb-sxm,h100-sxm");
        }
        String name = spec.substring(0, eq).strip();
        String body = spec.substring(eq + 1).strip();
        if (body.contains("..")) {
            return new Dimension(name, range(spec, body));
        }
        List<String> values = Arrays.stream(body.split(",", -1)).map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw bad(spec, "an empty value in the list");
        }
        return new Dimension(name, values);
    }

    private static UsageException bad(String spec, String problem) {
        return new UsageException("--vary '" + Excerpt.of(spec) + "': " + problem);
    }

    private static List<String> range(String spec, String body) {
        Matcher m = RANGE.matcher(body);
        if (!m.matches()) {
            throw bad(spec, "a range is LOW..HIGH:COUNT[:lin|log], e.g. 1e6..1e8:9:log");
        }
        double low;
        double high;
        try {
            low = Numbers.parse(m.group(1));
            high = Numbers.parse(m.group(2));
        } catch (NumberFormatException e) {
            throw bad(spec, e.getMessage());
        }
        long parsed;
        try {
            parsed = Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
            parsed = Long.MAX_VALUE;
        }
        if (parsed > Integer.MAX_VALUE) {
            throw bad(spec, "COUNT " + Excerpt.of(m.group(3)) + " is more values than one dimension"
                    + " can hold (" + Integer.MAX_VALUE + " at most)");
        }
        int count = (int) parsed;
        boolean log = "log".equals(m.group(4));
        if (low > high) {
            throw bad(spec, "the range's low end " + Numbers.format(low)
                    + " is above its high end " + Numbers.format(high));
        }
        if (count < 1 || count == 1 && low != high) {
            throw bad(spec, "COUNT must be at least 2 (1 only when LOW = HIGH)");
        }
        if (log && low <= 0) {
            throw bad(spec, "a log range needs LOW > 0");
        }
        // Computed when asked for, so a range of millions of values costs no memory.
        return new java.util.AbstractList<>() {
            @Override
            public String get(int i) {
                double t = count == 1 ? 0 : (double) i / (count - 1);
                double v = log ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low))) : low + t * (high - low);
                if (i == 0) {
                    v = low; // the ends exactly, not within rounding
                } else if (i == count - 1) {
                    v = high;
                }
                return format(v);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** Twelve significant digits: 1e7 rather than 10000000.000000006, which no one typed. */
    private static String format(double v) {
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros();
        return Math.abs(v) < 1e15 && Math.abs(v) >= 1e-6 ? b.toPlainString() : b.toString();
    }
}

package llmcap.catalog;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * An assumption stated as a range rather than a value. A plain estimate uses its central value;
 * {@code estimate --samples N} draws from it.
 *
 * <ul>
 * <li>{@code uniform(low, high)}: any value between, equally likely; central value the midpoint;</li>
 * <li>{@code triangular(low, mode, high)}: most likely at the mode; central value the mode;</li>
 * <li>{@code lognormal(low, high)}: low and high are the 10th and 90th percentiles (an 80 % range),
 *     as planners usually state a range; central value the median, sqrt(low x high).</li>
 * </ul>
 */
public record Distribution(Kind kind, double low, double mode, double high) {

    public enum Kind { uniform, triangular, lognormal }

    /** z of the 90th percentile of a standard normal distribution. */
    private static final double Z90 = 1.2815515655446004;

    /** The value a plain estimate uses. Written so that no finite range overflows on the way (low + high can). */
    public double central() {
        return switch (kind) {
            case uniform -> low / 2 + high / 2;
            case triangular -> mode;
            case lognormal -> Math.sqrt(low) * Math.sqrt(high);
        };
    }

    /** One draw; finite for any finite range with low >= 0 except far lognormal tails (the caller checks). */
    public double sample(RandomGenerator random) {
        return switch (kind) {
            case uniform -> low + random.nextDouble() * (high - low);
            case triangular -> {
                double u = random.nextDouble();
                double cut = high == low ? 0 : (mode - low) / (high - low);
                yield u < cut ? low + Math.sqrt(u) * Math.sqrt(high - low) * Math.sqrt(mode - low)
                        : high - Math.sqrt(1 - u) * Math.sqrt(high - low) * Math.sqrt(high - mode);
            }
            case lognormal -> {
                double sigma = (Math.log(high) - Math.log(low)) / (2 * Z90);
                yield central() * Math.exp(sigma * random.nextGaussian());
            }
        };
    }

    public String describe() {
        return switch (kind) {
            case uniform -> String.format(Locale.ROOT, "uniform(%s, %s)", Numbers.format(low), Numbers.format(high));
            case triangular -> String.format(Locale.ROOT, "triangular(%s, %s, %s)", Numbers.format(low),
                    Numbers.format(mode), Numbers.format(high));
            case lognormal -> String.format(Locale.ROOT, "lognormal(P10 %s, P90 %s)", Numbers.format(low),
                    Numbers.format(high));
        };
    }
}

package llmcap.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The statistics of the three range kinds, from 200,000 draws with a fixed seed, against the
 * distributions' analytic mean and 10th / 90th percentiles (worked by hand below).
 */
class DistributionTest {

    private static final int N = 200_000;
    private static final long SEED = 42;
    /** z of the 90th percentile of a standard normal distribution. */
    private static final double Z90 = 1.2815515655446004;

    private static Distribution uniform(double low, double high) {
        return new Distribution(Distribution.Kind.uniform, low, Double.NaN, high);
    }

    private static Distribution triangular(double low, double mode, double high) {
        return new Distribution(Distribution.Kind.triangular, low, mode, high);
    }

    private static Distribution lognormal(double p10, double p90) {
        return new Distribution(Distribution.Kind.lognormal, p10, Double.NaN, p90);
    }

    /** N draws from a generator seeded with 42, sorted. */
    private static double[] sortedDraws(Distribution d) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = d.sample(random);
        }
        Arrays.sort(v);
        return v;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    /** The empirical q-quantile: the value at rank q x (n - 1) of the sorted draws. */
    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }

    private static void assertWithinOnePercent(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 0.01,
                () -> what + ": expected " + expected + " within 1 %, got " + actual);
    }

    private static void assertAllInside(double[] sorted, double low, double high) {
        assertTrue(sorted[0] >= low, () -> "smallest draw " + sorted[0] + " below " + low);
        assertTrue(sorted[sorted.length - 1] <= high, () -> "largest draw " + sorted[sorted.length - 1]
                + " above " + high);
    }

    // ---- uniform(10, 20) ----------------------------------------------------------------------------

    @Test
    void uniformMeanAndPercentiles() {
        double[] v = sortedDraws(uniform(10, 20));
        // mean = (a + b) / 2 = (10 + 20) / 2 = 15
        assertWithinOnePercent(15, mean(v), "mean");
        // P10 = a + 0.1 (b - a) = 10 + 0.1 x 10 = 11; P90 = 10 + 0.9 x 10 = 19
        assertWithinOnePercent(11, quantile(v, 0.10), "P10");
        assertWithinOnePercent(19, quantile(v, 0.90), "P90");
        assertAllInside(v, 10, 20);
    }

    @Test
    void uniformCentralIsTheMidpoint() {
        // (10 + 20) / 2 = 15
        assertEquals(15.0, uniform(10, 20).central(), 0.0);
    }

    // ---- triangular(10, 13, 16) ---------------------------------------------------------------------

    @Test
    void symmetricTriangularMeanAndPercentiles() {
        double[] v = sortedDraws(triangular(10, 13, 16));
        // mean = (a + c + b) / 3 = (10 + 13 + 16) / 3 = 13
        assertWithinOnePercent(13, mean(v), "mean");
        // inverse CDF: F(c) = (c - a) / (b - a) = 3 / 6 = 0.5
        // P10 (0.1 < 0.5) = a + sqrt(0.1 (b - a)(c - a)) = 10 + sqrt(0.1 x 6 x 3) = 10 + sqrt(1.8) = 11.341641
        // P90 (0.9 > 0.5) = b - sqrt(0.1 (b - a)(b - c)) = 16 - sqrt(1.8) = 14.658359
        assertWithinOnePercent(11.341641, quantile(v, 0.10), "P10");
        assertWithinOnePercent(14.658359, quantile(v, 0.90), "P90");
        assertAllInside(v, 10, 16);
    }

    @Test
    void symmetricTriangularCentralIsTheMode() {
        assertEquals(13.0, triangular(10, 13, 16).central(), 0.0);
    }

    // ---- triangular(500, 1000, 2000): the chars-per-user range of the article's scenario -------------

    @Test
    void skewedTriangularMeanAndPercentiles() {
        double[] v = sortedDraws(triangular(500, 1000, 2000));
        // mean = (500 + 1000 + 2000) / 3 = 3500 / 3 = 1166.667
        assertWithinOnePercent(1166.667, mean(v), "mean");
        // F(c) = (1000 - 500) / (2000 - 500) = 1/3
        // P10 (0.1 < 1/3) = 500 + sqrt(0.1 x 1500 x 500) = 500 + sqrt(75,000) = 500 + 273.861 = 773.861
        // P90 (0.9 > 1/3) = 2000 - sqrt(0.1 x 1500 x 1000) = 2000 - sqrt(150,000) = 2000 - 387.298 = 1612.702
        assertWithinOnePercent(773.861, quantile(v, 0.10), "P10");
        assertWithinOnePercent(1612.702, quantile(v, 0.90), "P90");
        assertAllInside(v, 500, 2000);
        // the mode is the most likely value, yet more than half of the draws lie above it:
        // P(X > c) = 1 - 1/3 = 2/3
        long above = Arrays.stream(v).filter(x -> x > 1000).count();
        assertEquals(2.0 / 3, (double) above / N, 0.01);
    }

    @Test
    void skewedTriangularCentralIsTheMode() {
        assertEquals(1000.0, triangular(500, 1000, 2000).central(), 0.0);
    }

    @Test
    void triangularWithTheModeAtAnEnd() {
        // mode = low: F(c) = 0, so every draw takes the upper branch; mean (10 + 10 + 16) / 3 = 12
        double[] v = sortedDraws(triangular(10, 10, 16));
        assertWithinOnePercent(12, mean(v), "mean");
        assertAllInside(v, 10, 16);
        // mode = high: mean (10 + 16 + 16) / 3 = 14
        double[] w = sortedDraws(triangular(10, 16, 16));
        assertWithinOnePercent(14, mean(w), "mean");
        assertAllInside(w, 10, 16);
    }

    @Test
    void degenerateTriangularIsItsOnlyValue() {
        double[] v = sortedDraws(triangular(7, 7, 7));
        assertEquals(7.0, v[0], 0.0);
        assertEquals(7.0, v[N - 1], 0.0);
    }

    // ---- lognormal(P10 100, P90 400) ----------------------------------------------------------------

    @Test
    void lognormalMeanAndPercentiles() {
        double[] v = sortedDraws(lognormal(100, 400));
        // median = sqrt(100 x 400) = 200; sigma = ln(400 / 100) / (2 z90) = 1.3862944 / 2.5631031 = 0.5408656
        // mean = median x exp(sigma^2 / 2) = 200 x exp(0.5408656^2 / 2) = 200 x exp(0.1462678) = 200 x 1.157506 = 231.50
        double sigma = Math.log(4) / (2 * Z90);
        assertEquals(0.5408656, sigma, 1e-6, "sigma worked by hand");
        double expectedMean = 200 * Math.exp(sigma * sigma / 2);
        assertEquals(231.50, expectedMean, 0.01, "mean worked by hand");
        assertWithinOnePercent(expectedMean, mean(v), "mean");
        // low and high are the 10th and 90th percentiles by definition
        assertWithinOnePercent(100, quantile(v, 0.10), "P10");
        assertWithinOnePercent(400, quantile(v, 0.90), "P90");
        assertWithinOnePercent(200, quantile(v, 0.50), "P50");
        assertTrue(v[0] > 0, "a lognormal value is positive");
        // an 80 % range: about a tenth of the draws fall below 100 and a tenth above 400
        assertEquals(0.10, Arrays.stream(v).filter(x -> x < 100).count() / (double) N, 0.005);
        assertEquals(0.10, Arrays.stream(v).filter(x -> x > 400).count() / (double) N, 0.005);
    }

    @Test
    void lognormalCentralIsTheGeometricMean() {
        // sqrt(100 x 400) = 200
        assertEquals(200.0, lognormal(100, 400).central(), 1e-12);
    }

    // ---- reproducibility -----------------------------------------------------------------------------

    @Test
    void theSameSeedGivesTheSameSequence() {
        for (Distribution d : new Distribution[] {uniform(10, 20), triangular(500, 1000, 2000), lognormal(100, 400)}) {
            double[] a = new double[1000];
            double[] b = new double[1000];
            SplittableRandom ra = new SplittableRandom(SEED);
            SplittableRandom rb = new SplittableRandom(SEED);
            for (int i = 0; i < a.length; i++) {
                a[i] = d.sample(ra);
                b[i] = d.sample(rb);
            }
            assertArrayEquals(a, b, d.describe());
        }
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        Distribution d = triangular(500, 1000, 2000);
        SplittableRandom ra = new SplittableRandom(SEED);
        SplittableRandom rb = new SplittableRandom(SEED + 1);
        double[] a = new double[100];
        double[] b = new double[100];
        for (int i = 0; i < a.length; i++) {
            a[i] = d.sample(ra);
            b[i] = d.sample(rb);
        }
        assertFalse(Arrays.equals(a, b));
    }

    // ---- description -----------------------------------------------------------------------------------

    @Test
    void describeNamesTheKindAndItsParameters() {
        assertEquals("uniform(10, 20)", uniform(10, 20).describe());
        assertEquals("triangular(500, 1000, 2000)", triangular(500, 1000, 2000).describe());
        assertEquals("lognormal(P10 100, P90 400)", lognormal(100, 400).describe());
    }

    @Test
    void aCentralValueNearTheLargestDoubleIsComputedWithoutOverflow() {
        assertEquals(1.35e308, uniform(1e308, 1.7e308).central(), 1e293);
        assertEquals(Math.sqrt(10) * 1e200, lognormal(1e200, 1e201).central(), 1e186);
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 1000; i++) {
            assertTrue(Double.isFinite(triangular(0, 1e308, 1.7e308).sample(random)));
            assertTrue(Double.isFinite(uniform(0, 1.7e308).sample(random)));
        }
    }
}

package llmcap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link Uncertainty#percentile}: linear interpolation between the closest ranks ("type 7"), position
 * q x (n - 1) in the sorted draws. Every expectation worked by hand.
 */
class UncertaintyPercentileTest {

    private static final double EPS = 1e-12;

    @Test
    void fourValues() {
        double[] v = {1, 2, 3, 4};
        // P50: position 0.5 x 3 = 1.5, between 2 and 3: 2 + 0.5 x (3 - 2) = 2.5
        assertEquals(2.5, Uncertainty.percentile(v, 0.50), EPS);
        // P10: position 0.1 x 3 = 0.3: 1 + 0.3 x (2 - 1) = 1.3
        assertEquals(1.3, Uncertainty.percentile(v, 0.10), EPS);
        // P90: position 0.9 x 3 = 2.7: 3 + 0.7 x (4 - 3) = 3.7
        assertEquals(3.7, Uncertainty.percentile(v, 0.90), EPS);
    }

    @Test
    void endsAreTheSmallestAndLargest() {
        double[] v = {1, 2, 3, 4};
        assertEquals(1.0, Uncertainty.percentile(v, 0.0), 0.0);
        assertEquals(4.0, Uncertainty.percentile(v, 1.0), 0.0);
    }

    @Test
    void unevenSpacing() {
        double[] v = {10, 20, 40, 80, 160};
        // P50: position 0.5 x 4 = 2, exactly the third value: 40
        assertEquals(40.0, Uncertainty.percentile(v, 0.50), EPS);
        // P10: position 0.4: 10 + 0.4 x (20 - 10) = 14
        assertEquals(14.0, Uncertainty.percentile(v, 0.10), EPS);
        // P90: position 3.6: 80 + 0.6 x (160 - 80) = 128
        assertEquals(128.0, Uncertainty.percentile(v, 0.90), EPS);
    }

    @Test
    void oneValueIsEveryPercentile() {
        double[] v = {7};
        assertEquals(7.0, Uncertainty.percentile(v, 0.10), 0.0);
        assertEquals(7.0, Uncertainty.percentile(v, 0.50), 0.0);
        assertEquals(7.0, Uncertainty.percentile(v, 0.90), 0.0);
    }

    @Test
    void twoValues() {
        double[] v = {100, 200};
        // position q x 1 = q: 100 + q x 100
        assertEquals(110.0, Uncertainty.percentile(v, 0.10), EPS);
        assertEquals(150.0, Uncertainty.percentile(v, 0.50), EPS);
        assertEquals(190.0, Uncertainty.percentile(v, 0.90), EPS);
    }
}

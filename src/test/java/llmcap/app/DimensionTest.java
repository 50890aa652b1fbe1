package llmcap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --vary NAME=SPEC}: a list of ids, numbers or words, or a range LOW..HIGH:COUNT[:lin|log]
 * with both ends included. Every expected value is worked by hand in a comment.
 */
class DimensionTest {

    private static double[] numbers(Dimension d) {
        return d.values().stream().mapToDouble(Double::parseDouble).toArray();
    }

    // ---- lists ------------------------------------------------------------------------------------

    @Test
    void listOfGpuIds() {
        Dimension d = Dimension.parse("gpu=a100-80gb-sxm,h100-sxm");
        assertEquals("gpu", d.name());
        assertEquals(List.of("a100-80gb-sxm", "h100-sxm"), d.values());
        assertTrue(d.isId());
    }

    @Test
    void listOfModelIdsIsAnId() {
        Dimension d = Dimension.parse("model=gpt-3.5,llama-2-70b");
        assertEquals("model", d.name());
        assertEquals(List.of("gpt-3.5", "llama-2-70b"), d.values());
        assertTrue(d.isId());
    }

    @Test
    void listOfNumbersKeepsTheOrderGiven() {
        Dimension d = Dimension.parse("serving.peak_factor=3,5,8,2");
        assertEquals("serving.peak_factor", d.name());
        assertEquals(List.of("3", "5", "8", "2"), d.values());
        assertFalse(d.isId());
    }

    @Test
    void listOfWords() {
        Dimension d = Dimension.parse("inference.weight_dtype=fp32,bf16,fp8");
        assertEquals("inference.weight_dtype", d.name());
        assertEquals(List.of("fp32", "bf16", "fp8"), d.values());
        assertFalse(d.isId());
    }

    @Test
    void aSingleValueIsAListOfOne() {
        assertEquals(List.of("3"), Dimension.parse("serving.peak_factor=3").values());
    }

    @Test
    void spacesAroundNameAndItemsAreIgnored() {
        Dimension d = Dimension.parse(" serving.peak_factor = 3 , 5 ");
        assertEquals("serving.peak_factor", d.name());
        assertEquals(List.of("3", "5"), d.values());
    }

    @Test
    void valuesAreImmutable() {
        Dimension d = Dimension.parse("serving.peak_factor=3,5");
        assertThrows(UnsupportedOperationException.class, () -> d.values().add("8"));
    }

    // ---- ranges -----------------------------------------------------------------------------------

    @Test
    void logRangeOfThree() {
        // 1e6..1e8 in 3 log steps: exp(ln 1e6 + t (ln 1e8 - ln 1e6)) at t = 0, 1/2, 1
        // = 1e6, sqrt(1e6 x 1e8) = 1e7, 1e8
        Dimension d = Dimension.parse("serving.daily_users=1e6..1e8:3:log");
        assertEquals("serving.daily_users", d.name());
        double[] v = numbers(d);
        assertEquals(3, v.length);
        assertEquals(1e6, v[0], 0.0);
        assertEquals(1e7, v[1], 0.0, "twelve significant digits give exactly 1e7, not 10000000.000000006");
        assertEquals(1e8, v[2], 0.0);
    }

    @Test
    void logRangeOfFive() {
        // 1..16 in 5 log steps: ratio (16/1)^(1/4) = 2, so 1, 2, 4, 8, 16
        double[] v = numbers(Dimension.parse("x.y=1..16:5:log"));
        double[] expected = {1, 2, 4, 8, 16};
        assertEquals(expected.length, v.length);
        for (int i = 0; i < v.length; i++) {
            assertEquals(expected[i], v[i], 1e-9, "value " + i);
        }
    }

    @Test
    void linearRangeOfThree() {
        // 0..10 in 3 steps: 0 + t x 10 at t = 0, 1/2, 1 = 0, 5, 10
        Dimension d = Dimension.parse("serving.peak_factor=0..10:3");
        double[] v = numbers(d);
        assertEquals(3, v.length);
        assertEquals(0.0, v[0], 0.0);
        assertEquals(5.0, v[1], 0.0);
        assertEquals(10.0, v[2], 0.0);
    }

    @Test
    void explicitLinIsTheDefault() {
        assertEquals(Dimension.parse("x.y=0..10:3").values(), Dimension.parse("x.y=0..10:3:lin").values());
    }

    @Test
    void linearRangeOfFiveWithFractions() {
        // 0.1..0.7 in 4 steps: step (0.7 - 0.1) / 3 = 0.2, so 0.1, 0.3, 0.5, 0.7
        Dimension d = Dimension.parse("serving.utilization=0.1..0.7:4");
        assertEquals(4, d.values().size());
        // both ends exactly as typed, not low + 1 x (high - low) with its rounding
        assertEquals("0.1", d.values().get(0));
        assertEquals("0.7", d.values().get(3));
        double[] v = numbers(d);
        assertEquals(0.3, v[1], 1e-12);
        assertEquals(0.5, v[2], 1e-12);
    }

    @Test
    void endsAreExactForALogRangeWhoseExpLogDoesNotRoundTrip() {
        // exp(ln(0.3)) and exp(ln(7.7)) need not be exactly 0.3 and 7.7 in doubles; the ends must be
        Dimension d = Dimension.parse("x.y=0.3..7.7:7:log");
        double[] v = numbers(d);
        assertEquals(7, v.length);
        assertEquals(0.3, v[0], 0.0);
        assertEquals(7.7, v[6], 0.0);
        for (int i = 1; i < v.length; i++) {
            assertTrue(v[i] > v[i - 1], "increasing: " + d.values());
        }
    }

    @Test
    void countOneWithEqualEnds() {
        assertEquals(List.of("4"), Dimension.parse("x.y=4..4:1").values());
    }

    @Test
    void rangeWithUnderscoreSeparatedNumbers() {
        // 1_000..3_000 in 3 steps: 1000, 2000, 3000
        double[] v = numbers(Dimension.parse("x.y=1_000..3_000:3"));
        assertEquals(1000.0, v[0], 0.0);
        assertEquals(2000.0, v[1], 0.0);
        assertEquals(3000.0, v[2], 0.0);
    }

    // ---- errors -----------------------------------------------------------------------------------

    private static void assertRefused(String spec, String... fragments) {
        UsageException e = assertThrows(UsageException.class, () -> Dimension.parse(spec), spec);
        assertTrue(e.getMessage().contains(spec), () -> "message should quote the spec '" + spec + "': "
                + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message should contain '" + f + "': " + e.getMessage());
        }
    }

    @Test
    void missingEquals() {
        assertRefused("serving.peak_factor", "NAME=VALUES");
    }

    @Test
    void emptyName() {
        assertRefused("=3,5", "NAME=VALUES");
    }

    @Test
    void emptyValue() {
        assertRefused("serving.peak_factor=", "NAME=VALUES");
    }

    @Test
    void blankName() {
        assertThrows(UsageException.class, () -> Dimension.parse("  =3"), "a name of spaces only is empty");
    }

    @Test
    void blankValue() {
        assertThrows(UsageException.class, () -> Dimension.parse("serving.peak_factor=  "),
                "a value of spaces only is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serving.peak_factor=3,,5", "serving.peak_factor=3,", "serving.peak_factor=,3",
        "serving.peak_factor=3, ,5"})
    void emptyListItem(String spec) {
        assertRefused(spec, "empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serving.daily_users=1..x:3", "serving.daily_users=1..2", "serving.daily_users=1..2:0",
        "serving.daily_users=1..2:3:cubic", "serving.daily_users=1..2:x", "serving.daily_users=..2:3",
        "serving.daily_users=1..:3", "serving.daily_users=a..b:3"})
    void malformedRange(String spec) {
        assertRefused(spec);
    }

    @Test
    void rangeWithoutCountExplainsTheForm() {
        assertRefused("serving.daily_users=1..2", "LOW..HIGH:COUNT");
    }

    @Test
    void rangeWithANonNumberEndNamesIt() {
        assertRefused("serving.daily_users=1..x:3", "'x'");
    }

    @Test
    void countZero() {
        assertRefused("serving.daily_users=1..2:0", "COUNT");
    }

    @Test
    void countTooLargeForAnIntIsAUsageError() {
        assertRefused("serving.daily_users=1..2:99999999999");
    }

    @Test
    void lowAboveHigh() {
        assertRefused("serving.peak_factor=5..1:3", "5", "1", "above");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serving.daily_users=0..1e8:3:log", "serving.daily_users=-1..1e8:3:log"})
    void logRangeNeedsAPositiveLow(String spec) {
        assertRefused(spec, "log", "LOW > 0");
    }

    @Test
    void linearRangeMayStartAtZeroOrBelow() {
        // -10..10 in 3 steps: -10, 0, 10
        double[] v = numbers(Dimension.parse("x.y=-10..10:3"));
        assertEquals(-10.0, v[0], 0.0);
        assertEquals(0.0, v[1], 0.0);
        assertEquals(10.0, v[2], 0.0);
    }

    @Test
    void countOneWithDifferentEnds() {
        assertRefused("serving.peak_factor=1..2:1", "COUNT");
    }
}

package llmcap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one number formatter: each form, with values chosen by hand. */
class ShowTest {

    @Test
    void valuesWithUnits() {
        assertEquals("2,207 GPU", Show.value(2207, "GPU"));
        assertEquals("331.6 GB", Show.value(331.6e9, "B"));
        assertEquals("137.7 PFLOP/s", Show.value(137.7e15, "FLOP/s"));
        assertEquals("3.145e23 FLOP", Show.value(3.145e23, "FLOP"));
        assertEquals("$360,000/day", Show.value(360_000, "USD/day"));
        assertEquals("$1.50/GPU-h", Show.value(1.5, "USD/GPU-h"));
        assertEquals("45.95 ms", Show.value(0.04595, "s"));
        assertEquals("n/a", Show.value(Double.NaN, "GPU"));
    }

    @Test
    void percentagesSharesAndTolerances() {
        assertEquals("+0.55 %", Show.signedPercent(0.55));
        assertEquals("-2.36 %", Show.signedPercent(-2.36));
        assertEquals("+0.55 %", Show.deviation(2207, 2195)); // (2207 - 2195) / 2195 = 0.5467 %
        assertEquals("51.4 %", Show.share(0.514));
        assertEquals("±5 %", Show.tolerance(5));
        assertEquals("±12.5 %", Show.tolerance(12.5));
        assertEquals("n/a", Show.share(Double.NaN));
    }

    @Test
    void aUnitThisBuildDoesNotKnowIsPrintedAsGiven() {
        assertEquals("12.5 furlong", Show.lenient(12.5, "furlong"));
        assertEquals("2,207 GPU", Show.lenient(2207, "GPU"));
        assertEquals("0.5", Show.lenient(0.5, "1"));
        assertEquals("n/a", Show.lenient(Double.POSITIVE_INFINITY, "GPU"));
    }
}

package llmcap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link Numbers#parse} accepts: the numbers people write in YAML, and nothing with a unit. */
class NumbersTest {

    @ParameterizedTest(name = "''{0}'' = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            87.6e6        | 87600000
            87.6e+6       | 87600000
            87.6E6        | 87600000
            1_000         | 1000
            175000000000  | 175000000000
            175_000_000_000 | 175000000000
            0.51          | 0.51
            .5            | 0.5
            -3            | -3
            +2            | 2
            1e-3          | 0.001
            ' 80 '        | 80
            """)
    void parsesWhatPeopleWrite(String text, double expected) {
        assertEquals(expected, Numbers.parse(text), Math.ulp(expected));
    }

    @Test
    void scientificNotationIsExactForTheYolov5xParameterCount() {
        // 87.6e6 must be the same double as 87600000 (YAML 1.1 would have read it as a string).
        assertEquals(87_600_000.0, Numbers.parse("87.6e6"));
    }

    @Test
    void negativeNumbersParseBecausePositivityIsCheckedByFields() {
        assertEquals(-3.0, Numbers.parse("-3"));
        assertEquals(-0.5, Numbers.parse("-.5"));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"80GB", "175B", "1__0", "1_", "abc", "", "   ", "1.2.3", "1e", "e6", "0x10", "1,000",
            "NaN", "Infinity", "- 3"})
    void refusesAnythingThatIsNotABareNumber(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parse(text));
        assertTrue(e.getMessage().contains("expected a number"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), "names the text as written: " + e.getMessage());
    }

    @Test
    void refusesAUnitSuffixOnMemory() {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parse("80GB"));
        assertEquals("expected a number, got '80GB'", e.getMessage());
    }

    @Test
    void refusesAValueBeyondTheRangeOfADouble() {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parse("1e999"));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        assertTrue(e.getMessage().contains("1e999"), e.getMessage());
    }

    @Test
    void refusesANegativeValueBeyondTheRangeOfADouble() {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Numbers.parse("-1e999"));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }
}

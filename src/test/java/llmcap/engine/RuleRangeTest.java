package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import llmcap.domain.ValueRange;
import org.junit.jupiter.api.Test;

/** {@code @range(LOW, HIGH[, whole])} on a rule: the valid values of what it derives. */
class RuleRangeTest {

    private static RuleIndex index(String annotation) {
        return new RuleIndex(List.of(new RuleFile("rules/r.drl", """
                package llmcap.rules;
                rule "x.hours: 24"
                    %s
                when
                    not Quantity(name == "x.hours")
                then
                    insert(new Quantity("x.hours", 24, "h"));
                end
                """.formatted(annotation))));
    }

    @Test
    void aRangeBelongsToWhatTheRuleDerives() {
        ValueRange r = index("@range(0, 24) // hours of a day").range("x.hours").orElseThrow();
        assertEquals(0, r.low());
        assertEquals(24, r.high());
        assertFalse(r.whole());
        assertEquals("@range rules/r.drl:3", r.where()); // the line the annotation is written on
        assertEquals(24, r.clip(28.8), 0.0);
        assertEquals(19.2, r.clip(19.2), 0.0);
    }

    @Test
    void openEndsAndWholeNumbers() {
        ValueRange r = index("@range(1, inf, whole)").range("x.hours").orElseThrow();
        assertEquals(Double.POSITIVE_INFINITY, r.high());
        assertEquals(6, r.clip(6.4), 0.0);
        assertEquals(1, r.clip(0.4), 0.0);
        assertEquals("whole numbers, at least 1", r.describe());
    }

    @Test
    void aMalformedRangeIsNone() {
        assertTrue(index("@range(24, 0)").range("x.hours").isEmpty());
        assertTrue(index("@range(zero, 24)").range("x.hours").isEmpty());
        assertTrue(index("@range(0)").range("x.hours").isEmpty());
        assertTrue(index("").range("x.hours").isEmpty());
    }

    @Test
    void theBundledRulesStateTheHoursOfADayAndTheFractions() {
        RuleIndex bundled = new RuleIndex(RuleFile.readAll(Path.of("rules"), "rules"));
        assertEquals(24, bundled.range("serving.load_hours_per_day").orElseThrow().high());
        for (String fraction : List.of("serving.utilization", "serving.compute_efficiency", "serving.bandwidth_efficiency",
            "training.compute_efficiency", "training.goodput", "training.mfu", "collective.efficiency",
            "inference.memory_reserve_fraction")) {
            ValueRange r = bundled.range(fraction).orElseThrow(() -> new AssertionError(fraction + " has no @range"));
            assertEquals(0, r.low(), fraction);
            assertEquals(1, r.high(), fraction);
        }
    }
}

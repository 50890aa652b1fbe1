package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index that locates rules in their files without help from the compiler. */
class RuleIndexTest {

    @Test
    void findsLineReadsAndDerivesOfEachRule() {
        RuleIndex index = new RuleIndex(List.of(new RuleFile("rules/x.drl", """
                package llmcap.rules;
                // rule "commented out" is not a rule
                /* rule "nor is this"
                   end */
                rule "gpus = ceil(a / b)"
                when
                    Quantity(name == "a.need", $a : value)
                    Quantity(name == "b.each", $b : value)
                then
                    insert(new Quantity("x.gpus", Math.ceil(Math.max($a, 1) / $b), "GPU"));
                end
                """)));
        assertEquals(1, index.rules().size());
        RuleInfo r = index.rule("llmcap.rules", "gpus = ceil(a / b)").orElseThrow();
        assertEquals(5, r.line());
        assertEquals(List.of("a.need", "b.each"), r.reads());
        assertEquals(Map.of("x.gpus", "GPU"), r.derives());
        assertEquals("GPU", index.unitOf("x.gpus").orElseThrow());
    }

    @Test
    void aDefaultsGuardIsNotARead() {
        RuleIndex index = new RuleIndex(List.of(new RuleFile("rules/d.drl", """
                rule "d"
                when
                    not Quantity(name == "s.peak")
                then
                    insert(new Quantity("s.peak", 5, "1"));
                end
                """)));
        assertFalse(index.rules().iterator().next().reads().contains("s.peak"));
        assertEquals(List.of("s.peak"), index.rules().iterator().next().absent());
    }
}

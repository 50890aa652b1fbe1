package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static RuleInfo only(String drl) {
        RuleIndex index = new RuleIndex(List.of(new RuleFile("rules/t.drl", drl)));
        assertEquals(1, index.rules().size());
        return index.rules().iterator().next();
    }

    @Test
    void everyPatternUnderANotIsAbsentNotRead() {
        RuleInfo r = only("""
                rule "d"
                when
                    not (Quantity(name == "e.given") or Setting(name == "e.choice"))
                then
                    insert(new Quantity("e.default", 1, "1"));
                end
                """);
        assertEquals(List.of(), r.reads());
        assertEquals(List.of("e.given", "e.choice"), r.absent());
    }

    @Test
    void aNotAroundExistsIsAbsentToo() {
        RuleInfo r = only("""
                rule "d"
                when
                    not (exists Quantity(name == "e.given"))
                then
                    insert(new Quantity("e.default", 1, "1"));
                end
                """);
        assertEquals(List.of(), r.reads());
        assertEquals(List.of("e.given"), r.absent());
    }

    @Test
    void commentsInsideARuleNameNothing() {
        RuleInfo r = only("""
                rule "c"
                when
                    // Quantity(name == "commented.read")
                    /* not Quantity(name == "commented.absent") */
                    Quantity(name == "a.in", $v : value) // not Quantity(name == "trailing.absent")
                then
                    // insert(new Quantity("commented.out", 1, "B"));
                    insert(new Quantity("c.out", $v, "B")); /* new Quantity("block.out", 1, "B") */
                end
                """);
        assertEquals(List.of("a.in"), r.reads());
        assertEquals(List.of(), r.absent());
        assertEquals(Map.of("c.out", "B"), r.derives());
    }

    @Test
    void aDottedSettingValueIsNoQuantityName() {
        RuleInfo r = only("""
                rule "fp8 variant"
                when
                    Setting(name == "inference.weight_dtype", value == "fp8.e4m3")
                then
                    insert(new Quantity("x.bytes", 1, "B"));
                end
                """);
        assertEquals(List.of("inference.weight_dtype"), r.reads());
    }

    @Test
    void aStringInTheActionThatSpellsACallDerivesNothing() {
        RuleInfo r = only("""
                rule "s"
                when
                    Quantity(name == "a.in", $v : value)
                then
                    String shown = "new Quantity(\"fake.out\", 1, \"B\")"; // new Quantity("fake.two", 1, "B")
                    insert(new Quantity("real.out", $v, "B"));
                end
                """);
        assertEquals(Map.of("real.out", "B"), r.derives());
    }

    @Test
    void aQualifiedConstructorDerives() {
        RuleInfo r = only("""
                rule "q"
                when
                    Quantity(name == "a.in", $v : value)
                then
                    insert(new llmcap.domain.Quantity("q.out", $v, "GPU"));
                end
                """);
        assertEquals(Map.of("q.out", "GPU"), r.derives());
    }

    @Test
    void aSettingIsKnownWhicheverConstraintComesFirst() {
        RuleIndex index = new RuleIndex(List.of(new RuleFile("rules/t.drl", """
                rule "full"
                when
                    Setting(value == "full", name == "training.recompute")
                    Quantity(unit == "GPU", name == "training.cluster_gpus", $g : value)
                then
                    insert(new Quantity("training.extra", $g, "GPU"));
                end
                """)));
        assertTrue(index.isSetting("training.recompute"));
        assertEquals("GPU", index.unitOf("training.cluster_gpus").orElseThrow());
    }

    @Test
    void namesAcrossLinesJoinedByOrInExistsAndAccumulateAreRead() {
        RuleInfo r = only("""
                rule "m"
                when
                    Quantity(
                        name == "a.one"
                            || name == "a.two",
                        $a : value)
                    exists Quantity(name == "b.there")
                    $s : Number() from accumulate(Quantity(name == "c.summed", $v : value), sum($v))
                    Quantity(name == ("gpu.flops_" + "bf16"))
                then
                    insert(new Quantity("m.out", $a + $s.doubleValue(), "1"));
                end
                """);
        assertEquals(List.of("a.one", "a.two", "b.there", "c.summed", "gpu.flops_*"), r.reads());
        assertTrue(RuleIndex.matches("gpu.flops_*", "gpu.flops_bf16"));
    }

    @Test
    void theConsequenceIsTheActionsText() {
        RuleInfo r = only("""
                rule "c"
                when
                    Quantity(name == "a.in", $v : value)
                then
                    insert(new Quantity("c.out", $v * 2, "B"));
                end
                """);
        assertEquals("insert(new Quantity(\"c.out\", $v * 2, \"B\"));", r.consequence());
    }
}

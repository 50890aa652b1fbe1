package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks of {@code rules --check}, one defect of a rule file each, found at its file:line. */
class RuleCheckTest {

    /** What the catalog gives in these fixtures. */
    private static final Map<String, String> CATALOG = Map.of("gpu.flops_bf16", "FLOP/s", "gpu.memory_bytes", "B");

    private static final String DEFAULT_PEAK = """
            rule "s.peak_factor: 5"
            when
                not Quantity(name == "s.peak_factor")
            then
                insert(new Quantity("s.peak_factor", 5, "1"));
            end
            """;

    private static List<RuleCheck.Finding> check(String drl) {
        return RuleCheck.check(new RuleIndex(List.of(new RuleFile("rules/t.drl", drl))), CATALOG);
    }

    private static List<String> errors(String drl) {
        return check(drl).stream().filter(RuleCheck.Finding::error).map(RuleCheck.Finding::line).toList();
    }

    private static List<String> warnings(String drl) {
        return check(drl).stream().filter(f -> !f.error()).map(RuleCheck.Finding::line).toList();
    }

    @Test
    void aMisspeltReadIsAnErrorAtItsLineWithTheClosestName() {
        List<String> e = errors(DEFAULT_PEAK + """
                rule "s.peak = s.mean x s.peak_factor"
                when
                    Quantity(name == "gpu.flops_bf16", $mean : value)
                    Quantity(name == "s.peak_factr", $f : value)
                then
                    insert(new Quantity("s.peak", $mean * $f, "FLOP/s"));
                end
                """);
        assertEquals(List.of("rules/t.drl:10: rule 's.peak = s.mean x s.peak_factor' reads s.peak_factr, which no rule,"
                + " catalog field or input produces; did you mean s.peak_factor?"), e);
    }

    @Test
    void derivedCatalogDefaultedAndUnitStatedNamesArePrefixesToo() {
        assertEquals(List.of(), errors(DEFAULT_PEAK + """
                rule "s.out"
                when
                    Quantity(name == "s.peak_factor", $f : value)
                    Quantity(name == "gpu.memory_bytes", $m : value)
                    Quantity(name == "s.users", unit == "user", $u : value)
                    Setting(name == "s.dtype", $d : value)
                    Quantity(name == ("gpu.flops_" + $d), $p : value)
                then
                    insert(new Quantity("s.out", $f * $m * $u * $p, "1"));
                end
                rule "s.dtype: bf16" @values("bf16")
                when
                    not Setting(name == "s.dtype")
                then
                    insert(new Setting("s.dtype", "bf16"));
                end
                """));
    }

    @Test
    void aDefaultWhoseGuardIsMisspeltNeverGivesWay() {
        List<String> e = errors("""
                rule "s.peak_factor: 5"
                when
                    not Quantity(name == "s.peak_factr")
                then
                    insert(new Quantity("s.peak_factor", 5, "1"));
                end
                """);
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).startsWith("rules/t.drl:3: rule 's.peak_factor: 5' tests that s.peak_factr is absent"), e::toString);
        assertTrue(e.get(0).endsWith("did you mean s.peak_factor?"), e::toString);
    }

    @Test
    void twoUnitsForOneNameAreAnErrorAtBothPlaces() {
        List<String> e = errors("""
                rule "a"
                when
                    Quantity(name == "gpu.memory_bytes", $m : value)
                then
                    insert(new Quantity("x.size", $m, "B"));
                end
                rule "b"
                when
                    Quantity(name == "gpu.flops_bf16", $m : value)
                then
                    insert(new Quantity("x.size", $m / 1e9, "GB"));
                end
                """);
        assertEquals(2, e.size(), e::toString);
        assertTrue(e.get(0).startsWith("rules/t.drl:5: rule 'a' gives x.size in 'B', but rules/t.drl:11 (rule 'b') in 'GB'"),
                e::toString);
        assertTrue(e.get(1).startsWith("rules/t.drl:11: rule 'b' gives x.size in 'GB', but rules/t.drl:5 (rule 'a') in 'B'"),
                e::toString);
    }

    @Test
    void aRuleGivingACatalogFigureAnotherUnitIsAnError() {
        List<String> e = errors("""
                rule "gpu.memory_bytes: 80 GB"
                when
                    not Quantity(name == "gpu.memory_bytes")
                then
                    insert(new Quantity("gpu.memory_bytes", 80, "GB"));
                end
                """);
        assertEquals(List.of("rules/t.drl:5: rule 'gpu.memory_bytes: 80 GB' gives gpu.memory_bytes in 'GB', but the catalog"
                + " in 'B' gives it in another unit; a quantity has one unit"), e);
    }

    @Test
    void aQuantityMatchedAsASettingIsAnError() {
        List<String> e = errors("""
                rule "x"
                when
                    Setting(name == "gpu.memory_bytes", $v : value)
                then
                    insert(new Setting("x.kind", $v));
                end
                """);
        assertEquals(List.of("rules/t.drl:3: rule 'x' takes gpu.memory_bytes as a Setting, but it is a number (a Quantity"
                + " from the catalog)"), e);
    }

    private static final String RECOMPUTE = """
            rule "t.recompute: selective" @values("none", "selective", "full")
            when
                not Setting(name == "t.recompute")
            then
                insert(new Setting("t.recompute", "selective"));
            end
            """;

    @Test
    void aSettingComparedWithAValueItsValuesDoNotDeclareIsAnError() {
        List<String> e = errors(RECOMPUTE + """
                rule "t.extra = 1 (selective)"
                when
                    Setting(name == "t.recompute", value == "selectve")
                then
                    insert(new Quantity("t.extra", 1, "1"));
                end
                """);
        assertEquals(List.of("rules/t.drl:9: rule 't.extra = 1 (selective)' compares t.recompute with 'selectve', which its"
                + " @values does not declare (known: none, selective, full) (did you mean selective?)"), e);
    }

    @Test
    void aSettingOnlyRulesGiveComparedWithAValueNoRuleInsertsIsAnError() {
        List<String> e = errors("""
                rule "t.sizing = compute"
                when
                    Quantity(name == "gpu.flops_bf16")
                then
                    insert(new Setting("t.sizing", "compute"));
                end
                rule "t.extra"
                when
                    Setting(name == "t.sizing", value in ("compute", "throughput"))
                then
                    insert(new Quantity("t.extra", 1, "1"));
                end
                """);
        assertEquals(List.of("rules/t.drl:9: rule 't.extra' compares t.sizing with 'throughput', which no rule inserts and no"
                + " @values declares (known: compute)"), e);
    }

    @Test
    void aDefaultOutsideItsOwnValuesIsAnError() {
        List<String> e = errors("""
                rule "t.recompute: some" @values("none", "full")
                when
                    not Setting(name == "t.recompute")
                then
                    insert(new Setting("t.recompute", "some"));
                end
                """);
        assertEquals(List.of("rules/t.drl:5: rule 't.recompute: some' inserts t.recompute = 'some', which its @values (none,"
                + " full) does not list"), e);
    }

    @Test
    void valuesOnARuleThatGivesTwoThingsIsAnError() {
        List<String> e = errors("""
                rule "two" @values("a", "b")
                when
                    Quantity(name == "gpu.flops_bf16")
                then
                    insert(new Setting("t.one", "a"));
                    insert(new Setting("t.two", "b"));
                end
                """);
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).startsWith("rules/t.drl:1: @values on rule 'two', which does not give exactly one"), e::toString);
    }

    @Test
    void aGuardThatFailsForADeclaredValueIsAnError() {
        List<String> e = errors(RECOMPUTE + """
                rule "t.recompute must be none or selective"
                when
                    Setting(name == "t.recompute", $v : value, value not in ("none", "selective"))
                then
                    throw new IllegalArgumentException("t.recompute = " + $v);
                end
                """);
        assertEquals(List.of("rules/t.drl:9: rule 't.recompute must be none or selective' fails for t.recompute = full, which"
                + " its @values declares"), e);
    }

    @Test
    void aQuantityWithDeclaredValuesIsComparedAsNumbers() {
        String zero = """
                rule "t.zero_stage: 1" @values(0, 1, 2, 3)
                when
                    not Quantity(name == "t.zero_stage")
                then
                    insert(new Quantity("t.zero_stage", 1, "1"));
                end
                rule "stage 4"
                when
                    Quantity(name == "t.zero_stage", value == 4.0)
                then
                    insert(new Quantity("t.sharded", 1, "1"));
                end
                """;
        List<String> e = errors(zero);
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).startsWith("rules/t.drl:9: rule 'stage 4' compares t.zero_stage with '4.0', which its @values"
                + " does not declare"), e::toString);
        assertEquals(List.of(), errors(zero.replace("4.0", "3.0")));
    }

    @Test
    void anInputSettingWithoutValuesIsAWarningNotAnError() {
        String drl = """
                rule "t.recompute: selective"
                when
                    not Setting(name == "t.recompute")
                then
                    insert(new Setting("t.recompute", "selective"));
                end
                rule "full"
                when
                    Setting(name == "t.recompute", value == "full")
                then
                    insert(new Quantity("t.extra", 1, "1"));
                end
                """;
        assertEquals(List.of(), errors(drl));
        List<String> w = warnings(drl);
        assertEquals(1, w.size(), w::toString);
        assertTrue(w.get(0).startsWith("rules/t.drl:3: warning: setting t.recompute has a default and rules compare it with"
                + " (full), but no @values(...)"), w::toString);
    }

    @Test
    void aMisspeltAnnotationIsAWarning() {
        List<String> w = warnings("""
                rule "x" @optinal
                when
                    Quantity(name == "gpu.flops_bf16", $p : value)
                then
                    insert(new Quantity("x.out", $p, "FLOP/s"));
                end
                """);
        assertEquals(List.of("rules/t.drl:1: warning: rule 'x' has @optinal, which llmcap does not know and ignores (did you"
                + " mean @optional?)"), w);
    }

    @Test
    void aSettingCopiedFromAnotherTakesItsValues() {
        List<String> e = errors(RECOMPUTE + """
                rule "t.copy = t.recompute"
                when
                    Setting(name == "t.recompute", $r : value)
                then
                    insert(new Setting("t.copy", $r));
                end
                rule "t.extra"
                when
                    Setting(name == "t.copy", value in ("full", "fulll"))
                then
                    insert(new Quantity("t.extra", 1, "1"));
                end
                """);
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).startsWith("rules/t.drl:15: rule 't.extra' compares t.copy with 'fulll'"), e::toString);
        assertFalse(e.get(0).contains("'full',"), e::toString);
    }
}

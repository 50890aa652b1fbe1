package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import org.junit.jupiter.api.Test;

/** The engine's own duties: provenance, conflicts, runaway rules, failing actions, compile errors. */
class EngineTest {

    private static final String HEADER = "package llmcap.rules;\nimport llmcap.domain.Quantity;\n";

    private static Estimate run(String drl, Input... inputs) {
        return new Engine(RuleBook.compile(List.of(new RuleFile("rules/t.drl", HEADER + drl))), 200).run(List.of(inputs));
    }

    private static Input in(String name, double value, String unit) {
        return new Input(new Quantity(name, value, unit), Origin.catalog("catalog/gpus.yaml", "x", "datasheet"));
    }

    @Test
    void provenanceNamesRuleFileLineAndInputs() {
        Estimate e = run("""
                rule "b.doubled = a.value x 2"
                when
                    Quantity(name == "a.value", $v : value)
                then
                    insert(new Quantity("b.doubled", $v * 2, "1"));
                end
                """, in("a.value", 21, "1"));
        Derivation d = e.get("b.doubled").orElseThrow();
        assertEquals(42, d.quantity().value());
        assertEquals(Origin.Kind.RULE, d.origin().kind());
        assertEquals("b.doubled = a.value x 2", d.origin().rule());
        assertEquals("rules/t.drl:3", d.origin().where()); // two header lines, then the rule
        assertEquals(List.of("a.value"), d.inputs());
        assertEquals(Origin.Kind.CATALOG, e.get("a.value").orElseThrow().origin().kind());
    }

    /**
     * A condition may build the name it needs absent ({@code not Quantity(name == ("e.k_" + $k))}): when a
     * later input supplies such a name, what the rule derived in its absence must go, exactly as for a
     * literal name.
     */
    @Test
    void aBuiltNameNeededAbsentIsTrackedInIncrementalSessions() {
        String drl = HEADER + """
                import llmcap.domain.Setting;
                rule "r.e = the measured e.<kind>"
                when
                    Setting(name == "s.kind", $k : value)
                    Quantity(name == ("e.k_" + $k), $v : value)
                then
                    insert(new Quantity("r.e", $v, "1"));
                end
                rule "r.e = 0.5 (no e.<kind>)"
                when
                    Setting(name == "s.kind", $k : value)
                    not Quantity(name == ("e.k_" + $k))
                then
                    insert(new Quantity("r.e", 0.5, "1"));
                end
                """;
        Engine engine = new Engine(RuleBook.compile(List.of(new RuleFile("rules/t.drl", drl))), 200);
        Input kind = new Input(new llmcap.domain.Setting("s.kind", "bf16"), Origin.commandLine("test"));
        try (IncrementalSession s = engine.open(List.of(kind))) {
            assertEquals(0.5, s.get("r.e").orElseThrow().quantity().value());
            s.apply(List.of(kind, in("e.k_bf16", 0.9, "1")));
            assertEquals(0.9, s.get("r.e").orElseThrow().quantity().value());
            s.apply(List.of(kind));
            assertEquals(0.5, s.get("r.e").orElseThrow().quantity().value());
        }
    }

    @Test
    void aRuleThatReadsNoQuantityIsADefaultAssumption() {
        Estimate e = run("""
                rule "c.k default"
                when
                    not Quantity(name == "c.k")
                then
                    insert(new Quantity("c.k", 5, "1"));
                end
                """);
        assertEquals(Origin.Kind.DEFAULT_RULE, e.get("c.k").orElseThrow().origin().kind());
        assertTrue(e.get("c.k").orElseThrow().origin().isAssumption());
    }

    @Test
    void twoRulesGivingOneQuantityTwoValuesIsAnErrorNamingBoth() {
        RuleException ex = assertThrows(RuleException.class, () -> run("""
                rule "x.y from a"
                when
                    Quantity(name == "a.value", $v : value)
                then
                    insert(new Quantity("x.y", $v, "1"));
                end

                rule "x.y from twice a"
                when
                    Quantity(name == "a.value", $v : value)
                then
                    insert(new Quantity("x.y", $v * 2, "1"));
                end
                """, in("a.value", 1, "1")));
        String msg = ex.getMessage();
        assertTrue(msg.contains("x.y has two values"), msg);
        assertTrue(msg.contains("\"x.y from a\" rules/t.drl:3"), msg);
        assertTrue(msg.contains("\"x.y from twice a\" rules/t.drl:10"), msg);
    }

    @Test
    void twoRulesAgreeingOnAValueIsNoConflict() {
        Estimate e = run("""
                rule "x.y one way"
                when
                    Quantity(name == "a.value", $v : value)
                then
                    insert(new Quantity("x.y", $v + $v, "1"));
                end

                rule "x.y other way"
                when
                    Quantity(name == "a.value", $v : value)
                then
                    insert(new Quantity("x.y", 2 * $v, "1"));
                end
                """, in("a.value", 3, "1"));
        assertEquals(6, e.value("x.y").orElseThrow());
    }

    @Test
    void aRuleThatNeverStopsIsStoppedAndNamed() {
        RuleException ex = assertThrows(RuleException.class, () -> run("""
                rule "count up forever"
                when
                    Quantity($n : name, $v : value)
                    eval($n.startsWith("a."))
                then
                    insert(new Quantity("a.v" + (long) ($v + 1), $v + 1, "1"));
                end
                """, in("a.value", 0, "1")));
        assertTrue(ex.getMessage().contains("stopped after 200 rule firings"), ex.getMessage());
        assertTrue(ex.getMessage().contains("\"count up forever\""), ex.getMessage());
    }

    @Test
    void divisionByZeroIsAnErrorNamingTheRuleNotANaN() {
        RuleException ex = assertThrows(RuleException.class, () -> run("""
                rule "r.ratio = a / b"
                when
                    Quantity(name == "a.value", $a : value)
                    Quantity(name == "b.value", $b : value)
                then
                    insert(new Quantity("r.ratio", $a / $b, "1"));
                end
                """, in("a.value", 1, "1"), in("b.value", 0, "1")));
        String msg = ex.getMessage();
        assertTrue(msg.startsWith("rules/t.drl:3: rule \"r.ratio = a / b\" failed: r.ratio is not a finite number (a division by zero"), msg);
        assertFalse(msg.contains("Infinity") || msg.contains("NaN"), msg);
        assertTrue(msg.contains("b.value = 0.0"), msg);
    }

    @Test
    void anUnknownUnitIsAnErrorNamingTheRule() {
        RuleException ex = assertThrows(RuleException.class, () -> run("""
                rule "bad unit"
                when
                    Quantity(name == "a.value", $a : value)
                then
                    insert(new Quantity("a.copy", $a, "furlong"));
                end
                """, in("a.value", 1, "1")));
        assertTrue(ex.getMessage().contains("unknown unit 'furlong'"), ex.getMessage());
    }

    @Test
    void everyBrokenFileIsReportedWithFileAndLine() {
        RuleException ex = assertThrows(RuleException.class, () -> RuleBook.compile(List.of(
                new RuleFile("rules/a.drl", HEADER + "rule \"a\"\nwhen\n    Quantity(name == \"x.y\"\nthen\nend\n"),
                new RuleFile("rules/b.drl", HEADER + "rule \"b\"\nwhen\n    Quantity(nmae == \"x.y\")\nthen\nend\n"),
                new RuleFile("rules/ok.drl", HEADER))));
        List<String> lines = ex.lines();
        assertTrue(lines.stream().anyMatch(l -> l.matches("rules/a\\.drl:\\d+: .*")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("rules/b\\.drl:\\d+: .*")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("rules/ok.drl")), lines.toString());
    }

    /** Drools' parser crashes on a file that ends inside a rule; the one line says so, at its line, with no stack trace. */
    @Test
    void aFileEndingInsideARuleIsOneLineWithoutAStackTrace() {
        String text = HEADER + "rule \"a\"\nwhen\n    Quantity(name == \n";
        RuleException ex = assertThrows(RuleException.class, () -> RuleBook.compile(List.of(new RuleFile("rules/a.drl", text))));
        int last = (int) text.lines().count() + 1;
        assertEquals(List.of("rules/a.drl:" + last + ": the file ends in the middle of a rule (a parenthesis, a string or"
                + " the rule's end is missing)"), ex.lines());
    }

    @Test
    void aNegativeSizeIsAllowedWhenARuleTestsItsSign() {
        Estimate e = run("""
                rule "x.room_bytes = have - need"
                when
                    Quantity(name == "x.have", $h : value)
                    Quantity(name == "x.need", $n : value)
                then
                    insert(new Quantity("x.room_bytes", $h - $n, "B"));
                end
                rule "x.shortfall_bytes = -room"
                when
                    Quantity(name == "x.room_bytes", $r : value, value <= 0)
                then
                    insert(new Quantity("x.shortfall_bytes", -$r, "B"));
                end
                rule "x.saving_usd = -5"
                when
                    Quantity(name == "x.have")
                then
                    insert(new Quantity("x.saving_usd", -5, "USD"));
                end
                """, in("x.have", 1, "B"), in("x.need", 3, "B"));
        assertEquals(-2, e.value("x.room_bytes").orElseThrow());
        assertEquals(2, e.value("x.shortfall_bytes").orElseThrow());
        assertEquals(-5, e.value("x.saving_usd").orElseThrow(), "money may be negative");
    }

    @Test
    void aNegativeCountIsRefusedNamingTheRule() {
        RuleException ex = assertThrows(RuleException.class, () -> run("""
                rule "x.spare = 1 - gpus"
                when
                    Quantity(name == "x.gpus", $g : value)
                then
                    insert(new Quantity("x.spare", 1 - $g, "replica"));
                end
                """, in("x.gpus", 8, "GPU")));
        assertTrue(ex.getMessage().startsWith("rules/t.drl:3: rule \"x.spare = 1 - gpus\" failed: x.spare = -7.0 replica"
                + " is negative"), ex.getMessage());
    }

    @Test
    void anActionThatNeverEndsIsStoppedAtTheTimeLimitNamingTheRule() {
        RuleBook book = RuleBook.compile(List.of(new RuleFile("rules/t.drl", HEADER + """
                rule "x.spin"
                when
                    Quantity(name == "a.value", $v : value)
                then
                    long n = 0;
                    while (true) {
                        n++;
                    }
                end
                """)));
        long start = System.nanoTime();
        RuleException ex = assertThrows(RuleException.class, () -> new Engine(book, 200, java.time.Duration.ofMillis(300))
                .run(List.of(in("a.value", 1, "1"))));
        assertTrue(ex.getMessage().startsWith("rules/t.drl:3: rule \"x.spin\" still running after 300 ms"), ex.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped within seconds");
        assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt does not outlive the firing");
    }
}

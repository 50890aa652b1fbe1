package llmcap.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import llmcap.engine.Derivation;
import llmcap.engine.Engine;
import llmcap.engine.Estimate;
import llmcap.engine.RuleBook;
import llmcap.engine.RuleFile;

/**
 * Fires one real rule file from {@code rules/} against hand-made inputs, so each file is tested on
 * its own: given these quantities, which quantities come out, and which rule is credited for each.
 */
final class RuleFixture {

    private final RuleBook book;
    private final List<Input> inputs = new ArrayList<>();

    private RuleFixture(String... files) {
        List<RuleFile> rf = new ArrayList<>();
        try {
            for (String f : files) {
                rf.add(new RuleFile("rules/" + f, Files.readString(Path.of("rules", f))));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        book = RuleBook.compile(rf);
    }

    static RuleFixture of(String... files) {
        return new RuleFixture(files);
    }

    /** Gives {@code name} (replacing an earlier given value of the same name). */
    RuleFixture given(String name, double value, String unit) {
        return put(new Input(new Quantity(name, value, unit), Origin.commandLine("test")));
    }

    RuleFixture givenSetting(String name, String value) {
        return put(new Input(new llmcap.domain.Setting(name, value), Origin.commandLine("test")));
    }

    private RuleFixture put(Input in) {
        inputs.removeIf(i -> i.fact().name().equals(in.fact().name()));
        inputs.add(in);
        return this;
    }

    Estimate run() {
        return new Engine(book).run(inputs);
    }

    /** Asserts the setting {@code name} holds {@code expected}, chosen by the rule named {@code rule}. */
    static Derivation assertSetting(Estimate e, String name, String expected, String rule) {
        Derivation d = e.get(name).orElseThrow(() -> new AssertionError(name + " was not derived; have " + e.names()));
        assertEquals(expected, d.setting().value(), name);
        assertEquals(rule, d.origin().rule(), name + " rule");
        return d;
    }

    /** Asserts {@code name} was derived with {@code expected} (relative 1e-12) by the rule named {@code rule}. */
    static Derivation assertDerived(Estimate e, String name, double expected, String unit, String rule) {
        Derivation d = e.get(name).orElseThrow(() -> new AssertionError(name + " was not derived; have " + e.names()));
        assertEquals(expected, d.quantity().value(), Math.abs(expected) * 1e-12, name);
        assertEquals(unit, d.quantity().unit(), name + " unit");
        assertEquals(rule, d.origin().rule(), name + " rule");
        assertTrue(d.origin().where().matches("rules/[a-z_]+\\.drl:\\d+"), d.origin().where());
        return d;
    }
}

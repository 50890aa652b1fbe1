package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of compiled rules saves time and never changes a result. */
class RuleCacheTest {

    @TempDir
    Path dir;

    private static List<RuleFile> rules(int factor) {
        return List.of(new RuleFile("rules/t.drl", """
                package llmcap.rules;
                import llmcap.domain.Quantity;
                rule "b.value = a.value x FACTOR"
                when
                    Quantity(name == "a.value", $v : value)
                then
                    insert(new Quantity("b.value", $v * FACTOR, "1"));
                end
                """.replace("FACTOR", Integer.toString(factor))));
    }

    private static double run(RuleBook book) {
        Input in = new Input(new Quantity("a.value", 21, "1"), Origin.commandLine("test"));
        return new Engine(book).run(List.of(in)).value("b.value").orElseThrow();
    }

    @Test
    void aCachedRuleBookGivesTheSameResultAndProvenance() throws IOException {
        RuleCache cache = new RuleCache(dir);
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("rules-")).count());
        }
        RuleBook cached = RuleBook.load(rules(2), Optional.of(cache));
        assertEquals(42, run(cached));
        Derivation d = new Engine(cached).run(List.of(new Input(new Quantity("a.value", 1, "1"), Origin.commandLine("t"))))
                .get("b.value").orElseThrow();
        assertEquals("rules/t.drl:3", d.origin().where());
    }

    @Test
    void editingARuleChangesTheKeySoTheEditTakesEffect() {
        assertNotEquals(RuleCache.key(rules(2)), RuleCache.key(rules(3)));
        RuleCache cache = new RuleCache(dir);
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))));
        assertEquals(63, run(RuleBook.load(rules(3), Optional.of(cache))));
    }

    @Test
    void aCorruptCacheEntryIsIgnoredAndReplaced() throws IOException {
        RuleCache cache = new RuleCache(dir);
        Path entry = dir.resolve("rules-" + RuleCache.key(rules(2)) + ".bin");
        Files.writeString(entry, "not a compiled rule base");
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))));
        assertTrue(Files.size(entry) > 100, "the corrupt entry was replaced by a real one");
    }
}

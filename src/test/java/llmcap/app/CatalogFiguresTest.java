package llmcap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import llmcap.catalog.Entry;
import llmcap.catalog.FigureNames;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import org.junit.jupiter.api.Test;

/**
 * What {@code rules --check} counts as given by the catalog is what the catalog gives: every figure of
 * every bundled entry, and every catalog input of the bundled scenarios, under the name and in the unit
 * the rules see.
 */
class CatalogFiguresTest {

    private final Workspace w = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"),
            new Timings());

    @Test
    void everyFigureOfEveryBundledEntryIsListedWithItsUnit() {
        check(w.catalog().gpus(), FigureNames.gpu());
        check(w.catalog().models(), FigureNames.model());
        check(w.catalog().families(), FigureNames.family());
    }

    private static void check(Map<String, Entry> entries, Map<String, String> names) {
        assertTrue(!entries.isEmpty());
        for (Entry e : entries.values()) {
            e.figures().forEach((key, f) -> assertEquals(names.get(key), f.unit(), () -> e.id() + ": " + key));
        }
    }

    @Test
    void everyCatalogInputOfEveryBundledScenarioIsListedUnderItsName() {
        Map<String, String> names = CatalogFigures.names();
        java.util.Set<String> prefixes = new java.util.TreeSet<>();
        for (String id : w.catalog().scenarios().keySet()) {
            var s = w.catalog().scenario(id);
            for (Input in : w.prepare(s, Optional.empty(), Optional.empty(), Map.of()).inputs()) {
                if (in.origin().kind() == Origin.Kind.CATALOG && in.fact() instanceof Quantity q) {
                    assertEquals(names.get(q.name()), q.unit(), () -> id + ": " + q.name());
                    prefixes.add(q.name().substring(0, q.name().lastIndexOf('.')));
                }
            }
        }
        assertEquals(java.util.Set.of("model", "reference", "crosscheck", "crosscheck.gpu", "gpu", "family"), prefixes,
                "every way a catalog entry reaches the rules is exercised");
    }
}

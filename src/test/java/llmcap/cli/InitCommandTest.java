package llmcap.cli;

import static llmcap.ArticleChain.SERVING_GPUS;
import static llmcap.ArticleChain.SERVING_GPUS_AT_PEAK_3;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.run;
import static llmcap.cli.CliTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import llmcap.app.Locations;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmcap init DIR}: editable copies of the bundled rules and catalog that estimate can use. */
class InitCommandTest {

    private static final Path BUNDLED_RULES = Locations.bundled("rules").path();
    private static final Path BUNDLED_CATALOG = Locations.bundled("catalog").path();

    @TempDir
    Path tmp;

    @Test
    void writesEveryRuleFileAndTheCatalog() throws IOException {
        Path dir = tmp.resolve("work");
        assertOk(run("init", dir.toString()));
        assertEquals(names(Path.of("rules"), ".drl"), names(dir.resolve("rules"), ".drl"));
        assertTrue(Files.isRegularFile(dir.resolve("catalog/gpus.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("catalog/models.yaml")));
        assertTrue(Files.isRegularFile(dir.resolve("catalog/scenarios/chatgpt-2023-01.yaml")));
        // Byte copies of the bundled folders (the build's snapshot of ./rules and ./catalog).
        assertEquals(Files.readString(BUNDLED_CATALOG.resolve("gpus.yaml")),
                Files.readString(dir.resolve("catalog/gpus.yaml")));
        assertEquals(Files.readString(BUNDLED_RULES.resolve("serving.drl")),
                Files.readString(dir.resolve("rules/serving.drl")));
    }

    @Test
    void secondInitExits2UnlessForced() throws IOException {
        Path dir = tmp.resolve("work");
        assertOk(run("init", dir.toString()));
        Path serving = dir.resolve("rules/serving.drl");
        Files.writeString(serving, "// edited\n");

        Run again = run("init", dir.toString());
        assertUsageError(again, "already exists", "--force");
        assertEquals("// edited\n", Files.readString(serving), "a refused init must not touch the files");

        assertOk(run("init", "--force", dir.toString()));
        assertEquals(Files.readString(BUNDLED_RULES.resolve("serving.drl")), Files.readString(serving));
    }

    @Test
    void estimateRunsOnTheCopy() {
        Path dir = tmp.resolve("work");
        assertOk(run("init", dir.toString()));
        Run r = run("estimate", "--rules", dir.resolve("rules").toString(), "--catalog",
                dir.resolve("catalog").toString(), "--format", "json");
        assertOk(r);
        assertEquals(dir.resolve("rules").toString(), r.json().get("rules").getAsString());
        // The copy is the article's setup: ceil(137.678528e15 x 5 / 312e12) = 2207
        assertEquals(SERVING_GPUS, value(r.json(), "serving.gpus"));
    }

    @Test
    void editingTheCopiedRulesChangesTheEstimate() throws IOException {
        Path dir = tmp.resolve("work");
        assertOk(run("init", dir.toString()));
        Path assumptions = dir.resolve("rules/assumptions.drl");
        String drl = Files.readString(assumptions);
        String edited = drl.replace("insert(new Quantity(\"serving.peak_factor\", 5, \"1\"));",
                "insert(new Quantity(\"serving.peak_factor\", 3, \"1\"));");
        assertFalse(edited.equals(drl), "the peak factor default was not found in the copy");
        Files.writeString(assumptions, edited);

        Run r = run("estimate", "--rules", dir.resolve("rules").toString(), "--catalog",
                dir.resolve("catalog").toString(), "--format", "json");
        assertOk(r);
        // ceil(137.678528e15 x 3 / 312e12) = ceil(1323.8) = 1324
        assertEquals(SERVING_GPUS_AT_PEAK_3, value(r.json(), "serving.gpus"));
    }

    private static List<String> names(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        }
    }
}

package llmcap.catalog;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import llmcap.app.Folder;
import llmcap.app.Result;
import llmcap.app.Selection;
import llmcap.app.Timings;
import llmcap.app.Workspace;
import llmcap.cli.CliTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a catalog file can be wrong gives one line that starts with {@code FILE:LINE:} and names
 * the entry and the field. Each defect is one fixture file under {@code src/test/resources/catalog-errors}
 * that replaces one file of the small valid catalog below; its header comments state the expected
 * place, message fragments and exit code (see the README there).
 */
class CatalogErrorsTest {

    /** The display name the direct API tests give the catalog folder. */
    private static final String DISPLAY = "cat";

    static final String GPUS = """
            gpus:
              - id: x100
                name: Test X100
                memory_gb: 80
                bandwidth_gb_per_s: 2000
                dense_tflops:
                  bf16: 300
                source: "fixture"
            """;

    static final String MODELS = """
            models:
              - id: m1
                name: Model One
                params: 1000000000
                source: "fixture"
            """;

    static final String SCENARIO = """
            id: x
            title: Test scenario
            source: "fixture"
            model: m1
            gpu: x100
            assumptions:
              serving.daily_users:
                value: 1000
                unit: user
            """;

    /** One fixture: a broken file and what loading it must report. */
    record Fixture(String name, String text, String replaces, String via, String errorAt, List<String> expect,
                   int exit, String bug) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path dir;

    // --- the valid base ------------------------------------------------------------------------------

    @Test
    void baseCatalogLoadsSoEveryFixtureFailsOnlyForItsOwnDefect() throws IOException {
        writeBase(dir);
        Catalog c = Catalog.load(dir, DISPLAY);
        assertEquals(List.of("x100"), List.copyOf(c.gpus().keySet()));
        assertEquals(List.of("m1"), List.copyOf(c.models().keySet()));
        assertEquals(List.of("x"), List.copyOf(c.scenarios().keySet()));
        // 80 GB = 80e9 bytes: memory_gb is SI.
        assertEquals(80e9, c.gpu("x100").figure("memory_bytes").orElseThrow().value());
        assertEquals(DISPLAY + "/gpus.yaml", c.gpu("x100").file());
    }

    @Test
    void baseCatalogEstimatesWithTheRealRules() throws IOException {
        writeBase(dir);
        Result r = assertDoesNotThrow(() -> workspace(dir).estimate(selectX()));
        // 1e9 params x 2 B/param (default rule: bf16) = 2e9 B.
        assertEquals(2e9, r.estimate().value("inference.weights_bytes").orElseThrow());
    }

    @Test
    void memoryGibIsBinary() throws IOException {
        writeBase(dir);
        Files.writeString(dir.resolve("gpus.yaml"), GPUS.replace("memory_gb: 80", "memory_gib: 32"));
        // 32 GiB = 32 x 2^30 = 34,359,738,368 bytes.
        assertEquals(34_359_738_368.0,
                Catalog.load(dir, DISPLAY).gpu("x100").figure("memory_bytes").orElseThrow().value());
    }

    @Test
    void missingCatalogFileIsNamed() throws IOException {
        writeBase(dir);
        Files.delete(dir.resolve("models.yaml"));
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.load(dir, DISPLAY));
        assertTrue(e.getMessage().startsWith(DISPLAY + "/models.yaml: missing"), e.getMessage());
    }

    @Test
    void everyFixtureStatesWhatItExpects() {
        List<Fixture> all = allFixtures().toList();
        assertTrue(all.size() >= 19, "fixtures found: " + all);
        for (Fixture f : all) {
            assertAll(f.name(),
                    () -> assertTrue(List.of("gpus.yaml", "models.yaml", "scenarios/x.yaml").contains(f.replaces()),
                            "replaces: " + f.replaces()),
                    () -> assertTrue(List.of("load", "estimate").contains(f.via()), "via: " + f.via()),
                    () -> assertTrue(f.errorAt().startsWith(f.replaces()), "error-at names the replaced file"),
                    () -> assertFalse(f.expect().isEmpty(), "at least one expect: line"),
                    () -> assertEquals(3, f.exit(), "a catalog defect exits 3"));
        }
    }

    // --- the defects -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void loadingReportsFileLineEntryAndField(Fixture f) throws IOException {
        writeCatalog(dir, f);
        CatalogException e = failure(f, dir);
        assertMessage(f, e.getMessage(), DISPLAY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void commandLineExitsWithTheCodeAndOneLine(Fixture f) throws IOException {
        writeCatalog(dir, f);
        CliTestSupport.Run r = CliTestSupport.run("estimate", "--catalog-only", dir.toString(), "--scenario", "x");
        CliTestSupport.assertFails(r, f.exit());
        assertEquals(1, r.errLines().size(), r::describe);
        assertMessage(f, r.firstErrLine(), dir.toString());
    }

    @Test
    void scenarioNamingAnUnknownModelIsRefusedWithTheScenarioFileAndASuggestion() throws IOException {
        // File and line of the model field, scenario, model id and suggestion.
        Fixture f = fixture("scenario-unknown-model.yaml");
        writeCatalog(dir, f);
        String m = failure(f, dir).getMessage();
        assertTrue(m.startsWith(DISPLAY + "/" + f.errorAt() + ": "), m);
        f.expect().forEach(x -> assertTrue(m.contains(x), () -> "missing '" + x + "' in: " + m));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static void assertMessage(Fixture f, String message, String display) {
        String prefix = display + "/" + f.errorAt() + ":";
        assertAll(f.name(),
                () -> assertTrue(message.startsWith(prefix), () -> "expected to start with " + prefix + "\n  got: "
                        + message),
                () -> assertFalse(message.contains("\n"), () -> "one line expected: " + message),
                () -> f.expect().forEach(x -> assertTrue(message.contains(x),
                        () -> "expected to contain '" + x + "'\n  got: " + message)));
    }

    private static CatalogException failure(Fixture f, Path dir) {
        if (f.via().equals("load")) {
            return assertThrows(CatalogException.class, () -> Catalog.load(dir, DISPLAY));
        }
        assertDoesNotThrow(() -> Catalog.load(dir, DISPLAY), "the defect must not surface while loading");
        Workspace w = workspace(dir);
        return assertThrows(CatalogException.class, () -> w.estimate(selectX()));
    }

    private static Workspace workspace(Path catalogDir) {
        return new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(catalogDir, DISPLAY), new Timings());
    }

    private static Selection selectX() {
        return new Selection("x", Optional.empty(), Optional.empty(), Map.of());
    }

    private static void writeBase(Path dir) throws IOException {
        Files.writeString(dir.resolve("gpus.yaml"), GPUS);
        Files.writeString(dir.resolve("models.yaml"), MODELS);
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/x.yaml"), SCENARIO);
    }

    private static void writeCatalog(Path dir, Fixture f) throws IOException {
        writeBase(dir);
        Files.writeString(dir.resolve(f.replaces()), f.text());
    }

    static Stream<Fixture> fixtures() {
        return allFixtures().filter(f -> f.bug() == null);
    }

    static Fixture fixture(String name) {
        return allFixtures().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture " + name));
    }

    private static final Pattern HEADER = Pattern.compile("#\\s*([a-z-]+):\\s*(.*?)\\s*");

    static Stream<Fixture> allFixtures() {
        URL url = CatalogErrorsTest.class.getResource("/catalog-errors");
        assertNotNull(url, "src/test/resources/catalog-errors is not on the test class path");
        List<Fixture> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                out.add(parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException | URISyntaxException e) {
            fail("cannot read the fixtures: " + e);
        }
        return out.stream();
    }

    private static Fixture parse(String name, String text) {
        String replaces = null;
        String via = null;
        String errorAt = null;
        String bug = null;
        int exit = -1;
        List<String> expect = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            Matcher m = HEADER.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String v = m.group(2);
            switch (m.group(1)) {
                case "replaces" -> replaces = v;
                case "via" -> via = v;
                case "error-at" -> errorAt = v;
                case "expect" -> expect.add(v);
                case "exit" -> exit = Integer.parseInt(v);
                case "bug" -> bug = v;
                default -> {
                    // free text such as "defect:"
                }
            }
        }
        return new Fixture(name, text, replaces, via, errorAt, expect, exit, bug);
    }
}

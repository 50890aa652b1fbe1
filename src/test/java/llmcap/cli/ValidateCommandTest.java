package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmcap validate} over the shipped cases, one case in full, and broken case files. */
class ValidateCommandTest {

    private static Run all;
    private static Run json;

    @BeforeAll
    static void runOnce() {
        all = run("validate");
        json = run("validate", "--format", "json");
    }

    private static List<String> shippedCaseIds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("catalog/validation"))) {
            return s.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList();
        }
    }

    @Test
    void everyShippedCaseIsWithinItsTolerance() throws IOException {
        assertEquals(0, all.exit(), all::describe);
        int n = shippedCaseIds().size();
        // Every case within its tolerance, or outside it as its file says with the reason (a known miss): none marked NO.
        assertTrue(all.out().matches("(?s).*\\d+ of " + n + " cases within tolerance[;.].*"), all::describe);
        assertFalse(all.out().contains("marked NO"), all::describe);
        assertFalse(all.out().lines().anyMatch(l -> l.endsWith(" NO")), all::describe);
        for (String id : shippedCaseIds()) {
            assertTrue(all.out().contains(id), () -> id + " not in the table\n" + all.describe());
        }
    }

    @Test
    void opt175bImpliedUtilizationIsWhatItsGpuHoursMean() {
        // The MFU that reproduces 809,472 GPU-hours at the default goodput 0.9:
        // 6 x 175e9 x 300e9 FLOP / (809,472 GPU-h x 0.9 x 3600 s x 312e12 FLOP/s) = 0.3850 (Zhang et al. 2022; LLaMA Table 15).
        JsonObject opt = caseJson("opt-175b-gpu-hours");
        double implied = opt.getAsJsonObject("implied_utilization").get("implied").getAsDouble();
        assertEquals(6 * 175e9 * 300e9 / (809_472.0 * 0.9 * 3600 * 312e12), implied, 1e-6);
    }

    @Test
    void palmMfuIsRecoveredFromItsThroughput() {
        // Chowdhery et al. 2022: 238.3K tokens/s on 6144 TPU v4 (275 TFLOP/s) = 45.7 % MFU without attention.
        JsonObject palm = caseJson("palm-540b-mfu");
        double implied = palm.getAsJsonObject("implied_utilization").get("implied").getAsDouble();
        assertEquals(238.3e3 * 6 * 540.35e9 / (6144 * 275e12), implied, 1e-6);
        assertEquals(0.457, implied, 0.457 * 0.01);
    }

    @Test
    void oneCaseShowsTheDerivationOfEachFigure() {
        Run r = run("validate", "megatron-gpt3-34-days");
        assertEquals(0, r.exit(), r::describe);
        assertTrue(r.out().contains("training.days_on_cluster = 33.91 day"), r::describe);
        assertTrue(r.out().contains("rules/training.drl:"), r::describe);
        assertTrue(r.out().contains("scenario catalog/validation/megatron-gpt3-34-days.yaml:"), r::describe);
    }

    @Test
    void anUnknownCaseIsAUsageError() {
        Run r = run("validate", "opt-175b");
        assertFails(r, ExitCode.USAGE);
        assertTrue(r.firstErrLine().contains("did you mean"), r::describe);
    }

    private static JsonObject caseJson(String id) {
        assertEquals(0, json.exit(), json::describe);
        return json.jsonArray().asList().stream().map(JsonElement::getAsJsonObject)
                .filter(o -> o.get("case").getAsString().equals(id)).findFirst().orElseThrow();
    }

    // ---- broken and failing case files ------------------------------------------------------------

    @TempDir
    Path tmp;

    private Path catalogWithCase(String caseYaml) throws IOException {
        Path cat = tmp.resolve("catalog");
        Files.createDirectories(cat.resolve("validation"));
        Files.createDirectories(cat.resolve("scenarios"));
        Files.copy(Path.of("catalog/gpus.yaml"), cat.resolve("gpus.yaml"));
        Files.copy(Path.of("catalog/models.yaml"), cat.resolve("models.yaml"));
        Files.copy(Path.of("catalog/families.yaml"), cat.resolve("families.yaml"));
        Files.copy(Path.of("catalog/scenarios/chatgpt-2023-01.yaml"), cat.resolve("scenarios/chatgpt-2023-01.yaml"));
        Files.writeString(cat.resolve("validation/x.yaml"), caseYaml);
        return cat;
    }

    private static final String GOOD = """
            id: x
            title: GPT-3 XL compute
            source: Brown et al. 2020, Table D.1
            model: gpt-3-xl
            gpu: a100-80gb-sxm
            set:
              training.compute_source: params-x-tokens
            checks:
              - quantity: training.pf_days
                published: PUBLISHED
                tolerance_percent: 1
                why: rounding only
            """;

    @Test
    void aFigureOutsideItsToleranceExitsOne() throws IOException {
        // 6 x 1.32e9 x 300e9 / 8.64e19 = 27.5 PF-days; claiming 30 is 8.3 % off.
        Run r = run("validate", "--catalog-only", catalogWithCase(GOOD.replace("PUBLISHED", "30")).toString());
        assertEquals(ExitCode.VALIDATION_FAILED, r.exit(), r::describe);
        assertTrue(r.out().contains("NO"), r::describe);
        assertTrue(r.out().contains("0 of 1 cases within tolerance"), r::describe);
    }

    @Test
    void aCaseWithoutSourceIsRefusedNamingTheFile() throws IOException {
        Run r = run("validate", "--catalog", catalogWithCase(GOOD.replace("PUBLISHED", "27.5")
                .replace("source: Brown et al. 2020, Table D.1\n", "")).toString());
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().matches(".*/validation/x\\.yaml:\\d+: validation case 'x': missing required field 'source'"),
                r::describe);
    }

    @Test
    void aCheckWithoutToleranceIsRefusedNamingTheFile() throws IOException {
        Run r = run("validate", "--catalog", catalogWithCase(GOOD.replace("PUBLISHED", "27.5")
                .replace("    tolerance_percent: 1\n", "")).toString());
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().contains("/validation/x.yaml:"), r::describe);
        assertTrue(r.firstErrLine().contains("missing required field 'tolerance_percent'"), r::describe);
    }

    @Test
    void anUnknownFigureIsRefusedWithTheClosestNames() throws IOException {
        Run r = run("validate", "--catalog", catalogWithCase(GOOD.replace("PUBLISHED", "27.5")
                .replace("quantity: training.pf_days", "quantity: training.pf_day")).toString());
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().contains("/validation/x.yaml:9: validation case 'x': unknown figure 'training.pf_day'"),
                r::describe);
        assertTrue(r.firstErrLine().contains("training.pf_days"), r::describe);
    }
}

package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.byName;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 7: {@code llmcap scenario new FILE --model ID --gpu ID --kind K} writes a commented scenario
 * with every input of that kind and its default, made from the rules at run time; the file loads and gives
 * exactly the estimate the defaults give.
 */
class ScenarioNewCommandTest {

    @TempDir
    Path dir;

    /** Every quantity's value and every setting's word of an estimate's JSON, by name. */
    private static Map<String, String> values(JsonObject estimate) {
        Map<String, String> out = new TreeMap<>();
        for (String list : new String[] {"quantities", "assumptions", "settings"}) {
            for (JsonElement e : estimate.getAsJsonArray(list)) {
                JsonObject o = e.getAsJsonObject();
                out.put(o.get("name").getAsString(), o.get("value").getAsString());
            }
        }
        return out;
    }

    /** A scenario that states nothing: every input is the rules' default. */
    private Path bare(String model, String gpu, String kind) throws IOException {
        return Files.writeString(dir.resolve("bare.yaml"), String.join("\n", "id: bare", "title: nothing stated",
                "source: a test", "kind: " + kind, "model: " + model, "gpu: " + gpu, ""));
    }

    @ParameterizedTest(name = "--kind {0}")
    @ValueSource(strings = {"serving", "training", "both"})
    void theWrittenFileLoadsAndReproducesTheDefaultsExactly(String kind) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        assertOk(run("scenario", "new", plan.toString(), "--model", "llama-3.1-70b", "--gpu", "h100-sxm", "--kind", kind));
        Run fromTemplate = run("estimate", "--scenario", plan.toString(), "--format", "json");
        Run fromDefaults = run("estimate", "--scenario", bare("llama-3.1-70b", "h100-sxm", kind).toString(), "--format", "json");
        assertOk(fromTemplate);
        assertOk(fromDefaults);
        assertEquals(values(fromDefaults.json()), values(fromTemplate.json()));
        String text = Files.readString(plan);
        assertTrue(text.contains("\nkind: " + kind + "\n") && text.contains("\nmodel: llama-3.1-70b\n"), text);
    }

    @Test
    void theDefaultsAreWrittenAsValuesTheFileStatesWithTheirRule() throws IOException {
        Path plan = dir.resolve("plan.yaml");
        assertOk(run("scenario", "new", plan.toString(), "--model", "llama-2-70b", "--gpu", "a100-80gb-sxm", "--kind",
                "serving"));
        String text = Files.readString(plan);
        // rules/assumptions.drl: rule "serving.peak_factor: 5 (peak traffic = 5 x the daily mean)"
        assertTrue(text.contains("\n  serving.peak_factor: 5\n"), text);
        assertTrue(text.contains("serving.peak_factor: 5 (peak traffic = 5 x the daily mean)\" rules/assumptions.drl:"), text);
        assertTrue(text.contains("\n  inference.weight_dtype: bf16\n"), text);
        assertTrue(text.contains("\n  # serving.requests_per_s: ...\n"), "an input with no default, commented out\n" + text);
        Run r = run("estimate", "--scenario", plan.toString(), "--format", "json");
        JsonObject peak = byName(r.json().getAsJsonArray("assumptions"), "serving.peak_factor").orElseThrow();
        assertTrue(peak.get("origin").getAsString().startsWith("scenario " + plan + ":"), peak::toString);
    }

    @Test
    void inputsOfTheOtherKindAreLeftOut() throws IOException {
        Path serving = dir.resolve("serving.yaml");
        Path training = dir.resolve("training.yaml");
        assertOk(run("scenario", "new", serving.toString(), "--model", "llama-2-70b", "--gpu", "h100-sxm", "--kind", "serving"));
        assertOk(run("scenario", "new", training.toString(), "--model", "llama-2-70b", "--gpu", "h100-sxm", "--kind", "training"));
        String s = Files.readString(serving);
        String t = Files.readString(training);
        assertFalse(s.contains("training.days") || s.contains("training.goodput"), s);
        assertFalse(t.contains("serving.peak_factor") || t.contains("serving.input_tokens"), t);
        assertTrue(t.contains("\n  training.days: 30\n") && s.contains("\n  serving.input_tokens: 1155\n"));
        assertTrue(s.contains("energy.pue") && t.contains("energy.pue"), "what feeds neither kind stays in both");
        // rules/training_assumptions.drl: training.goodput @uncertain(0.75, 1.0, 1.08)
        assertTrue(t.contains("with --samples: drawn from x0.75 to x1.08 of the default (triangular, most likely x1)"), t);
    }

    @Test
    void aDefaultRuleTheUserAddsShowsUp() throws IOException {
        Path rules = dir.resolve("rules");
        CliTestSupport.copyTree(Path.of("rules"), rules);
        Files.writeString(rules.resolve("my_assumptions.drl"), """
                package llmcap.rules;
                import llmcap.domain.Quantity;

                // Our own margin on top of the peak, agreed with operations in 2026.
                rule "serving.headroom: 1.2 (our margin)"
                when
                    not Quantity(name == "serving.headroom")
                then
                    insert(new Quantity("serving.headroom", 1.2, "1"));
                end
                """);
        Path plan = dir.resolve("plan.yaml");
        assertOk(run("scenario", "new", plan.toString(), "--model", "llama-2-70b", "--gpu", "h100-sxm", "--kind",
                "serving", "--rules", rules.toString()));
        String text = Files.readString(plan);
        assertTrue(text.contains("  # Our own margin on top of the peak, agreed with operations in 2026.\n"), text);
        assertTrue(text.contains("\n  serving.headroom: 1.2\n"), text);
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws IOException {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "mine\n");
        assertUsageError(run("scenario", "new", plan.toString(), "--model", "llama-2-70b", "--gpu", "h100-sxm"),
                plan.toString(), "already exists", "--force");
        assertEquals("mine\n", Files.readString(plan));
        assertOk(run("scenario", "new", plan.toString(), "--model", "llama-2-70b", "--gpu", "h100-sxm", "--force"));
        assertTrue(Files.readString(plan).startsWith("# A serving and training scenario"), Files.readString(plan));
    }

    @Test
    void theIdComesFromTheFileName() throws IOException {
        Path plan = dir.resolve("Our Plan 2026.yaml");
        assertOk(run("scenario", "new", plan.toString(), "--model", "llama-2-70b", "--gpu", "h100-sxm"));
        assertTrue(Files.readString(plan).contains("\nid: our-plan-2026\n"));
    }

    @Test
    void aFolderThatDoesNotExistLeavesNothingBehind() {
        Path plan = dir.resolve("no/such/folder/plan.yaml");
        Run r = run("scenario", "new", plan.toString(), "--model", "llama-2-70b", "--gpu", "h100-sxm");
        assertFails(r, ExitCode.IO);
        assertFalse(Files.exists(dir.resolve("no")), r::describe);
    }

    @Test
    void aCatalogFileIsNeverOverwritten() {
        Run r = run("scenario", "new", "catalog/models.yaml", "--model", "llama-2-70b", "--gpu", "h100-sxm", "--force");
        assertUsageError(r, "catalog/models.yaml", "input files");
    }

    @Test
    void unknownIdsAndKindsAreUsageErrors() {
        Path plan = dir.resolve("plan.yaml");
        assertUsageError(run("scenario", "new", plan.toString(), "--model", "llama-2-70b", "--gpu", "H100"),
                "ambiguous: h100-sxm");
        assertUsageError(run("scenario", "new", plan.toString(), "--model", "llama-2-70b", "--gpu", "h100-sxm", "--kind",
                "inference"), "--kind", "serving, training or both");
        assertFalse(Files.exists(plan));
    }
}

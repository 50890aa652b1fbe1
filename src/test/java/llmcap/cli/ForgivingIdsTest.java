package llmcap.cli;

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
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 4: ids and setting values whatever their case, and suggestions that put the ids the
 * typed text begins first. Every expectation is an id or a word of the catalog or the rules, or a
 * figure compared with the same run spelt in lower case.
 */
class ForgivingIdsTest {

    @Test
    void gpuH100IsAmbiguousAndNamesTheH100sNotA10() {
        Run r = run("estimate", "--gpu", "H100");
        assertUsageError(r, "'H100'", "ambiguous: h100-sxm, h100-pcie, h100-nvl");
        String hint = r.firstErrLine().substring(0, r.firstErrLine().indexOf("known:"));
        assertFalse(hint.contains("a10") || hint.contains("b200") || hint.contains("h200"), r::describe);
    }

    @Test
    void anIdInUpperCaseIsTheCatalogsId() {
        Run upper = run("estimate", "--gpu", "H100-SXM", "--model", "Llama-3.1-70B", "--format", "json");
        Run lower = run("estimate", "--gpu", "h100-sxm", "--model", "llama-3.1-70b", "--format", "json");
        assertOk(upper);
        assertEquals("h100-sxm", upper.json().get("gpu").getAsString());
        assertEquals("llama-3.1-70b", upper.json().get("model").getAsString());
        assertEquals(value(lower.json(), "serving.gpus"), value(upper.json(), "serving.gpus"));
    }

    @Test
    void theScenariosOwnGpuInUpperCaseKeepsItsJudgements() {
        Run r = run("estimate", "--gpu", "A100-80GB-SXM", "--scenario", "CHATGPT-2023-01", "--format", "json");
        assertOk(r);
        Run plain = run("estimate", "--format", "json");
        assertEquals(value(plain.json(), "cost.fleet_gpus"), value(r.json(), "cost.fleet_gpus"),
                "the judgement of 10,000 GPUs holds: A100-80GB-SXM is the scenario's own GPU");
    }

    @Test
    void aSettingValueInUpperCaseIsTheRulesWord() {
        Run upper = run("estimate", "--model", "llama-2-70b", "--set", "inference.weight_dtype=FP8", "--format", "json");
        Run lower = run("estimate", "--model", "llama-2-70b", "--set", "inference.weight_dtype=fp8", "--format", "json");
        assertOk(upper);
        assertEquals(value(lower.json(), "inference.weights_bytes"), value(upper.json(), "inference.weights_bytes"));
        // 70B parameters in FP8 at 1 byte each, not 16-bit's 2: about 69 GB (the README's figure)
        assertTrue(value(upper.json(), "inference.weights_bytes") < 70e9, upper::describe);
    }

    @Test
    void aSettingValueInUpperCaseInAScenarioFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fp8.yaml");
        Files.writeString(file, String.join("\n",
                "id: fp8-upper",
                "title: FP8 written in capitals",
                "source: test",
                "model: llama-2-70b",
                "gpu: h100-sxm",
                "assumptions:",
                "  inference.weight_dtype: FP8",
                "  serving.requests_per_s: 10",
                ""));
        Run r = run("explain", "inference.weight_dtype", "--scenario", file.toString());
        assertOk(r);
        assertTrue(r.out().startsWith("inference.weight_dtype = fp8"), r::describe);
    }

    @Test
    void sweepTakesIdsAndWordsInAnyCase() {
        Run r = run("sweep", "--vary", "gpu=H100-SXM", "--vary", "inference.weight_dtype=BF16,FP8",
                "--model", "llama-2-70b", "--output", "inference.weights_bytes");
        assertOk(r);
        assertTrue(r.out().contains("h100-sxm"), r::describe);
    }

    @Test
    void compareRowsNameTheCatalogsIds() {
        Run r = run("compare", "--gpu", "H100-SXM,A100-80GB-SXM", "--format", "json");
        assertOk(r);
        assertTrue(r.out().contains("\"h100-sxm\"") && !r.out().contains("H100-SXM"), r::describe);
    }

    @Test
    void validateFindsACaseWhateverItsCase() {
        assertOk(run("validate", "GPT-3-175B-TABLE-D1"));
    }
}

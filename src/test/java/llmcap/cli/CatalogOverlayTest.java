package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.byName;
import static llmcap.cli.CliTestSupport.lineOf;
import static llmcap.cli.CliTestSupport.run;
import static llmcap.cli.CliTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 3: {@code --catalog DIR} lays DIR over the bundled catalog (adds entries, overrides those with
 * the same id field by field, says which file each figure came from); {@code --catalog-only DIR} replaces it;
 * {@code --gpu} and {@code --model} win over the scenario's even when the catalog lacks the scenario's own.
 */
class CatalogOverlayTest {

    @TempDir
    Path dir;

    /** A GPU of our own, with every figure the rules need for serving and a price: 1,000 TFLOP/s BF16. */
    private static final String NEW_GPU = """
            gpus:
              - id: x1000
                name: Our X1000
                memory_gb: 100
                bandwidth_gb_per_s: 4000
                dense_tflops:
                  bf16: 1000
                source: "our vendor's datasheet, 2026"
                rental:
                  usd_per_gpu_hour: 2.5
                  offer: "our reserved price"
                  terms: reserved
                  date: 2026-01-01
                  source: "our contract"
            """;

    private Path overlay(String file, String text) throws IOException {
        Path f = dir.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void anOverlayWithOnlyANewGpuWorksWithTheBundledModelsAndScenario() throws IOException {
        overlay("gpus.yaml", NEW_GPU);
        Run r = run("estimate", "--catalog", dir.toString(), "--gpu", "x1000", "--format", "json");
        assertOk(r);
        JsonObject json = r.json();
        assertEquals("chatgpt-2023-01", json.get("scenario").getAsString(), "the bundled scenario");
        assertEquals("gpt-3.5", json.get("model").getAsString(), "the bundled scenario's model");
        // the article's compute method is a judgement for the A100, dropped here; the training figures follow
        // the new peak: the price is the overlay's
        assertEquals(2.5, value(json, "gpu.rental_usd_per_hour"));
        assertEquals(1000e12, value(json, "gpu.flops_bf16"));
        JsonObject peak = byName(json.getAsJsonArray("assumptions"), "gpu.flops_bf16").orElseThrow();
        assertEquals(dir + "/gpus.yaml#x1000", peak.get("origin").getAsString(), peak::toString);
        assertTrue(json.get("catalog").getAsString().startsWith(dir + " over "), json.get("catalog")::toString);
    }

    @Test
    void aBundledGpuStillThereBesideTheNewOne() throws IOException {
        overlay("gpus.yaml", NEW_GPU);
        Run r = run("catalog", "gpus", "--catalog", dir.toString());
        assertOk(r);
        assertTrue(r.out().contains("a100-80gb-sxm") && r.out().contains("x1000"), r::describe);
    }

    @Test
    void anOverriddenPriceNamesTheOverlaysFileAndLineAndTheRestStaysBundled() throws IOException {
        Path gpus = overlay("gpus.yaml", """
                gpus:
                  - id: h100-sxm
                    rental:
                      usd_per_gpu_hour: 2.0
                      offer: "our three-year reservation"
                      terms: reserved
                      date: 2026-06-01
                      source: "our contract with a cloud, 2026"
                """);
        Run r = run("explain", "gpu.rental_usd_per_hour", "gpu.flops_bf16", "--gpu", "h100-sxm", "--catalog",
                dir.toString());
        assertOk(r);
        int line = lineOf(gpus, "usd_per_gpu_hour:");
        assertTrue(r.out().contains("gpu.rental_usd_per_hour = $2/GPU-h") || r.out().contains("gpu.rental_usd_per_hour = $2.00"),
                r::describe);
        assertTrue(r.out().contains(dir + "/gpus.yaml:" + line + "#h100-sxm"), r::describe);
        assertTrue(r.out().contains("our contract with a cloud, 2026"), "the overlay's citation\n" + r.describe());
        assertTrue(r.out().contains("catalog/gpus.yaml#h100-sxm"), "the peak is the bundled entry's\n" + r.describe());
        Run json = run("estimate", "--gpu", "h100-sxm", "--catalog", dir.toString(), "--format", "json");
        Run bundled = run("estimate", "--gpu", "h100-sxm", "--format", "json");
        assertEquals(2.0, value(json.json(), "gpu.rental_usd_per_hour"));
        assertEquals(value(bundled.json(), "gpu.memory_bytes"), value(json.json(), "gpu.memory_bytes"),
                "a field the overlay does not give is the bundled entry's");
    }

    @Test
    void oneFigureOfABlockIsOverriddenAndTheBlocksOthersStay() throws IOException {
        overlay("gpus.yaml", """
                gpus:
                  - id: h100-sxm
                    dense_tflops:
                      fp8: 1500
                    source: "a test's own figure"
                """);
        Run r = run("estimate", "--gpu", "h100-sxm", "--catalog", dir.toString(), "--format", "json");
        Run bundled = run("estimate", "--gpu", "h100-sxm", "--format", "json");
        assertOk(r);
        assertEquals(1500e12, value(r.json(), "gpu.flops_fp8"));
        assertEquals(value(bundled.json(), "gpu.flops_bf16"), value(r.json(), "gpu.flops_bf16"));
    }

    @Test
    void anOverriddenFigureWithoutACitationIsRefusedAtTheOverlaysLine() throws IOException {
        Path gpus = overlay("gpus.yaml", """
                gpus:
                  - id: h100-sxm
                    memory_gb: 96
                """);
        Run r = run("estimate", "--gpu", "h100-sxm", "--catalog", dir.toString());
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().startsWith(dir + "/gpus.yaml:" + lineOf(gpus, "memory_gb:") + ": gpu 'h100-sxm'"),
                r::describe);
        assertTrue(r.firstErrLine().contains("memory_gb") && r.firstErrLine().contains("source"), r::describe);
    }

    @Test
    void aBadFieldInAnOverlayIsNamedAtTheOverlaysLine() throws IOException {
        Path gpus = overlay("gpus.yaml", """
                gpus:
                  - id: h100-sxm
                    source: "test"
                    bandwidth_gb_per_s: -1
                """);
        Run r = run("estimate", "--catalog", dir.toString());
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().startsWith(dir + "/gpus.yaml:" + lineOf(gpus, "bandwidth_gb_per_s:") + ": "),
                r::describe);
        assertTrue(r.firstErrLine().contains("bandwidth_gb_per_s"), r::describe);
    }

    @Test
    void memoryInOtherUnitsReplacesTheBundledMemory() throws IOException {
        overlay("gpus.yaml", """
                gpus:
                  - id: h100-sxm
                    memory_gib: 64
                    source: "a test's own figure"
                """);
        Run r = run("estimate", "--gpu", "h100-sxm", "--catalog", dir.toString(), "--format", "json");
        assertOk(r);
        // 64 GiB = 64 x 2^30 B = 68,719,476,736 B, not the bundled 81,559 MiB nvidia-smi reports
        assertEquals(64.0 * (1L << 30), value(r.json(), "gpu.memory_bytes"));
    }

    @Test
    void anOverlayScenarioReplacesTheBundledOneWhole() throws IOException {
        overlay("scenarios/mine.yaml", """
                id: chatgpt-2023-01
                title: Our own plan under the article's id
                source: "a test"
                model: llama-2-70b
                gpu: h100-sxm
                assumptions:
                  serving.requests_per_s: 10
                """);
        Run r = run("estimate", "--catalog", dir.toString(), "--format", "json");
        assertOk(r);
        assertEquals("llama-2-70b", r.json().get("model").getAsString());
        assertEquals(10.0, value(r.json(), "serving.requests_per_s"));
        assertFalse(r.out().contains("serving.daily_users"), "nothing of the bundled scenario is kept");
    }

    @Test
    void gpuWinsOverAScenarioGpuMissingFromACatalogOnlyFolder() throws IOException {
        overlay("gpus.yaml", NEW_GPU);
        overlay("models.yaml", """
                models:
                  - id: m7
                    name: A 7B model of our own
                    params: 7e9
                    source: "a test"
                """);
        Path scenario = overlay("scenarios/plan.yaml", """
                id: plan
                title: Our plan, written for the A100 this catalog does not have
                source: "a test"
                model: m7
                gpu: a100-80gb-sxm
                assumptions:
                  serving.requests_per_s: 10
                """);
        Run without = run("estimate", "--catalog-only", dir.toString(), "--scenario", "plan");
        assertFails(without, ExitCode.CATALOG);
        assertTrue(without.firstErrLine().startsWith(dir + "/scenarios/plan.yaml:" + lineOf(scenario, "gpu:") + ":"),
                without::describe);
        Run with = run("estimate", "--catalog-only", dir.toString(), "--scenario", "plan", "--gpu", "x1000",
                "--format", "json");
        assertOk(with);
        assertEquals("x1000", with.json().get("gpu").getAsString());
        assertEquals(dir.toString(), with.json().get("catalog").getAsString(), "nothing bundled under it");
    }

    @Test
    void gpuWinsOverAScenarioFileWhoseGpuTheCatalogLacks() throws IOException {
        Path scenario = overlay("plan.yaml", """
                id: plan
                title: A plan on a GPU nobody has
                source: "a test"
                model: llama-2-70b
                gpu: no-such-gpu
                assumptions:
                  serving.requests_per_s: 10
                """);
        assertFails(run("estimate", "--scenario", scenario.toString()), ExitCode.CATALOG);
        assertOk(run("estimate", "--scenario", scenario.toString(), "--gpu", "h100-sxm"));
    }

    @Test
    void catalogOnlyIsAWholeCatalog() throws IOException {
        overlay("gpus.yaml", NEW_GPU);
        Run r = run("estimate", "--catalog-only", dir.toString(), "--gpu", "x1000");
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().startsWith(dir + "/models.yaml: missing"), r::describe);
    }

    @Test
    void aFolderWithNoCatalogFileIsRefused() throws IOException {
        overlay("readme.txt", "not a catalog\n");
        Run r = run("estimate", "--catalog", dir.toString());
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().startsWith(dir + ": no catalog files here"), r::describe);
    }

    @Test
    void aValidationCaseInAnOverlayJoinsTheBundledOnes() throws IOException {
        // a bundled case again, under an id of its own
        overlay("validation/mine.yaml", Files.readString(Path.of("catalog/validation/gpt-3-xl-table-d1.yaml"))
                .replaceFirst("(?m)^id: .*$", "id: gpt-3-xl-mine"));
        Run one = run("validate", "gpt-3-xl-mine", "--catalog", dir.toString());
        assertOk(one);
        Run list = run("validate", "--catalog", dir.toString(), "--format", "json");
        assertTrue(list.out().contains("gpt-3-xl-mine") && list.out().contains("article-chatgpt-2023-01"),
                "the overlay's case beside the bundled ones");
    }

    @Test
    void twoOverlaysTheLastOnTop() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("gpus.yaml"), NEW_GPU);
        Files.writeString(b.resolve("gpus.yaml"), """
                gpus:
                  - id: x1000
                    rental:
                      usd_per_gpu_hour: 1.5
                      offer: "a better offer"
                      terms: on-demand
                      date: 2026-02-01
                      source: "b's contract"
                """);
        Run r = run("estimate", "--catalog", a.toString(), "--catalog", b.toString(), "--gpu", "x1000", "--format", "json");
        assertOk(r);
        assertEquals(1.5, value(r.json(), "gpu.rental_usd_per_hour"));
        assertEquals(1000e12, value(r.json(), "gpu.flops_bf16"));
        assertTrue(r.json().get("catalog").getAsString().startsWith(b + " over " + a + " over "), r::describe);
    }
}

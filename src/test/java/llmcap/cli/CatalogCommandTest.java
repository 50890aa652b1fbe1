package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.byName;
import static llmcap.cli.CliTestSupport.lineOf;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmcap catalog gpus|models|scenarios}: what the real catalog holds, as text and JSON. */
class CatalogCommandTest {

    private static boolean listsId(Run r, String id) {
        return r.outLines().stream().anyMatch(l -> l.startsWith(id + " "));
    }

    @Test
    void gpusListsTheA100AndH100() {
        Run r = run("catalog", "gpus");
        assertOk(r);
        assertTrue(listsId(r, "a100-80gb-sxm"), r::describe);
        assertTrue(listsId(r, "h100-sxm"), r::describe);
    }

    @Test
    void gpusJsonIsAnArrayWhereEveryFigureHasASource() {
        Run r = run("catalog", "gpus", "--format", "json");
        assertOk(r);
        JsonArray gpus = r.jsonArray();
        assertFalse(gpus.isEmpty());
        for (JsonElement g : gpus) {
            JsonArray figures = g.getAsJsonObject().getAsJsonArray("figures");
            assertFalse(figures.isEmpty(), () -> "no figures: " + g);
            for (JsonElement f : figures) {
                JsonElement source = f.getAsJsonObject().get("source");
                assertTrue(source != null && !source.isJsonNull() && !source.getAsString().isBlank(),
                        () -> "figure without a source: " + f + " in " + g.getAsJsonObject().get("id"));
            }
        }
    }

    @Test
    void gpusJsonGivesTheA100InBaseUnits() {
        JsonObject a100 = findId(run("catalog", "gpus", "--format", "json").jsonArray(), "a100-80gb-sxm");
        JsonArray figures = a100.getAsJsonArray("figures");
        // memory_mib: 81920 (nvidia-smi) -> 81920 x 2^20 = 85,899,345,920 B, beside the label memory_gb: 80 -> 80e9 B;
        // dense_tflops.bf16: 312 -> 312e12 FLOP/s; bandwidth 2039 GB/s -> 2.039e12 B/s
        assertEquals(85_899_345_920.0, byName(figures, "memory_bytes").orElseThrow().get("value").getAsDouble());
        assertEquals(80e9, byName(figures, "memory_label_bytes").orElseThrow().get("value").getAsDouble());
        assertEquals(312e12, byName(figures, "flops_bf16").orElseThrow().get("value").getAsDouble());
        assertEquals(2.039e12, byName(figures, "bandwidth_bytes_per_s").orElseThrow().get("value").getAsDouble());
        assertEquals("catalog/gpus.yaml:" + lineOf(Path.of("catalog/gpus.yaml"), "- id: a100-80gb-sxm"),
                a100.get("where").getAsString());
    }

    @Test
    void modelsListsGpt35AndYolov5x() {
        Run r = run("catalog", "models");
        assertOk(r);
        assertTrue(listsId(r, "gpt-3.5"), r::describe);
        assertTrue(listsId(r, "yolov5x"), r::describe);
    }

    @Test
    void modelsJsonGivesGpt35With175BillionParams() {
        Run r = run("catalog", "models", "--format", "json");
        assertOk(r);
        JsonObject gpt = findId(r.jsonArray(), "gpt-3.5");
        assertEquals(175e9, byName(gpt.getAsJsonArray("figures"), "params").orElseThrow().get("value").getAsDouble());
        JsonObject yolo = findId(r.jsonArray(), "yolov5x");
        // checkpoint_mb: 166 -> 166e6 B
        assertEquals(166e6, byName(yolo.getAsJsonArray("figures"), "checkpoint_bytes").orElseThrow()
                .get("value").getAsDouble());
    }

    @Test
    void scenariosListsTheArticlesScenario() {
        Run r = run("catalog", "scenarios");
        assertOk(r);
        assertTrue(listsId(r, "chatgpt-2023-01"), r::describe);
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("chatgpt-2023-01 ") && l.contains("gpt-3.5")
                && l.contains("a100-80gb-sxm")), r::describe);
    }

    @Test
    void scenariosJsonNamesModelAndGpu() {
        Run r = run("catalog", "scenarios", "--format", "json");
        assertOk(r);
        JsonObject s = findId(r.jsonArray(), "chatgpt-2023-01");
        assertEquals("gpt-3.5", s.get("model").getAsString());
        assertEquals("a100-80gb-sxm", s.get("gpu").getAsString());
    }

    @Test
    void nonsenseExits2NamingIt() {
        Run r = run("catalog", "nonsense");
        assertFails(r, ExitCode.USAGE);
        assertTrue(r.firstErrLine().contains("nonsense"), r::describe);
    }

    @Test
    void brokenCatalogExits3(@TempDir Path tmp) throws IOException {
        CliTestSupport.copyTree(Path.of("catalog"), tmp);
        Path models = tmp.resolve("models.yaml");
        String yaml = Files.readString(models);
        String broken = yaml.replaceFirst("(?m)^    params: 87600000$", "    params: 87.6M");
        assertFalse(broken.equals(yaml), "the yolov5x params line was not found");
        Files.writeString(models, broken);
        int line = lineOf(models, "params: 87.6M");

        Run r = run("catalog", "models", "--catalog", tmp.toString());
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().startsWith(tmp + "/models.yaml:" + line + ":"), r::describe);
        assertTrue(r.firstErrLine().contains("yolov5x") && r.firstErrLine().contains("'params'"), r::describe);
    }

    private static JsonObject findId(JsonArray array, String id) {
        for (JsonElement e : array) {
            if (id.equals(e.getAsJsonObject().get("id").getAsString())) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no entry " + id + " in " + List.of(array));
    }
}

package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertOk;
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
import java.util.Optional;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What issue 12 found in sensitivity and uncertainty: 6.4 KV heads, 28.8 hours a day, fractional GPU
 * counts at P90. Every assumption stays within its valid range; the model's own figures are facts,
 * not moved; a count is a whole number wherever it is shown.
 */
class AssumptionRangesTest {

    /** The GPT-3.5 proxy on an H100: serving sized by the throughput model, which reads the architecture. */
    static Run h100;

    @BeforeAll
    static void runOnce() {
        h100 = run("sensitivity", "--output", "serving.gpus", "--gpu", "h100-sxm", "--format", "json");
    }

    /** The object of {@code array} whose {@code key} is {@code value}. */
    private static Optional<JsonObject> byName(JsonArray array, String value, String key) {
        return array.asList().stream().map(JsonElement::getAsJsonObject)
                .filter(o -> o.has(key) && o.get(key).getAsString().equals(value)).findFirst();
    }

    private static Optional<JsonObject> row(Run r, String assumption) {
        return byName(r.json().getAsJsonArray("rows"), assumption, "assumption");
    }

    @Test
    void theModelsArchitectureIsNeverMoved() {
        assertOk(h100);
        for (String fact : List.of("model.kv_heads", "model.layers", "model.attention_heads", "model.hidden_size",
            "model.head_dim", "model.params")) {
            assertTrue(row(h100, fact).isEmpty(), () -> fact + " was moved\n" + h100.describe());
        }
        // the KV cache per token is 2 x layers x KV heads x head size x bytes: what serving.gpus is made from
        for (String fact : List.of("model.kv_heads", "model.layers", "model.head_dim")) {
            JsonObject n = byName(h100.json().getAsJsonArray("not_moved"), fact, "assumption")
                    .orElseThrow(() -> new AssertionError(fact + " not listed as not moved\n" + h100.describe()));
            assertTrue(n.get("reason").getAsString().contains("facts of the model"), n.toString());
        }
    }

    @Test
    void hoursPerDayAreClippedAt24() {
        JsonObject hours = row(h100, "serving.load_hours_per_day").orElseThrow(() -> new AssertionError(h100.describe()));
        assertEquals(24 * 0.8, hours.get("low").getAsDouble(), 1e-9);
        assertEquals(24, hours.get("high").getAsDouble(), 0.0, "24 h x 1.2 = 28.8 h is no day");
        assertEquals("clipped", hours.get("high_kept").getAsString());
        Run text = run("sensitivity", "--output", "serving.gpus", "--gpu", "h100-sxm");
        assertOk(text);
        assertTrue(text.out().contains("serving.load_hours_per_day: +20 % clipped at 24 h"), text::describe);
        assertFalse(text.out().contains("28.8 h"), text::describe);
    }

    @Test
    void aFractionStaysAtMostOne() {
        // the Hopper family's fitted bandwidth share, 0.84: x 1.2 = 1.008, more than the whole bandwidth
        JsonObject share = row(h100, "family.serving_bandwidth_efficiency").orElseThrow(() -> new AssertionError(h100.describe()));
        assertEquals(1, share.get("high").getAsDouble(), 0.0);
        for (JsonElement e : h100.json().getAsJsonArray("rows")) {
            JsonObject r = e.getAsJsonObject();
            if (r.get("assumption").getAsString().matches(".*(efficiency|utilization|goodput|fraction)")) {
                assertTrue(r.get("high").getAsDouble() <= 1, r.toString());
            }
        }
    }

    @Test
    void aCountMovesByWholeNumbersAndTheOutputsAreWhole() {
        JsonObject node = row(h100, "inference.gpus_per_node").orElseThrow(() -> new AssertionError(h100.describe()));
        assertEquals(6, node.get("low").getAsDouble(), 0.0, "8 x 0.8 = 6.4 GPUs, rounded to 6");
        assertEquals(10, node.get("high").getAsDouble(), 0.0, "8 x 1.2 = 9.6 GPUs, rounded to 10");
        for (JsonElement e : h100.json().getAsJsonArray("rows")) {
            JsonObject r = e.getAsJsonObject();
            for (String end : List.of("output_at_low", "output_at_high")) {
                if (r.has(end)) {
                    double gpus = r.get(end).getAsDouble();
                    assertEquals(Math.rint(gpus), gpus, 0.0, r.toString());
                }
            }
        }
    }

    @Test
    void aNumberASettingLooksUpIsNotMoved() {
        // 2 bytes per parameter is what bf16 means; to try fp8, vary inference.weight_dtype
        assertTrue(row(h100, "inference.bytes_per_param").isEmpty(), h100::describe);
        JsonObject n = byName(h100.json().getAsJsonArray("not_moved"), "inference.bytes_per_param", "assumption").orElseThrow();
        assertTrue(n.get("reason").getAsString().contains("inference.weight_dtype"), n.toString());
        // a default that reads a setting only to find a family's figure is still an assumption, and moves
        assertTrue(row(h100, "serving.compute_efficiency").isPresent(), h100::describe);
    }

    @Test
    void p90OfServingGpusIsAWholeNumber() {
        Run r = run("estimate", "--samples", "500", "--format", "json");
        assertOk(r);
        JsonObject gpus = byName(r.json().getAsJsonArray("figures"), "serving.gpus", "name").orElseThrow();
        for (String p : List.of("p10", "p50", "p90", "mean")) {
            double v = gpus.get(p).getAsDouble();
            assertEquals(Math.rint(v), v, 0.0, p + " of " + gpus);
        }
        assertTrue(gpus.get("rounded_up").getAsBoolean(), gpus.toString());
        Run text = run("estimate", "--samples", "500");
        assertTrue(text.out().contains("whole numbers at every percentile and the mean: rounded up"), text::describe);
    }

    @Test
    void aDrawOutsideTheValidRangeIsKeptInside(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of("catalog/scenarios/chatgpt-2023-01.yaml"));
        Path file = dir.resolve("hours.yaml");
        Files.writeString(file, yaml.replace("assumptions:\n", "assumptions:\n  serving.load_hours_per_day:\n"
                + "    low: 12\n    high: 36\n    unit: h\n    source: a range wider than a day, for this test\n"));
        // the two traffic ranges fixed, so that only the hours are drawn
        String[] fixed = {"--set", "serving.daily_users=13e6", "--set", "serving.chars_per_user=1000"};
        Run r = run(concat(new String[] {"estimate", "--scenario", file.toString(), "--samples", "400", "--format", "json"}, fixed));
        assertOk(r);
        JsonArray inputs = r.json().getAsJsonArray("uncertain");
        assertEquals(1, inputs.size(), r::describe);
        JsonObject hours = byName(inputs, "serving.load_hours_per_day", "name").orElseThrow(() -> new AssertionError(r.describe()));
        // uniform from 12 to 36: about half the draws above 24 h, each kept at 24
        assertTrue(hours.get("kept").getAsString().matches("[\\d,]+ of 400 draws kept within from 0 to 24 .*"), hours.toString());
        // the sustained FLOP/s is daily FLOP / (hours x 3600 x utilization): least at 24 h, so at P10 too
        JsonObject sustained = byName(r.json().getAsJsonArray("figures"), "serving.sustained_flops", "name").orElseThrow();
        Run at24 = run(concat(new String[] {"estimate", "--scenario", file.toString(), "--set", "serving.load_hours_per_day=24",
            "--format", "json"}, fixed));
        double floor = CliTestSupport.value(at24.json(), "serving.sustained_flops");
        assertEquals(floor, sustained.get("p10").getAsDouble(), floor * 1e-9, "no draw spreads the load over more than 24 h");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

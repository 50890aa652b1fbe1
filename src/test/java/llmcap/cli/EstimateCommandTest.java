package llmcap.cli;

import static llmcap.ArticleChain.SERVING_GPUS;
import static llmcap.ArticleChain.SERVING_GPUS_AT_PEAK_3;
import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.byName;
import static llmcap.cli.CliTestSupport.lineOf;
import static llmcap.cli.CliTestSupport.run;
import static llmcap.cli.CliTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertAll;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import llmcap.catalog.Catalog;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llmcap estimate} end to end on the article's scenario (ChatGPT, GPT-3.5 175B on A100 80GB).
 * Every expected figure is worked by hand from the article's inputs:
 * <ul>
 * <li>checkpoint: 175e9 / 87.6e6 x 166e6 B = 331.62 GB</li>
 * <li>weights: 175e9 x 4 B = 700 GB, on ceil(700 / 80) = 9 A100 80GB</li>
 * <li>sustained: 13e6 users x 1000 chars x 4/3 tokens/char x 2 x 175e9 FLOP/token / (0.51 x 86400 s)
 *     = 6.0667e21 / 44064 = 137.678528 PFLOP/s</li>
 * <li>serving: ceil(137.678528e15 x 5 / 312e12) = ceil(2206.4) = 2207 A100 (the article: 2195)</li>
 * <li>training: 3640 PF-day x 1e15 x 86400 / (312e12 x 0.514 x 86400) = 22697.8 GPU-days, / 30 = 756.6 -> 757</li>
 * <li>fleet: 2207 + 1000 (judgement) = 3207; cost: 10000 GPU x 24 h x $1.5 = $360,000/day</li>
 * </ul>
 */
class EstimateCommandTest {

    private static final Path RULES = Path.of("rules");
    private static final Path SCENARIO = Path.of("catalog/scenarios/chatgpt-2023-01.yaml");

    static Run noArgs;
    static Run text;
    static Run json;

    @BeforeAll
    static void runOnce() {
        noArgs = run();
        text = run("estimate");
        json = run("estimate", "--format", "json");
    }

    // --- text --------------------------------------------------------------------------------------

    @Test
    void noArgumentsRunsEstimate() {
        assertOk(noArgs);
        assertEquals(text.out(), noArgs.out(), "llmcap with no command is llmcap estimate");
    }

    @Test
    void textExitsZeroWithNothingOnStderr() {
        assertOk(text);
        assertEquals("", text.err());
    }

    @Test
    void textShowsServingGpusBesideTheArticles2195() {
        assertTrue(text.outLines().stream().anyMatch(l -> l.contains("serving.gpus") && l.contains("2,207 GPU")
                && l.contains("2,195 GPU")), text::describe);
    }

    @Test
    void textShowsTheCheckpointSize331_6GB() {
        assertTrue(text.outLines().stream().anyMatch(l -> l.contains("checkpoint.bytes") && l.contains("331.6 GB")),
                text::describe);
    }

    @Test
    void textShowsTheSustainedCompute137_7PflopPerSecond() {
        assertTrue(text.outLines().stream().anyMatch(l -> l.contains("serving.sustained_flops")
                && l.contains("137.7 PFLOP/s")), text::describe);
    }

    @Test
    void textShowsTheFleetRent360000DollarsPerDay() {
        assertTrue(text.outLines().stream().anyMatch(l -> l.contains("cost.fleet_daily_usd")
                && l.contains("$360,000/day")), text::describe);
    }

    @Test
    void textShowsTheWeightsOn9Gpus() {
        assertTrue(text.outLines().stream().anyMatch(l -> l.contains("inference.weights_bytes") && l.contains("700 GB")),
                text::describe);
        assertTrue(text.outLines().stream().anyMatch(l -> l.contains("inference.gpus") && l.contains("9 GPU")),
                text::describe);
    }

    @Test
    void textCitesTheRuleFileAndLineOfServingGpus() {
        String where = "rules/serving.drl:" + lineOf(RULES.resolve("serving.drl"), "rule \"serving.gpus = serving.gpus_compute (sized by compute");
        assertTrue(text.outLines().stream().anyMatch(l -> l.strip().startsWith("serving.gpus ") && l.contains(where)),
                () -> "expected " + where + "\n" + text.describe());
    }

    // --- json --------------------------------------------------------------------------------------

    @Test
    void jsonHasTheTopLevelKeys() {
        assertOk(json);
        JsonObject o = json.json();
        for (String key : List.of("scenario", "model", "gpu", "quantities", "assumptions")) {
            assertTrue(o.has(key), "missing key " + key);
        }
        assertEquals("chatgpt-2023-01", o.get("scenario").getAsString());
        assertEquals("gpt-3.5", o.get("model").getAsString());
        assertEquals("a100-80gb-sxm", o.get("gpu").getAsString());
    }

    @Test
    void jsonQuantitiesHaveNameValueUnitRuleSourceInputs() {
        JsonArray qs = json.json().getAsJsonArray("quantities");
        assertFalse(qs.isEmpty());
        for (JsonElement e : qs) {
            JsonObject q = e.getAsJsonObject();
            for (String key : List.of("name", "value", "unit", "rule", "source", "inputs")) {
                assertTrue(q.has(key) && !q.get(key).isJsonNull(), () -> "quantity without " + key + ": " + q);
            }
            assertTrue(q.get("inputs").isJsonArray(), () -> "inputs is a list: " + q);
        }
    }

    @Test
    void jsonAssumptionsHaveNameValueUnitOrigin() {
        JsonArray as = json.json().getAsJsonArray("assumptions");
        assertFalse(as.isEmpty());
        for (JsonElement e : as) {
            JsonObject a = e.getAsJsonObject();
            for (String key : List.of("name", "value", "unit", "origin")) {
                assertTrue(a.has(key) && !a.get(key).isJsonNull(), () -> "assumption without " + key + ": " + a);
            }
        }
    }

    @Test
    void jsonListsTheArticlesDerivedQuantities() {
        JsonArray qs = json.json().getAsJsonArray("quantities");
        assertAll(List.of("checkpoint.bytes", "inference.weights_bytes", "inference.gpus", "serving.daily_tokens",
                "serving.sustained_flops", "serving.gpus", "training.flops", "training.gpu_days", "training.gpus",
                "fleet.gpus", "cost.fleet_daily_usd").stream()
                .map(n -> () -> assertTrue(byName(qs, n).isPresent(), "no derived quantity " + n)));
    }

    @Test
    void jsonListsTheAssumptionsTheArticleMakes() {
        JsonArray as = json.json().getAsJsonArray("assumptions");
        assertAll(List.of("serving.daily_users", "serving.chars_per_user", "serving.tokens_per_char",
                "serving.utilization", "serving.peak_factor", "inference.bytes_per_param", "training.mfu",
                "training.days", "cost.usd_per_gpu_hour").stream()
                .map(n -> () -> assertTrue(byName(as, n).isPresent(), "no assumption " + n)));
    }

    @Test
    void jsonValuesAreInBaseUnits() {
        JsonObject o = json.json();
        // 175e9 / 87.6e6 x 166e6 B = 3.31621e11 B
        double checkpoint = 175e9 / 87.6e6 * 166e6;
        assertEquals(checkpoint, value(o, "checkpoint.bytes"), checkpoint * 0.001);
        assertEquals(3.316e11, value(o, "checkpoint.bytes"), 3.316e11 * 0.001);
        assertEquals(7e11, value(o, "inference.weights_bytes"));
        assertEquals(360000.0, value(o, "cost.fleet_daily_usd"));
        assertEquals(SERVING_GPUS, value(o, "serving.gpus"));
        assertEquals(9.0, value(o, "inference.gpus"));
        assertEquals(757.0, value(o, "training.gpus"));
        assertEquals(3207.0, value(o, "fleet.gpus"));
        // 13e6 x 1000 x 4/3 = 1.7333e10 tokens/day
        assertEquals(13e6 * 1000 * 4 / 3, value(o, "serving.daily_tokens"), 1e4);
        assertEquals(137.678528e15, value(o, "serving.sustained_flops"), 1e9);
        // 3640 PF-days x 1e15 FLOP/s x 86400 s = 3.14496e23 FLOP
        assertEquals(3.14496e23, value(o, "training.flops"), 1e18);
    }

    @Test
    void jsonAssumptionValuesAreTheArticles() {
        JsonObject o = json.json();
        assertEquals(13e6, value(o, "serving.daily_users"));
        assertEquals(1000.0, value(o, "serving.chars_per_user"));
        assertEquals(4.0 / 3.0, value(o, "serving.tokens_per_char"), 1e-12);
        assertEquals(0.51, value(o, "serving.utilization"));
        assertEquals(5.0, value(o, "serving.peak_factor"));
        assertEquals(4.0, value(o, "inference.bytes_per_param"));
        assertEquals(0.514, value(o, "training.mfu"));
        assertEquals(30.0, value(o, "training.days"));
        assertEquals(1.5, value(o, "cost.usd_per_gpu_hour"));
    }

    @Test
    void jsonSourceOfEveryQuantityIsARuleFileAndLine() {
        Pattern where = Pattern.compile("rules/[a-z_]+\\.drl:\\d+");
        for (JsonElement e : json.json().getAsJsonArray("quantities")) {
            String source = e.getAsJsonObject().get("source").getAsString();
            assertTrue(where.matcher(source).matches(), () -> "source " + source + " of " + e);
        }
    }

    @Test
    void jsonSourceOfServingGpusIsTheLineOfItsRule() {
        int line = lineOf(RULES.resolve("serving.drl"), "rule \"serving.gpus = serving.gpus_compute (sized by compute");
        JsonObject q = byName(json.json().getAsJsonArray("quantities"), "serving.gpus").orElseThrow();
        assertEquals("rules/serving.drl:" + line, q.get("source").getAsString());
        // The article's method: serving.gpus is the compute bound, itself from the peak demand and the GPU's peak.
        assertEquals(Set.of("serving.sizing", "serving.gpus_compute"),
                q.getAsJsonArray("inputs").asList().stream().map(JsonElement::getAsString).collect(Collectors.toSet()));
        JsonObject compute = byName(json.json().getAsJsonArray("quantities"), "serving.gpus_compute").orElseThrow();
        assertEquals(Set.of("serving.peak_flops", "gpu.peak_flops"),
                compute.getAsJsonArray("inputs").asList().stream().map(JsonElement::getAsString).collect(Collectors.toSet()));
    }

    @Test
    void jsonOriginOfDailyUsersIsTheScenarioLine() {
        // serving.daily_users: is written on line N with its value: on line N + 1; either names the figure.
        int line = lineOf(SCENARIO, "serving.daily_users:");
        JsonObject a = byName(json.json().getAsJsonArray("assumptions"), "serving.daily_users").orElseThrow();
        String origin = a.get("origin").getAsString();
        String file = "scenario catalog/scenarios/chatgpt-2023-01.yaml:";
        assertTrue(origin.equals(file + line) || origin.equals(file + (line + 1)), origin);
        String citation = a.get("citation").getAsString();
        assertTrue(citation.startsWith("Similarweb, January 2023, as quoted by the article (line 18)"), citation);
        // the scenario gives a range; the estimate says so and which value it used
        assertTrue(citation.contains("triangular(10000000, 13000000, 16000000): its central value here"), citation);
    }

    @Test
    void jsonOriginOfPeakFactorIsItsDefaultRule() {
        int line = lineOf(RULES.resolve("assumptions.drl"), "rule \"serving.peak_factor");
        JsonObject a = byName(json.json().getAsJsonArray("assumptions"), "serving.peak_factor").orElseThrow();
        String origin = a.get("origin").getAsString();
        assertTrue(origin.startsWith("default rule"), origin);
        assertTrue(origin.endsWith("rules/assumptions.drl:" + line), origin);
    }

    // --- markdown ----------------------------------------------------------------------------------

    @Test
    void markdownHasThePublishedFiguresTable() {
        Run md = run("estimate", "--format", "markdown");
        assertOk(md);
        assertTrue(md.outLines().stream().anyMatch(l -> l.startsWith("| # |")), md::describe);
        assertTrue(md.outLines().stream().anyMatch(l -> l.contains("`serving.gpus`") && l.contains("2,207 GPU")
                && l.contains("2,195 GPU")), md::describe);
    }

    // --- another GPU -------------------------------------------------------------------------------

    @Test
    void h100NeedsFewerServingGpusAndIsCostedAtItsCatalogPrice() {
        // Another GPU drops the article's judgements; asking for its compute method, its MFU and no lost time
        // keeps the arithmetic by hand.
        Run r = run("estimate", "--gpu", "h100-sxm", "--set", "serving.bounds=compute", "--set", "training.mfu=0.514",
                "--set", "training.goodput=1", "--format", "json");
        assertOk(r);
        JsonObject o = r.json();
        assertEquals("h100-sxm", o.get("gpu").getAsString());
        // ceil(137.678528e15 x 5 / 989e12) = ceil(696.05) = 697
        assertEquals(697.0, value(o, "serving.gpus"));
        // The article's judgements (1000 training GPUs, 10000 fleet, $1.5/h) are for the A100 and dropped:
        // training: 3640e15 x 86400 / (989e12 x 0.514 x 86400) = 7160.5 GPU-days / 30 = 238.7 -> 239 GPUs;
        // fleet = 697 + 239 = 936, rented at the catalog's H100 price.
        double price = Catalog.load(Path.of("catalog"), "catalog").gpu("h100-sxm")
                .figure("rental_usd_per_hour").orElseThrow().value();
        assertEquals(239.0, value(o, "training.gpus"));
        assertEquals(936.0, value(o, "fleet.gpus"));
        assertEquals(price, value(o, "cost.usd_per_gpu_hour"));
        assertEquals(936 * 24 * price, value(o, "cost.fleet_daily_usd"), 1e-6);
        assertTrue(o.getAsJsonArray("notes").asList().stream().map(JsonElement::getAsString)
                .anyMatch(n -> n.contains("not used")), r::describe);
    }

    @Test
    void h100TextSaysTheJudgementsAreNotUsed() {
        Run r = run("estimate", "--gpu", "h100-sxm");
        assertOk(r);
        assertTrue(r.outLines().stream().anyMatch(l -> l.contains("judgements") && l.contains("not used")
                && l.contains("h100-sxm")), r::describe);
        // Without the article's judgements the throughput model sizes serving, with 16-bit weights.
        assertTrue(r.outLines().stream().anyMatch(l -> l.strip().startsWith("serving.gpus ")
                && l.contains("serving.gpus = serving.gpus_throughput (sized by replica throughput)")), r::describe);
        assertTrue(r.outLines().stream().anyMatch(l -> l.strip().startsWith("inference.weights_bytes ") && l.contains("350 GB")),
                r::describe);
    }

    // --- --set -------------------------------------------------------------------------------------

    @Test
    void setPeakFactor3Gives1324ServingGpus() {
        Run r = run("estimate", "--set", "serving.peak_factor=3", "--format", "json");
        assertOk(r);
        assertEquals("", r.err(), "a --set that a rule reads gives no warning");
        // ceil(137.678528e15 x 3 / 312e12) = ceil(1323.8) = 1324
        assertEquals(SERVING_GPUS_AT_PEAK_3, value(r.json(), "serving.gpus"));
        JsonObject a = byName(r.json().getAsJsonArray("assumptions"), "serving.peak_factor").orElseThrow();
        assertEquals(3.0, a.get("value").getAsDouble());
        assertTrue(a.get("origin").getAsString().contains("--set serving.peak_factor=3"), a::toString);
    }

    @Test
    void setAcceptsScientificNotation() {
        // 26e6 users is twice the article's 13e6: sustained 2 x 137.678528 PFLOP/s x 5 / 312e12 = 4412.8 -> 4413
        Run r = run("estimate", "--set", "serving.daily_users=26e6", "--format", "json");
        assertOk(r);
        assertEquals(26e6, value(r.json(), "serving.daily_users"));
        assertEquals(4413.0, value(r.json(), "serving.gpus"));
    }

    // --- a broken catalog --------------------------------------------------------------------------

    @Test
    void brokenCatalogCopyExits3WithTheFileAndLine(@TempDir Path tmp) throws IOException {
        CliTestSupport.copyTree(Path.of("catalog"), tmp);
        Path gpus = tmp.resolve("gpus.yaml");
        String yaml = Files.readString(gpus);
        String broken = yaml.replaceFirst("(?m)^    bandwidth_gb_per_s: 2039\\n", "");
        assertFalse(broken.equals(yaml), "the A100 80GB bandwidth line was not found");
        Files.writeString(gpus, broken);
        int entryLine = lineOf(gpus, "- id: a100-80gb-sxm");

        // a whole catalog: laid over the bundled one (--catalog), the missing field would be the bundled entry's
        Run r = run("estimate", "--catalog-only", tmp.toString());
        assertFails(r, ExitCode.CATALOG);
        assertEquals(1, r.errLines().size(), r::describe);
        String first = r.firstErrLine();
        assertTrue(first.startsWith(tmp + "/gpus.yaml:" + entryLine + ":"), r::describe);
        assertTrue(first.contains("a100-80gb-sxm") && first.contains("bandwidth_gb_per_s"), r::describe);
    }
}

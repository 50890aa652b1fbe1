package llmcap.cli;

import static llmcap.ArticleChain.SERVING_GPUS;
import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import llmcap.catalog.Catalog;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code llmcap compare}: one row per model x GPU, ranked (for the article's scenario, of kind both, by the
 * fleet's daily cost), the cheapest marked. Serving GPUs per GPU are
 * worked by hand from the article's sustained compute and each GPU's dense BF16 peak, read from the
 * catalog:
 * <pre>
 * sustained = 13e6 users x 1000 char x 4/3 token/char x 2 x 175e9 FLOP/token / (0.51 x 86400 s)
 *           = 6.0667e21 / 44064 = 137.678528e15 FLOP/s
 * serving.gpus = ceil(137.678528e15 x 5 / peak)
 *   A100 (312 T):    688.39264e15 / 312e12    = 2206.4 -> 2207
 *   H100 (989 T):    688.39264e15 / 989e12    =  696.05 -> 697
 *   MI300X (1307.4 T): 688.39264e15 / 1307.4e12 = 526.5 -> 527
 * </pre>
 * Rows for another GPU than the scenario's drop its judgements, so the rows here ask for the article's
 * compute method themselves ({@code --set serving.bounds=compute}), to keep the arithmetic by hand.
 */
class CompareCommandTest {

    private static final List<String> GPUS = List.of("a100-80gb-sxm", "h100-sxm", "mi300x");
    private static final String GPU_LIST = String.join(",", GPUS);
    private static final String COMPUTE = "serving.bounds=compute";

    static Run text;
    static Run json;
    static Run csv;
    static Catalog catalog;

    @BeforeAll
    static void runOnce() {
        text = run("compare", "--gpu", GPU_LIST, "--set", COMPUTE);
        json = run("compare", "--gpu", GPU_LIST, "--set", COMPUTE, "--format", "json");
        csv = run("compare", "--gpu", GPU_LIST, "--set", COMPUTE, "--format", "csv");
        catalog = Catalog.load(Path.of("catalog"), "catalog");
    }

    private static double sustainedFlops() {
        return 13e6 * 1000 * (4.0 / 3.0) * 2 * 175e9 / (0.51 * 86400);
    }

    private static double peak(String gpu) {
        return catalog.gpu(gpu).figure("flops_bf16").orElseThrow().value();
    }

    private static List<JsonObject> rows(Run r) {
        return CliTestSupport.jsonRows(r);
    }

    private static double figure(JsonObject row, String name) {
        return CliTestSupport.figure(row, name);
    }

    @Test
    void handArithmetic() {
        assertEquals(137.678528e15, sustainedFlops(), 1e9); // to the 9 digits written: ±0.000001 PFLOP/s
        assertEquals(312e12, peak("a100-80gb-sxm"), 0.0);
        assertEquals(SERVING_GPUS, Math.ceil(sustainedFlops() * 5 / peak("a100-80gb-sxm")), 0.0);
        assertEquals(697, Math.ceil(137.678528e15 * 5 / 989e12), 0.0);
        assertEquals(527, Math.ceil(137.678528e15 * 5 / 1307.4e12), 0.0);
    }

    // ---- text --------------------------------------------------------------------------------------

    @Test
    void textHasOneRowPerGpuAndOneCheapest() {
        assertOk(text);
        assertEquals("", text.err());
        for (String gpu : GPUS) {
            assertEquals(1, text.outLines().stream().filter(l -> l.contains(" gpt-3.5  " + gpu + " "))
                    .count(), () -> gpu + "\n" + text.describe());
        }
        assertEquals(1, text.outLines().stream().filter(l -> l.contains("<- cheapest")).count(), text::describe);
    }

    // ---- JSON --------------------------------------------------------------------------------------

    @Test
    void jsonHasOneRowPerGpuRankedByTheFleetsDailyCost() {
        assertOk(json);
        List<JsonObject> rows = rows(json);
        assertEquals(3, rows.size(), json::describe);
        assertEquals(List.copyOf(new java.util.TreeSet<>(GPUS)), rows.stream().map(r -> r.get("gpu").getAsString())
                .sorted().toList());
        assertEquals("cost.fleet_daily_usd", json.json().get("rank_by").getAsString(), "the default for kind both");
        assertEquals("lowest", json.json().get("order").getAsString());
        for (int i = 0; i < 3; i++) {
            assertEquals("gpt-3.5", rows.get(i).get("model").getAsString());
            assertEquals(i + 1, rows.get(i).get("rank").getAsInt());
            if (i > 0) {
                assertTrue(figure(rows.get(i - 1), "cost.fleet_daily_usd") <= figure(rows.get(i), "cost.fleet_daily_usd"));
            }
        }
    }

    @Test
    void exactlyOneRowIsCheapestAndItHasTheLowestFleetCost() {
        List<JsonObject> rows = rows(json);
        List<JsonObject> cheapest = rows.stream().filter(r -> r.get("best").getAsBoolean()).toList();
        assertEquals(1, cheapest.size(), json::describe);
        double lowest = rows.stream().mapToDouble(r -> figure(r, "cost.fleet_daily_usd")).min().orElseThrow();
        assertEquals(lowest, figure(cheapest.get(0), "cost.fleet_daily_usd"), 0.0, json::describe);
        for (JsonObject r : rows) {
            if (r != cheapest.get(0)) {
                assertTrue(figure(r, "cost.fleet_daily_usd") > lowest, json::describe);
            }
        }
    }

    @Test
    void servingGpusFollowEachGpusCatalogPeak() {
        for (JsonObject row : rows(json)) {
            String gpu = row.get("gpu").getAsString();
            double expected = Math.ceil(137.678528e15 * 5 / peak(gpu)); // see the class comment
            assertEquals(expected, figure(row, "serving.gpus"), 0.0, gpu);
            JsonObject g = row.getAsJsonObject("figures").getAsJsonObject("serving.gpus");
            assertEquals("GPU", g.get("unit").getAsString());
            assertTrue(g.get("source").getAsString().matches("rules/serving\\.drl:\\d+"), g.toString());
        }
    }

    @Test
    void jsonCarriesTheDefaultColumns() {
        JsonObject figures = rows(json).get(0).getAsJsonObject("figures");
        for (String name : List.of("inference.gpus_per_replica", "serving.gpus", "training.gpus",
                "training.gpu_days", "cost.fleet_daily_usd", "cost.usd_per_million_tokens")) {
            assertTrue(figures.has(name), name);
        }
    }

    @Test
    void judgementsAreLeftOutOfEveryRow() {
        // the scenario's fleet of 10000 A100 at $1.5/GPU-h ($360,000/day) is a judgement for its own GPU;
        // compare leaves it out even for the A100 row, so that row is costed like the others
        JsonObject a100 = rows(json).get(0);
        assertTrue(figure(a100, "cost.fleet_daily_usd") != 360000, json::describe);
    }

    // ---- CSV ---------------------------------------------------------------------------------------

    @Test
    void csvParsesToAHeaderAndThreeRows() {
        assertOk(csv);
        List<List<String>> lines = llmcap.CsvRows.parse(csv.out());
        assertEquals(4, lines.size(), csv::describe);
        List<String> head = lines.get(0);
        assertEquals(List.of("rank", "model", "gpu", "inference.gpus_per_replica", "serving.gpus", "training.gpus",
                "training.gpu_days", "cost.fleet_daily_usd", "cost.usd_per_million_tokens", "price", "terms", "provider",
                "price date", "best"), head);
        int serving = head.indexOf("serving.gpus");
        int cost = head.indexOf("cost.fleet_daily_usd");
        int best = head.indexOf("best");
        List<JsonObject> jsonRows = rows(json);
        int marked = 0;
        for (int i = 0; i < 3; i++) {
            List<String> cells = lines.get(i + 1);
            assertEquals(head.size(), cells.size(), cells::toString);
            assertEquals(Integer.toString(i + 1), cells.get(0));
            assertEquals("gpt-3.5", cells.get(1));
            String gpu = jsonRows.get(i).get("gpu").getAsString();
            assertEquals(gpu, cells.get(2), "the same order as JSON");
            assertEquals(Math.ceil(137.678528e15 * 5 / peak(gpu)), Double.parseDouble(cells.get(serving)), 0.0);
            assertEquals(figure(jsonRows.get(i), "cost.fleet_daily_usd"), Double.parseDouble(cells.get(cost)),
                    1e-9 * Double.parseDouble(cells.get(cost)));
            boolean isCheapest = jsonRows.get(i).get("best").getAsBoolean();
            assertEquals(isCheapest ? "yes" : "", cells.get(best), cells::toString);
            marked += isCheapest ? 1 : 0;
        }
        assertEquals(1, marked);
    }

    // ---- models ------------------------------------------------------------------------------------

    @Test
    void twoModelsOnOneGpuGiveTwoRows() {
        Run r = run("compare", "--model", "gpt-3.5,llama-2-70b", "--gpu", "h100-sxm", "--set", COMPUTE, "--format", "json");
        assertOk(r);
        List<JsonObject> rows = rows(r);
        assertEquals(2, rows.size(), r::describe);
        assertEquals(List.of("gpt-3.5", "llama-2-70b"), rows.stream().map(x -> x.get("model").getAsString()).sorted()
                .toList());
        for (JsonObject row : rows) {
            assertEquals("h100-sxm", row.get("gpu").getAsString());
        }
        assertEquals(1, rows.stream().filter(x -> x.get("best").getAsBoolean()).count());
        // gpt-3.5 on H100: ceil(137.678528e15 x 5 / 989e12) = 697
        JsonObject gpt = rows.stream().filter(x -> x.get("model").getAsString().equals("gpt-3.5")).findFirst().orElseThrow();
        assertEquals(697, figure(gpt, "serving.gpus"), 0.0);
    }

    @Test
    void modelsTimesGpus() {
        Run r = run("compare", "--model", "gpt-3.5,llama-2-70b", "--gpu", "a100-80gb-sxm,h100-sxm", "--format", "csv");
        assertOk(r);
        List<List<String>> lines = llmcap.CsvRows.parse(r.out());
        assertEquals(5, lines.size(), r::describe);
        assertEquals(List.of("gpt-3.5 a100-80gb-sxm", "gpt-3.5 h100-sxm", "llama-2-70b a100-80gb-sxm",
                "llama-2-70b h100-sxm"), lines.subList(1, 5).stream().map(l -> l.get(1) + " " + l.get(2)).sorted().toList());
    }

    @Test
    void chosenOutputsAreTheColumns() {
        Run r = run("compare", "--gpu", GPU_LIST, "--set", COMPUTE, "--output", "serving.gpus", "--format", "csv");
        assertOk(r);
        // the figure the rows are ranked by is shown too: the fleet's daily cost, for a scenario of kind both
        assertEquals("rank,model,gpu,serving.gpus,cost.fleet_daily_usd,price,terms,provider,price date,best",
                r.outLines().get(0));
        assertEquals(1, r.outLines().stream().filter(l -> l.endsWith(",yes")).count(), r::describe);
    }

    // ---- errors ------------------------------------------------------------------------------------

    @Test
    void unknownGpuListsTheKnownIds() {
        Run r = run("compare", "--gpu", "a100-80gb-sxm,nope");
        assertUsageError(r, "'nope'", "known:", "a100-80gb-sxm", "h100-sxm", "mi300x");
    }

    @Test
    void unknownModelListsTheKnownIds() {
        assertUsageError(run("compare", "--model", "gpt-3.5,nope"), "'nope'", "gpt-3.5");
    }

    @Test
    void unknownOutput() {
        assertUsageError(run("compare", "--output", "no.such"), "no.such");
    }

    @Test
    void misspeltOutputSuggestsTheClosest() {
        assertUsageError(run("compare", "--output", "serving.gpu"), "serving.gpu", "did you mean serving.gpus");
    }

    @Test
    void unknownFormat() {
        assertFails(run("compare", "--format", "xml"), ExitCode.USAGE);
    }
}

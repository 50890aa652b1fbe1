package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import llmcap.catalog.Catalog;
import llmcap.catalog.Entry;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} ranks by what the scenario asks (its kind) or by {@code --rank-by}; every row shows
 * the price it was costed at, the offer's terms and provider and the price's date, as the catalog
 * states them. Costs are checked by hand from each row's GPU count and its catalog price.
 */
class CompareRankingTest {

    private static final Catalog CATALOG = Catalog.load(Path.of("catalog"), "catalog");

    private static List<JsonObject> rows(Run r) {
        return CliTestSupport.jsonRows(r);
    }

    private static double figure(JsonObject row, String name) {
        return CliTestSupport.figure(row, name);
    }

    private static double catalogPrice(String gpu) {
        return CATALOG.gpu(gpu).figure("rental_usd_per_hour").orElseThrow().value();
    }

    private static JsonObject best(List<JsonObject> rows) {
        List<JsonObject> best = rows.stream().filter(r -> r.get("best").getAsBoolean()).toList();
        assertEquals(1, best.size(), rows::toString);
        return best.get(0);
    }

    @Test
    void aServingScenarioIsRankedByWhatServingCostsNotByAFleetThatAlsoTrains() {
        Run r = run("compare", "--scenario", "chat-llama-3.1-70b-h100", "--gpu", "h100-sxm,mi300x", "--format", "json");
        assertOk(r);
        assertEquals("cost.usd_per_million_tokens", r.json().get("rank_by").getAsString());
        assertEquals("lowest", r.json().get("order").getAsString());
        List<JsonObject> rows = rows(r);
        for (JsonObject row : rows) {
            String gpu = row.get("gpu").getAsString();
            double price = catalogPrice(gpu);
            assertEquals(price, row.getAsJsonObject("price").get("usd_per_gpu_hour").getAsDouble(), 0.0);
            // serving per day = serving GPUs x 24 h x the GPU's price, the same traffic for every row
            assertEquals(figure(row, "serving.gpus") * 24 * price, figure(row, "cost.serving_daily_usd"), 1e-6);
        }
        JsonObject cheapest = rows.stream().min(Comparator.comparingDouble(x -> figure(x, "serving.gpus")
                * catalogPrice(x.get("gpu").getAsString()))).orElseThrow();
        assertEquals(cheapest.get("gpu").getAsString(), best(rows).get("gpu").getAsString(), r::describe);
        assertEquals(1, best(rows).get("rank").getAsInt());
        List<String> columns = r.json().getAsJsonArray("outputs").asList().stream().map(JsonElement::getAsString).toList();
        assertTrue(columns.stream().noneMatch(c -> c.startsWith("training.")), "serving columns only: " + columns);
    }

    @Test
    void aTrainingScenarioIsRankedByTheCostOfItsRun(@TempDir Path tmp) throws IOException {
        Path scenario = Files.writeString(tmp.resolve("train.yaml"), """
                id: train
                title: Training Llama 3.1 70B in 60 days
                source: "test fixture"
                model: llama-3.1-70b
                gpu: h100-sxm
                kind: training
                assumptions:
                  training.days: {value: 60, source: "the planner's deadline"}
                """);
        Run r = run("compare", "--scenario", scenario.toString(), "--gpu", "h100-sxm,a100-80gb-sxm,b200",
                "--format", "json");
        assertOk(r);
        assertEquals("cost.training_run_usd", r.json().get("rank_by").getAsString());
        List<JsonObject> rows = rows(r);
        for (JsonObject row : rows) {
            // the run's cost = GPU-days x 24 h x the GPU's price
            assertEquals(figure(row, "training.gpu_days") * 24 * catalogPrice(row.get("gpu").getAsString()),
                    figure(row, "cost.training_run_usd"), 1e-3);
        }
        double lowest = rows.stream().mapToDouble(x -> figure(x, "cost.training_run_usd")).min().orElseThrow();
        assertEquals(lowest, figure(best(rows), "cost.training_run_usd"), 0.0);
    }

    @Test
    void everyRowShowsItsPriceWithTheOffersTermsProviderAndDate() {
        Run r = run("compare", "--gpu", "h100-sxm,h200,h800", "--format", "json");
        assertOk(r);
        for (JsonObject row : rows(r)) {
            Entry gpu = CATALOG.gpu(row.get("gpu").getAsString());
            JsonObject price = row.getAsJsonObject("price");
            assertEquals(gpu.info("rental.terms").orElseThrow(), price.get("terms").getAsString());
            assertEquals(gpu.info("rental.provider").orElseThrow(), price.get("provider").getAsString());
            assertEquals(gpu.info("rental.date").orElseThrow(), price.get("date").getAsString());
            assertEquals("catalog/gpus.yaml#" + gpu.id(), price.get("where").getAsString());
        }
        // the catalog's offers: AWS on demand, an AWS capacity block bought ahead, a price DeepSeek-V3's report assumed
        assertEquals(List.of("assumed", "on-demand", "reserved"), rows(r).stream()
                .map(x -> x.getAsJsonObject("price").get("terms").getAsString()).sorted().toList());
        String notes = r.json().getAsJsonArray("notes").toString();
        assertTrue(notes.contains("not like for like") && notes.contains("reserved (h200)"), notes);
        Run text = run("compare", "--gpu", "h100-sxm,h200");
        assertTrue(text.outLines().stream().anyMatch(l -> l.contains(" h200 ") && l.contains("reserved")
                && l.contains("AWS") && l.contains(CATALOG.gpu("h200").info("rental.date").orElseThrow())), text::describe);
    }

    @Test
    void aPriceGivenWithSetSaysSo() {
        Run r = run("compare", "--gpu", "h100-sxm", "--set", "cost.usd_per_gpu_hour=2", "--format", "json");
        JsonObject price = rows(r).get(0).getAsJsonObject("price");
        assertEquals(2, price.get("usd_per_gpu_hour").getAsDouble(), 0.0);
        assertEquals("--set", price.get("terms").getAsString());
    }

    @Test
    void aRateIsRankedHighestFirstUnlessTold() {
        Run r = run("compare", "--scenario", "chat-llama-3.1-70b-h100", "--gpu", "h100-sxm,a100-80gb-sxm,b200",
                "--rank-by", "serving.output_tokens_per_s_per_gpu", "--format", "json");
        assertOk(r);
        assertEquals("highest", r.json().get("order").getAsString());
        List<JsonObject> rows = rows(r);
        double most = rows.stream().mapToDouble(x -> figure(x, "serving.output_tokens_per_s_per_gpu")).max().orElseThrow();
        assertEquals(most, figure(best(rows), "serving.output_tokens_per_s_per_gpu"), 0.0);
        Run lowest = run("compare", "--scenario", "chat-llama-3.1-70b-h100", "--gpu", "h100-sxm,a100-80gb-sxm,b200",
                "--rank-by", "serving.output_tokens_per_s_per_gpu:lowest", "--format", "json");
        double least = rows.stream().mapToDouble(x -> figure(x, "serving.output_tokens_per_s_per_gpu")).min().orElseThrow();
        assertEquals(least, figure(best(rows(lowest)), "serving.output_tokens_per_s_per_gpu"), 0.0);
    }

    @Test
    void theMarkAndTheChartFollowTheRank() {
        Run html = run("compare", "--scenario", "chat-llama-3.1-70b-h100", "--gpu", "h100-sxm,mi300x", "--format", "html");
        Run json = run("compare", "--scenario", "chat-llama-3.1-70b-h100", "--gpu", "h100-sxm,mi300x", "--format", "json");
        String bestGpu = best(rows(json)).get("gpu").getAsString();
        String out = html.out();
        int row = out.indexOf("<tr class=\"best\">");
        assertTrue(row > 0 && out.indexOf("<code>" + bestGpu + "</code>", row) < out.indexOf("</tr>", row), out);
        assertTrue(out.contains("cost.usd_per_million_tokens (ranked by this, lowest first; the cheapest highlighted)"));
        java.util.regex.Matcher bars = java.util.regex.Pattern.compile("<g class=\"bar highlight\"><title>([^<]*)</title>")
                .matcher(out);
        int highlighted = 0;
        while (bars.find()) {
            assertTrue(bars.group(1).startsWith("llama-3.1-70b on " + bestGpu + ":"), bars.group(1));
            highlighted++;
        }
        assertEquals(rows(json).get(0).getAsJsonObject("figures").size(), highlighted, "one highlighted bar per chart");
    }

    @Test
    void anUnknownRankIsAUsageErrorNamingTheClosest() {
        assertUsageError(run("compare", "--rank-by", "cost.usd_per_milion_tokens"), "--rank-by cost.usd_per_milion_tokens",
                "no rule derives it", "did you mean cost.usd_per_million_tokens");
        assertUsageError(run("compare", "--rank-by", "serving.binding_constraint"), "a setting");
        assertUsageError(run("compare", "--rank-by", "serving.gpus:sideways"), "NAME:lowest or NAME:highest");
    }

    @Test
    void aRankNoRowHasIsAUsageErrorSayingWhy() {
        // neither GPU has a rental price in the catalog, so no row has a training run's cost
        Run r = run("compare", "--gpu", "a100-40gb-pcie,gb200", "--rank-by", "cost.training_run_usd");
        assertUsageError(r, "--rank-by cost.training_run_usd: no row has it", "gpu.rental_usd_per_hour");
    }

    @Test
    void withoutThePricesTheDefaultRankingIsLeftOutAndSaid() {
        Run r = run("compare", "--scenario", "chat-llama-3.1-70b-h100", "--gpu", "a100-40gb-pcie,gb200",
                "--format", "json");
        assertOk(r);
        assertTrue(rows(r).stream().noneMatch(x -> x.get("best").getAsBoolean()), r::describe);
        assertTrue(r.json().getAsJsonArray("notes").toString().contains("not ranked"), r::describe);
    }
}

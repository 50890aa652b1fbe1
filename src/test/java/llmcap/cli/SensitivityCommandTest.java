package llmcap.cli;

import static llmcap.ArticleChain.SERVING_GPUS;
import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code llmcap sensitivity}: every numeric assumption moved down and up by a swing, one at a time.
 * Expected figures worked by hand:
 * <pre>
 * cost.fleet_daily_usd = fleet.gpus_planned x 24 h x cost.usd_per_gpu_hour = 10000 x 24 x 1.5 = 360,000
 *   either factor at -20 %: 8000 x 24 x 1.5 = 10000 x 24 x 1.2 = 288,000
 *   either factor at +20 %: 12000 x 24 x 1.5 = 10000 x 24 x 1.8 = 432,000
 * serving.gpus = ceil(137.678528e15 FLOP/s x peak factor / 312e12 FLOP/s)
 *   peak factor 5 x 0.9 = 4.5: 619.553376e15 / 312e12 = 1985.75 -> 1986
 *   peak factor 5 x 1.1 = 5.5: 757.231904e15 / 312e12 = 2427.03 -> 2428
 * </pre>
 */
class SensitivityCommandTest {

    static Run defaultJson;
    static Run servingJson;

    @BeforeAll
    static void runOnce() {
        defaultJson = run("sensitivity", "--format", "json");
        servingJson = run("sensitivity", "--output", "serving.gpus", "--swing", "10%", "--format", "json");
    }

    private static List<JsonObject> rows(Run r) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : r.json().getAsJsonArray("rows")) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    private static Optional<JsonObject> row(Run r, String assumption) {
        return rows(r).stream().filter(x -> x.get("assumption").getAsString().equals(assumption)).findFirst();
    }

    private static double spread(JsonObject row) {
        return Math.abs(row.get("output_at_high").getAsDouble() - row.get("output_at_low").getAsDouble());
    }

    // ---- the default: cost.fleet_daily_usd at ±20 % ---------------------------------------------------

    @Test
    void defaultRanksThePlannedFleetAndThePriceFirst() {
        assertOk(defaultJson);
        JsonObject o = defaultJson.json();
        assertEquals("cost.fleet_daily_usd", o.get("output").getAsString());
        assertEquals(0.2, o.get("swing").getAsDouble(), 1e-12);
        assertEquals(360000, o.get("base").getAsDouble(), 1e-6); // 10000 x 24 x 1.5
        List<JsonObject> rows = rows(defaultJson);
        assertEquals(Set.of("fleet.gpus_planned", "cost.usd_per_gpu_hour"),
                Set.of(rows.get(0).get("assumption").getAsString(), rows.get(1).get("assumption").getAsString()),
                defaultJson::describe);
        for (JsonObject row : rows.subList(0, 2)) {
            assertEquals(288000, row.get("output_at_low").getAsDouble(), 1e-6, row.toString());
            assertEquals(432000, row.get("output_at_high").getAsDouble(), 1e-6, row.toString());
        }
        // nothing else moves the fleet cost as far: 432,000 - 288,000 = 144,000
        assertTrue(rows.size() > 2);
        for (JsonObject row : rows.subList(2, rows.size())) {
            if (row.has("output_at_low") && row.has("output_at_high")) {
                assertTrue(spread(row) < 144000, row.toString());
            }
        }
    }

    @Test
    void defaultMovesEachAssumptionByTwentyPercent() {
        JsonObject planned = row(defaultJson, "fleet.gpus_planned").orElseThrow();
        assertEquals(10000, planned.get("base").getAsDouble(), 0.0);
        assertEquals(8000, planned.get("low").getAsDouble(), 1e-9);
        assertEquals(12000, planned.get("high").getAsDouble(), 1e-9);
        JsonObject price = row(defaultJson, "cost.usd_per_gpu_hour").orElseThrow();
        assertEquals(1.5, price.get("base").getAsDouble(), 0.0);
        assertEquals(1.2, price.get("low").getAsDouble(), 1e-12);
        assertEquals(1.8, price.get("high").getAsDouble(), 1e-12);
        assertTrue(price.get("origin").getAsString().contains("catalog/scenarios/chatgpt-2023-01.yaml:"),
                price.toString());
    }

    @Test
    void defaultTextShowsTheTwoLeadersFirst() {
        Run r = run("sensitivity");
        assertOk(r);
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        int head = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("assumption")) {
                head = i;
                break;
            }
        }
        assertTrue(head >= 0, r::describe);
        Set<String> leaders = Set.of(lines.get(head + 1).split("\\s+")[0], lines.get(head + 2).split("\\s+")[0]);
        assertEquals(Set.of("fleet.gpus_planned", "cost.usd_per_gpu_hour"), leaders, r::describe);
        for (int i = 1; i <= 2; i++) {
            String l = lines.get(head + i);
            assertTrue(l.contains("$288,000/day") && l.contains("$432,000/day") && l.contains("40.0 %"), r::describe);
        }
    }

    // ---- serving.gpus at ±10 % ------------------------------------------------------------------------

    @Test
    void peakFactorMovesServingGpus() {
        assertOk(servingJson);
        assertEquals(SERVING_GPUS, servingJson.json().get("base").getAsDouble(), 0.0); // ceil(137.678528e15 x 5 / 312e12)
        JsonObject peak = row(servingJson, "serving.peak_factor").orElseThrow(() -> new AssertionError(servingJson.describe()));
        assertEquals(4.5, peak.get("low").getAsDouble(), 1e-12);
        assertEquals(5.5, peak.get("high").getAsDouble(), 1e-12);
        // worked by hand in the class comment
        assertEquals(1986, Math.ceil(137.678528e15 * 5 * 0.9 / 312e12), 0.0);
        assertEquals(2428, Math.ceil(137.678528e15 * 5 * 1.1 / 312e12), 0.0);
        assertEquals(1986, peak.get("output_at_low").getAsDouble(), 0.0, peak.toString());
        assertEquals(2428, peak.get("output_at_high").getAsDouble(), 0.0, peak.toString());
    }

    @Test
    void theGpuPeakMovesServingGpusTheOtherWay() {
        // 312e12 x 0.9 = 280.8e12: 688.39264e15 / 280.8e12 = 2451.5 -> 2452;
        // 312e12 x 1.1 = 343.2e12: 688.39264e15 / 343.2e12 = 2005.8 -> 2006
        JsonObject peak = row(servingJson, "gpu.flops_bf16").orElseThrow(() -> new AssertionError(servingJson.describe()));
        assertEquals(2452, peak.get("output_at_low").getAsDouble(), 0.0, peak.toString());
        assertEquals(2006, peak.get("output_at_high").getAsDouble(), 0.0, peak.toString());
    }

    @Test
    void aFractionEqualsAPercentage() {
        Run fraction = run("sensitivity", "--output", "serving.gpus", "--swing", "0.1", "--format", "json");
        assertOk(fraction);
        assertEquals(servingJson.out(), fraction.out());
    }

    @Test
    void jsonRowsAreSortedByDecreasingSpread() {
        for (Run r : List.of(defaultJson, servingJson)) {
            double previous = Double.POSITIVE_INFINITY;
            for (JsonObject row : rows(r)) {
                if (!row.has("output_at_low") || !row.has("output_at_high")) {
                    continue; // an end the rules refused: shown with a note, not ranked by this test
                }
                double s = spread(row);
                assertTrue(s <= previous, () -> row + " after a spread of " + r.describe());
                previous = s;
            }
        }
    }

    @Test
    void csvHasAHeaderAndOneLinePerAssumption() {
        Run r = run("sensitivity", "--output", "serving.gpus", "--swing", "10%", "--format", "csv");
        assertOk(r);
        assertEquals(rows(servingJson).size() + 1, r.outLines().size(), r::describe);
        assertTrue(r.outLines().get(0).startsWith("assumption,base,"), r::describe);
    }

    // ---- errors ------------------------------------------------------------------------------------

    @Test
    void swingAboveOneHundredPercent() {
        assertUsageError(run("sensitivity", "--swing", "150%"), "--swing");
    }

    @Test
    void swingNotANumber() {
        assertUsageError(run("sensitivity", "--swing", "abc"), "--swing", "abc");
    }

    @Test
    void swingZero() {
        assertUsageError(run("sensitivity", "--swing", "0%"), "--swing");
    }

    @Test
    void swingNegative() {
        assertUsageError(run("sensitivity", "--swing", "-10%"), "--swing");
    }

    @Test
    void swingOfOneHundredPercent() {
        assertUsageError(run("sensitivity", "--swing", "100%"), "--swing");
    }

    @Test
    void swingNaN() {
        assertUsageError(run("sensitivity", "--swing", "NaN"), "--swing");
    }

    @Test
    void unknownOutput() {
        assertUsageError(run("sensitivity", "--output", "no.such"), "no.such");
    }

    @Test
    void misspeltOutputSuggestsTheClosest() {
        assertUsageError(run("sensitivity", "--output", "serving.gpu"), "serving.gpu", "serving.gpus");
    }

    @Test
    void unknownFormat() {
        assertFails(run("sensitivity", "--format", "xml"), ExitCode.USAGE);
    }
}

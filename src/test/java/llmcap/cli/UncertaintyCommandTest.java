package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.byName;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llmcap estimate --samples N}: the article's scenario states its two traffic figures as
 * triangular ranges (daily users 10e6 / 13e6 / 16e6, characters per user 500 / 1000 / 2000); every
 * headline figure gets P10, P50 and P90. Hand-worked bounds:
 * <pre>
 * serving.daily_tokens at the low ends:  10e6 x 500 x 4/3  = 6.6667e9 token/day
 * serving.daily_tokens at the high ends: 16e6 x 2000 x 4/3 = 4.2667e10 token/day
 * training.gpus (no range reaches it): 3640 PF-day x 1e15 / (312e12 x 0.514) = 22697.8 GPU-day,
 *   / 30 days = 756.6 -> 757
 * </pre>
 */
class UncertaintyCommandTest {

    private static final Path SCENARIO = Path.of("catalog/scenarios/chatgpt-2023-01.yaml");

    static Run seven;
    static Run sevenAgain;
    static Run eight;

    @BeforeAll
    static void runOnce() {
        seven = run("estimate", "--samples", "2000", "--seed", "7", "--format", "json");
        sevenAgain = run("estimate", "--samples", "2000", "--seed", "7", "--format", "json");
        eight = run("estimate", "--samples", "2000", "--seed", "8", "--format", "json");
    }

    private static JsonObject figure(Run r, String name) {
        return byName(r.json().getAsJsonArray("figures"), name).orElseThrow(() -> new AssertionError(
                "no figure " + name + "\n" + r.describe()));
    }

    @Test
    void theSameSeedGivesTheSameOutput() {
        assertOk(seven);
        assertOk(sevenAgain);
        assertEquals(seven.out(), sevenAgain.out());
    }

    @Test
    void anotherSeedGivesOtherPercentiles() {
        assertOk(eight);
        assertNotEquals(seven.out(), eight.out());
        JsonObject a = figure(seven, "serving.daily_tokens");
        JsonObject b = figure(eight, "serving.daily_tokens");
        assertNotEquals(a.get("p50").getAsDouble(), b.get("p50").getAsDouble());
        assertNotEquals(a.get("p10").getAsDouble(), b.get("p10").getAsDouble());
    }

    @Test
    void jsonStatesTheDrawsAndTheRangedInputs() {
        JsonObject o = seven.json();
        assertEquals("chatgpt-2023-01", o.get("scenario").getAsString());
        assertEquals(2000, o.get("samples").getAsInt());
        assertEquals(7, o.get("seed").getAsLong());
        JsonObject users = byName(o.getAsJsonArray("uncertain"), "serving.daily_users").orElseThrow();
        assertEquals("triangular(10000000, 13000000, 16000000)", users.get("distribution").getAsString());
        assertEquals(SCENARIO + ":" + CliTestSupport.lineOf(SCENARIO, "low: 10e6"), users.get("where").getAsString());
        JsonObject chars = byName(o.getAsJsonArray("uncertain"), "serving.chars_per_user").orElseThrow();
        assertEquals("triangular(500, 1000, 2000)", chars.get("distribution").getAsString());
        assertEquals(2, o.getAsJsonArray("uncertain").size());
    }

    @Test
    void percentilesAreOrderedForEveryFigure() {
        for (JsonElement e : seven.json().getAsJsonArray("figures")) {
            JsonObject f = e.getAsJsonObject();
            double p10 = f.get("p10").getAsDouble();
            double p50 = f.get("p50").getAsDouble();
            double p90 = f.get("p90").getAsDouble();
            assertTrue(p10 <= p50 && p50 <= p90, f.toString());
            assertTrue(f.get("n").getAsInt() <= 2000, f.toString());
        }
    }

    @Test
    void dailyTokensLieBetweenTheRangesEnds() {
        double min = 10e6 * 500 * 4.0 / 3; // 6.6667e9
        double max = 16e6 * 2000 * 4.0 / 3; // 4.2667e10
        JsonObject t = figure(seven, "serving.daily_tokens");
        double p10 = t.get("p10").getAsDouble();
        double p50 = t.get("p50").getAsDouble();
        double p90 = t.get("p90").getAsDouble();
        assertTrue(p50 > min && p50 < max, t.toString());
        assertTrue(p10 > min, t.toString());
        assertTrue(p90 < max, t.toString());
        assertTrue(p10 < p90, "a ranged input moves it: " + t);
        assertEquals(2000, t.get("n").getAsInt());
        assertEquals("token/day", t.get("unit").getAsString());
    }

    @Test
    void aFigureNoRangeReachesIsThePlainEstimate() {
        JsonObject t = figure(seven, "training.gpus");
        // 3640 x 1e15 x 86400 / (312e12 x 0.514 x 86400) / 30 = 756.6 -> 757
        double byHand = Math.ceil(3640 * 1e15 / (312e12 * 0.514) / 30);
        assertEquals(757, byHand, 0.0);
        assertEquals(byHand, t.get("p10").getAsDouble(), 0.0, t.toString());
        assertEquals(byHand, t.get("p50").getAsDouble(), 0.0, t.toString());
        assertEquals(byHand, t.get("p90").getAsDouble(), 0.0, t.toString());
        assertEquals(byHand, t.get("mean").getAsDouble(), 0.0, t.toString());
    }

    @Test
    void textNamesTheDrawsAndTheRanges() {
        Run r = run("estimate", "--samples", "200", "--seed", "7");
        assertOk(r);
        assertTrue(r.out().contains("200 draws (seed 7)"), r::describe);
        assertTrue(r.out().contains("serving.daily_users ~ triangular(10000000, 13000000, 16000000)"), r::describe);
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("serving.daily_tokens")), r::describe);
    }

    @Test
    void csvHasAHeaderAndOneLinePerFigure() {
        Run r = run("estimate", "--samples", "200", "--format", "csv");
        assertOk(r);
        assertEquals("figure,P10,P50,P90,mean,derived in", r.outLines().get(0));
        assertTrue(r.outLines().size() > 2, r::describe);
    }

    // ---- errors ------------------------------------------------------------------------------------

    @Test
    void zeroSamples() {
        assertUsageError(run("estimate", "--samples", "0"), "--samples");
    }

    @Test
    void negativeSamples() {
        assertUsageError(run("estimate", "--samples", "-5"), "--samples");
    }

    @Test
    void samplesNotANumber() {
        assertFails(run("estimate", "--samples", "many"), ExitCode.USAGE);
    }

    @Test
    void aScenarioWithoutRanges(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(SCENARIO, StandardCharsets.UTF_8);
        String users = "    low: 10e6\n    mode: 13e6\n    high: 16e6\n";
        String chars = "    low: 500\n    mode: 1000\n    high: 2000\n";
        assertTrue(yaml.contains(users) && yaml.contains(chars), "the scenario file changed; update this test");
        Path file = dir.resolve("plain.yaml");
        Files.writeString(file, yaml.replace(users, "    value: 13e6\n").replace(chars, "    value: 1000\n"));
        // the same scenario without ranges still estimates the article's figures
        Run plain = run("estimate", "--scenario", file.toString(), "--format", "json");
        assertOk(plain);
        assertEquals(13e6, CliTestSupport.value(plain.json(), "serving.daily_users"), 0.0);
        Run r = run("estimate", "--scenario", file.toString(), "--samples", "100");
        assertUsageError(r, "range");
    }

    @Test
    void aRangeWithLowAboveHighNamesFileAndLine(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(SCENARIO, StandardCharsets.UTF_8);
        String users = "    low: 10e6\n    mode: 13e6\n    high: 16e6\n";
        assertTrue(yaml.contains(users), "the scenario file changed; update this test");
        Path file = dir.resolve("upside-down.yaml");
        Files.writeString(file, yaml.replace(users, "    low: 16e6\n    mode: 13e6\n    high: 10e6\n"));
        int line = CliTestSupport.lineOf(file, "low: 16e6");
        Run r = run("estimate", "--scenario", file.toString(), "--samples", "100");
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().contains(file + ":" + line), r::describe);
        assertTrue(r.firstErrLine().contains("above"), r::describe);
    }

    @Test
    void htmlToAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("uncertainty.html");
        Run r = run("estimate", "--samples", "200", "--format", "html", "--out", file.toString());
        assertOk(r);
        assertEquals("", r.out());
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!doctype html>"), () -> html.substring(0, Math.min(200, html.length())));
        assertTrue(html.contains("serving.daily_tokens"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary file left beside it");
        }
        assertFalse(html.isBlank());
    }
}

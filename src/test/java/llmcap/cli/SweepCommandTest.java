package llmcap.cli;

import static llmcap.ArticleChain.SERVING_GPUS;
import static llmcap.ArticleChain.SERVING_GPUS_AT_PEAK_3;
import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.copyTree;
import static llmcap.cli.CliTestSupport.lineOf;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llmcap sweep}: one row per combination of the --vary dimensions. Expected figures are worked
 * by hand from the article's chain (GPT-3.5 175B on A100, 312 TFLOP/s dense BF16):
 * <pre>
 * serving.gpus = ceil(users x 1000 char x 4/3 token/char x 2 x 175e9 FLOP/token / (0.51 x 86400 s)
 *                     x peak factor / 312e12 FLOP/s)
 * users 1e6: 1e6 x 1000 x 4/3 x 3.5e11 = 4.6667e20 FLOP/day / 44064 s = 1.05907e16 FLOP/s,
 *            x 5 / 312e12 = 169.72 -> 170
 * users 1e7: ten times that, 1697.2 -> 1698
 * users 1e8: 16972.2 -> 16973
 * </pre>
 */
class SweepCommandTest {

    private static final Path SERVING = Path.of("rules/serving.drl");

    /** The article's compute-bound serving GPUs, computed here from its inputs. */
    private static double servingGpus(double users, double peakFactor, double peakFlops) {
        double dailyTokens = users * 1000 * (4.0 / 3.0); // chars per user x tokens per char
        double dailyFlops = dailyTokens * 2 * 175e9; // 2N FLOP per token
        double sustained = dailyFlops / (0.51 * 86400); // over 24 h at 51 % utilization
        return Math.ceil(sustained * peakFactor / peakFlops);
    }

    /** The line of serving.drl where the compute-only serving.gpus rule is written. */
    private static int servingGpusRuleLine() {
        return lineOf(SERVING, "rule \"serving.gpus = serving.gpus_compute (sized by compute");
    }

    // ---- CSV ---------------------------------------------------------------------------------------

    @Test
    void logRangeOfDailyUsersAsCsv() {
        Run r = run("sweep", "--vary", "serving.daily_users=1e6..1e8:3:log", "--output", "serving.gpus");
        assertOk(r);
        List<String> lines = r.outLines();
        assertEquals("row,model,gpu,serving.daily_users,serving.gpus [GPU],serving.gpus.source", lines.get(0),
                r::describe);
        assertEquals(4, lines.size(), r::describe);

        double[] users = {1e6, 1e7, 1e8};
        long[] byHand = {170, 1698, 16973}; // worked in the class comment
        for (int i = 0; i < 3; i++) {
            assertEquals(byHand[i], (long) servingGpus(users[i], 5, 312e12), "hand arithmetic for " + users[i]);
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(6, cells.length, lines.get(i + 1));
            assertEquals(Integer.toString(i), cells[0]);
            assertEquals("gpt-3.5", cells[1]);
            assertEquals("a100-80gb-sxm", cells[2]);
            assertEquals(users[i], Double.parseDouble(cells[3]), 0.0, lines.get(i + 1));
            assertEquals(byHand[i], Double.parseDouble(cells[4]), 0.0, lines.get(i + 1));
            assertTrue(cells[5].matches("rules/serving\\.drl:\\d+"), lines.get(i + 1));
            assertEquals("rules/serving.drl:" + servingGpusRuleLine(), cells[5], lines.get(i + 1));
        }
    }

    @Test
    void gpuVariesSlowest() {
        Run r = run("sweep", "--set", "serving.bounds=compute", "--vary", "gpu=a100-80gb-sxm,h100-sxm", "--vary", "serving.peak_factor=3,5",
                "--output", "serving.gpus");
        assertOk(r);
        List<String> lines = r.outLines();
        assertEquals("row,model,gpu,serving.peak_factor,serving.gpus [GPU],serving.gpus.source", lines.get(0));
        assertEquals(5, lines.size(), r::describe);
        String[] gpus = {"a100-80gb-sxm", "a100-80gb-sxm", "h100-sxm", "h100-sxm"};
        double[] peakFactors = {3, 5, 3, 5};
        double[] peaks = {312e12, 312e12, 989e12, 989e12};
        // by hand: sustained 137.678528 PFLOP/s; A100: x3 / 312 T = 1323.8 -> 1324, x5 -> 2206.4 -> 2207;
        // H100: x3 / 989 T = 417.6 -> 418, x5 -> 696.05 -> 697
        long[] byHand = {SERVING_GPUS_AT_PEAK_3, SERVING_GPUS, 418, 697};
        for (int i = 0; i < 4; i++) {
            assertEquals(byHand[i], (long) servingGpus(13e6, peakFactors[i], peaks[i]), "hand arithmetic, row " + i);
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(Integer.toString(i), cells[0]);
            assertEquals("gpt-3.5", cells[1]);
            assertEquals(gpus[i], cells[2], r::describe);
            assertEquals(peakFactors[i], Double.parseDouble(cells[3]), 0.0);
            assertEquals(byHand[i], Double.parseDouble(cells[4]), 0.0, lines.get(i + 1));
        }
    }

    @Test
    void gpuVariesSlowestWhateverTheOrderOfTheOptions() {
        Run a = run("sweep", "--set", "serving.bounds=compute", "--vary", "gpu=a100-80gb-sxm,h100-sxm", "--vary", "serving.peak_factor=3,5",
                "--output", "serving.gpus");
        Run b = run("sweep", "--set", "serving.bounds=compute", "--vary", "serving.peak_factor=3,5", "--vary", "gpu=a100-80gb-sxm,h100-sxm",
                "--output", "serving.gpus");
        assertOk(b);
        assertEquals(a.out(), b.out());
    }

    @Test
    void defaultOutputsHaveAValueAndSourceColumnEach() {
        Run r = run("sweep", "--vary", "serving.peak_factor=3,5");
        assertOk(r);
        assertEquals("row,model,gpu,serving.peak_factor,serving.gpus [GPU],serving.gpus.source,"
                + "training.gpus [GPU],training.gpus.source,fleet.gpus [GPU],fleet.gpus.source,"
                + "cost.fleet_daily_usd [USD/day],cost.fleet_daily_usd.source,"
                + "cost.usd_per_million_tokens [USD/Mtoken],cost.usd_per_million_tokens.source",
                r.outLines().get(0));
        assertEquals(3, r.outLines().size());
        // training does not depend on the peak factor: 757 GPU in both rows (EstimateCommandTest's arithmetic)
        for (String line : r.outLines().subList(1, 3)) {
            assertEquals("757", line.split(",", -1)[6], line);
        }
    }

    // ---- JSON Lines --------------------------------------------------------------------------------

    @Test
    void jsonLinesCarryValueUnitRuleSourceAndInputs() {
        Run r = run("sweep", "--set", "serving.bounds=compute", "--vary", "gpu=a100-80gb-sxm,h100-sxm", "--vary", "serving.peak_factor=3,5",
                "--output", "serving.gpus", "--format", "jsonl");
        assertOk(r);
        List<String> lines = r.outLines();
        assertEquals(4, lines.size(), r::describe);
        long[] byHand = {SERVING_GPUS_AT_PEAK_3, SERVING_GPUS, 418, 697}; // as in gpuVariesSlowest
        String[] factors = {"3", "5", "3", "5"};
        for (int i = 0; i < 4; i++) {
            JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            assertEquals(i, o.get("row").getAsInt());
            assertEquals("gpt-3.5", o.get("model").getAsString());
            assertEquals(i < 2 ? "a100-80gb-sxm" : "h100-sxm", o.get("gpu").getAsString());
            assertEquals(Double.parseDouble(factors[i]),
                    Double.parseDouble(o.getAsJsonObject("vary").get("serving.peak_factor").getAsString()), 0.0);
            JsonObject g = o.getAsJsonObject("outputs").getAsJsonObject("serving.gpus");
            assertEquals(byHand[i], g.get("value").getAsDouble(), 0.0, lines.get(i));
            assertEquals("GPU", g.get("unit").getAsString());
            assertTrue(g.get("rule").getAsString().startsWith("serving.gpus = "), lines.get(i));
            assertEquals("rules/serving.drl:" + servingGpusRuleLine(), g.get("source").getAsString());
            assertTrue(g.get("inputs").isJsonArray());
            List<String> inputs = g.getAsJsonArray("inputs").asList().stream().map(e -> e.getAsString()).toList();
            assertTrue(inputs.contains("serving.gpus_compute"), lines.get(i));
        }
    }

    @Test
    void aRulesFolderWithACommaInItsPathKeepsEveryRowWhole(@TempDir Path tmp) {
        Path rules = tmp.resolve("plan, v2").resolve("rules");
        copyTree(Path.of("rules"), rules);
        Run r = run("sweep", "--rules", rules.toString(), "--vary", "serving.peak_factor=3,5",
                "--output", "serving.gpus");
        assertOk(r);
        List<List<String>> rows = llmcap.CsvRows.parse(r.out());
        List<String> head = rows.get(0);
        assertEquals(List.of("row", "model", "gpu", "serving.peak_factor", "serving.gpus [GPU]", "serving.gpus.source"),
                head, r::describe);
        assertEquals(3, rows.size(), r::describe);
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(head.size(), row.size(), () -> row + "\n" + r.describe());
            assertEquals(rules + "/serving.drl:" + servingGpusRuleLine(), row.get(5), r::describe);
        }
    }

    // ---- --out -------------------------------------------------------------------------------------

    @Test
    void outWritesTheFileAndNothingOnStdout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sweep.csv");
        String[] args = {"sweep", "--vary", "serving.daily_users=1e6..1e8:3:log", "--output", "serving.gpus"};
        Run toFile = run(concat(args, "--out", file.toString()));
        assertOk(toFile);
        assertEquals("", toFile.out(), toFile::describe);
        assertTrue(Files.isRegularFile(file));
        assertEquals(run(args).out(), Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of(file), listing(dir), "no temporary file left beside it");
    }

    @Test
    void outIntoAMissingFolderExits5AndLeavesNothing(@TempDir Path dir) {
        Path file = dir.resolve("no/such/dir/x.csv");
        Run r = run("sweep", "--vary", "serving.peak_factor=3,5", "--out", file.toString());
        assertEquals(ExitCode.IO, r.exit(), r::describe);
        assertEquals("", r.out(), r::describe);
        assertEquals(1, r.errLines().size(), r::describe);
        assertTrue(r.firstErrLine().contains("x.csv") && r.firstErrLine().contains("does not exist"), r::describe);
        CliTestSupport.assertNoStackTrace(noExceptionCheck(r));
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void outIntoNoSuchDirExits5() {
        Run r = run("sweep", "--vary", "serving.peak_factor=3,5", "--out", "/no/such/dir/x.csv");
        assertEquals(ExitCode.IO, r.exit(), r::describe);
        assertEquals("", r.out(), r::describe);
        assertTrue(r.firstErrLine().contains("/no/such/dir"), r::describe);
        assertFalse(Files.exists(Path.of("/no/such/dir/x.csv")));
    }

    @Test
    void outIntoNoSuchDirNamesNoExceptionClass() {
        assertFails(run("sweep", "--vary", "serving.peak_factor=3,5", "--out", "/no/such/dir/x.csv"), ExitCode.IO);
    }

    @Test
    void aSweepThatFailsBeforeWritingKeepsTheOldFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sweep.csv");
        Files.writeString(file, "old content\n");
        Run r = run("sweep", "--vary", "serving.peak_factor=3,5", "--output", "serving.gpu", "--out", file.toString());
        assertUsageError(r, "serving.gpu", "did you mean serving.gpus");
        assertEquals("old content\n", Files.readString(file));
        assertEquals(List.of(file), listing(dir));
    }

    @Test
    void aSweepWhoseRulesFailMidRunKeepsTheOldFileAndLeavesNoTemporaryFile(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copyTree(Path.of("rules"), rules);
        // the copied serving.drl divides the day's FLOP by serving.utilization: 0 on the second row
        assertTrue(Files.readString(rules.resolve("serving.drl")).contains("$daily / ($hours * 3600 * $u)"));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Path file = out.resolve("sweep.csv");
        Files.writeString(file, "old content\n");
        Run r = run("sweep", "--rules", rules.toString(), "--vary", "serving.utilization=0.5,0",
                "--output", "serving.gpus", "--out", file.toString());
        assertFails(r, ExitCode.RULES);
        assertTrue(r.firstErrLine().contains("serving.drl"), r::describe);
        assertEquals("old content\n", Files.readString(file));
        assertEquals(List.of(file), listing(out), "no temporary file left in the folder");
    }

    @Test
    void rulesFailingMidRunToStdoutExit4() {
        Run r = run("sweep", "--vary", "serving.utilization=0.5,0", "--output", "serving.gpus");
        assertEquals(ExitCode.RULES, r.exit(), r::describe);
        CliTestSupport.assertNoStackTrace(r);
        assertTrue(r.err().contains("rules/serving.drl:"), r::describe);
    }

    // ---- usage errors ------------------------------------------------------------------------------

    @Test
    void malformedVary() {
        assertUsageError(run("sweep", "--vary", "serving.daily_users=1e6..1e8"), "serving.daily_users=1e6..1e8",
                "LOW..HIGH:COUNT");
    }

    @Test
    void countBeyondIntRange() {
        assertUsageError(run("sweep", "--vary", "serving.daily_users=1..2:99999999999"), "99999999999");
    }

    @Test
    void varyWithABlankName() {
        Run r = run("sweep", "--vary", " =3");
        assertFails(r, ExitCode.USAGE);
    }

    @Test
    void varyWithoutEquals() {
        assertUsageError(run("sweep", "--vary", "serving.peak_factor"), "serving.peak_factor", "NAME=");
    }

    @Test
    void unknownOutputSuggestsTheClosest() {
        assertUsageError(run("sweep", "--vary", "serving.peak_factor=3,5", "--output", "serving.gpu"),
                "--output serving.gpu", "did you mean serving.gpus");
    }

    @Test
    void unknownGpuInVary() {
        Run r = run("sweep", "--vary", "gpu=a100-80gb-sxm,h100");
        assertUsageError(r, "'h100'", "h100-sxm");
    }

    @Test
    void unknownModelInVary() {
        assertUsageError(run("sweep", "--vary", "model=gpt-3.5,nope"), "'nope'", "gpt-3.5");
    }

    @Test
    void nonNumberForANumericAssumption() {
        assertUsageError(run("sweep", "--vary", "serving.peak_factor=3,abc"), "serving.peak_factor", "abc");
    }

    @Test
    void nonNumberAsTheFirstValue() {
        assertUsageError(run("sweep", "--vary", "serving.peak_factor=abc"), "serving.peak_factor", "abc");
    }

    @Test
    void unknownAssumptionSuggestsTheClosest() {
        assertUsageError(run("sweep", "--vary", "serving.peak_factr=3,5"), "serving.peak_factr",
                "did you mean serving.peak_factor");
    }

    @Test
    void lowAboveHigh() {
        assertUsageError(run("sweep", "--vary", "serving.peak_factor=5..1:3"), "serving.peak_factor=5..1:3", "above");
    }

    @Test
    void varyGpuWithGpu() {
        assertUsageError(run("sweep", "--vary", "gpu=a100-80gb-sxm,h100-sxm", "--gpu", "h100-sxm"), "--vary gpu",
                "--gpu");
    }

    @Test
    void varyModelWithModel() {
        assertUsageError(run("sweep", "--vary", "model=gpt-3.5", "--model", "gpt-3.5"), "--vary model", "--model");
    }

    @Test
    void theSameDimensionTwice() {
        assertUsageError(run("sweep", "--vary", "serving.peak_factor=3", "--vary", "serving.peak_factor=5"),
                "serving.peak_factor", "twice");
    }

    @Test
    void varyIsRequired() {
        assertFails(run("sweep"), ExitCode.USAGE);
    }

    @Test
    void unknownFormat() {
        assertFails(run("sweep", "--vary", "serving.peak_factor=3", "--format", "xml"), ExitCode.USAGE);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /** The run with "java.io.IOException: " taken out of stderr (a known bug, tested on its own above). */
    private static Run noExceptionCheck(Run r) {
        return new Run(r.args(), r.exit(), r.out(), r.err().replace("java.io.IOException: ", ""));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}

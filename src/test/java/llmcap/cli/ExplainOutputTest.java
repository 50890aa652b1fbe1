package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import llmcap.catalog.Fields;
import llmcap.catalog.YNode;
import llmcap.catalog.Yaml;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What issue 12 found in {@code explain}: 150 lines for one number, 40 of them "the same rule also
 * set", no arithmetic, no depth limit, no {@code --format} or {@code --out}. Each defect a test.
 */
class ExplainOutputTest {

    /** A screen or so: what a headline figure's explanation fits in by default. */
    private static final int SCREEN_LINES = 60;

    @Test
    void servingGpusOfTheDefaultScenarioFitsOnAScreen() {
        Run r = run("explain", "serving.gpus");
        assertOk(r);
        assertTrue(r.outLines().size() <= SCREEN_LINES, () -> r.outLines().size() + " lines\n" + r.describe());
    }

    @Test
    void aDeepTreeIsCutAtTheDefaultDepthSayingHowMuchIsHidden() {
        // On an H100 serving is sized by the throughput model: a tree of hundreds of lines in all.
        Run all = run("explain", "serving.gpus", "--gpu", "h100-sxm", "--depth", "all");
        Run cut = run("explain", "serving.gpus", "--gpu", "h100-sxm");
        assertOk(all);
        assertOk(cut);
        assertTrue(all.outLines().size() > 2 * SCREEN_LINES, all::describe);
        assertTrue(cut.outLines().size() <= SCREEN_LINES, cut::describe);
        assertTrue(cut.outLines().stream().anyMatch(l -> l.matches(".*… \\d+ more numbers? below, not shown \\(--depth all shows them\\)")),
                cut::describe);
        assertFalse(all.out().contains("more number"), all::describe);
    }

    @Test
    void theSameRuleAlsoSetIsOneLineAndNeverUnderACatalogEntry() {
        Run r = run("explain", "serving.gpus", "--depth", "all");
        assertOk(r);
        List<String> lines = r.outLines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("the same rule also set")) {
                assertFalse(lines.get(i - 1).contains("the same rule also set"), "repeated at line " + (i + 1) + "\n" + r.describe());
                int at = i;
                assertTrue(lines.subList(Math.max(0, i - 3), i).stream().anyMatch(l -> l.contains("rule \"")),
                        () -> "not under a rule at line " + (at + 1) + "\n" + r.describe());
            }
        }
        // The A100's catalog entry gives a dozen figures; none of them is "set by the same rule".
        int entry = lines.indexOf(lines.stream().filter(l -> l.strip().endsWith("catalog/gpus.yaml#a100-80gb-sxm"))
                .findFirst().orElseThrow());
        assertFalse(lines.get(entry + 1).contains("the same rule"), r::describe);
        assertEquals(1, lines.stream().filter(l -> l.contains("the same rule also set")).count(), r::describe);
    }

    @Test
    void aSubTreeShownBeforeIsReferredTo() {
        // inference.gpus_per_replica feeds both the replica rate and the GPU count.
        Run r = run("explain", "serving.gpus", "--gpu", "h100-sxm", "--depth", "all");
        assertOk(r);
        long full = r.outLines().stream().filter(l -> l.matches("[│├└─ ]*inference\\.gpus_per_replica = 8 GPU")).count();
        long referred = r.outLines().stream().filter(l -> l.matches("[│├└─ ]*inference\\.gpus_per_replica = 8 GPU  \\(shown above\\)"))
                .count();
        assertEquals(1, full, r::describe);
        assertTrue(referred >= 1, r::describe);
    }

    /**
     * The serving GPUs' arithmetic against the article (catalog/validation/article-chatgpt-2023-01.yaml,
     * figures #6 and #7 with their tolerances): 137 PFLOP/s sustained x 5 at the peak / 0.312 PFLOP/s
     * per A100 = 2,195 GPUs. llmcap carries 137.68 PFLOP/s: 137.68 x 5 = 688.4 PFLOP/s; 688.4 / 0.312 =
     * 2,206.4, rounded up to a whole GPU.
     */
    @Test
    void servingGpusShowsItsArithmeticWithTheArticlesNumbers() {
        Run r = run("explain", "serving.gpus");
        assertOk(r);
        Matcher m = Pattern.compile("([\\d.,]+) PFLOP/s / ([\\d.,]+) TFLOP/s = ([\\d.,]+), rounded up: ([\\d,]+) GPU$")
                .matcher(r.out().lines().filter(l -> l.contains("rounded up")).findFirst().orElse(""));
        assertTrue(m.find(), r::describe);
        double peak = number(m.group(1)) * 1e15;
        double perGpu = number(m.group(2)) * 1e12;
        double quotient = number(m.group(3));
        double gpus = number(m.group(4));
        assertWithin(published("serving.sustained_flops") * 5, peak, tolerance("serving.sustained_flops"), "peak FLOP/s");
        assertEquals(312e12, perGpu, "the A100's dense BF16 peak, the article's 0.312 PFLOPS");
        assertEquals(peak / perGpu, quotient, 0.1, "the quotient of the two numbers shown (4 digits each)");
        assertEquals(Math.ceil(quotient), gpus, "rounded up to a whole GPU");
        assertWithin(published("serving.gpus"), gpus, tolerance("serving.gpus"), "serving GPUs");
        assertEquals("serving.gpus = " + m.group(4) + " GPU", r.outLines().get(0));
    }

    @Test
    void depthOneShowsTheInputsAndCountsTheRest() {
        Run r = run("explain", "serving.gpus", "--depth", "1");
        assertOk(r);
        assertTrue(r.out().contains("serving.gpus_compute = "), r::describe);
        assertFalse(r.out().contains("serving.peak_flops = "), "two levels down\n" + r.describe());
        assertTrue(r.out().contains("more numbers below"), r::describe);
        assertEquals(run("explain", "serving.gpus", "--depth", "all").out(), run("explain", "serving.gpus", "--depth", "0").out());
    }

    @Test
    void aBadDepthIsAUsageError() {
        assertUsageError(run("explain", "serving.gpus", "--depth", "deep"), "--depth 'deep'", "all");
        assertUsageError(run("explain", "serving.gpus", "--depth", "-2"), "--depth '-2'");
    }

    @Test
    void jsonGivesTheTreeWithArithmetic() {
        Run r = run("explain", "serving.gpus", "--format", "json");
        assertOk(r);
        JsonObject doc = r.json();
        assertEquals("chatgpt-2023-01", doc.get("scenario").getAsString());
        assertEquals("all", doc.get("depth").getAsString(), "JSON is read by programs: every level unless told");
        JsonObject tree = doc.getAsJsonArray("explain").get(0).getAsJsonObject().getAsJsonObject("tree");
        assertEquals("serving.gpus", tree.get("name").getAsString());
        JsonObject compute = child(tree, "serving.gpus_compute").orElseThrow();
        assertTrue(compute.get("arithmetic").getAsString().contains(", rounded up: "), compute.toString());
        assertTrue(child(compute, "serving.peak_flops").isPresent());
    }

    @Test
    void jsonCutAtADepthSaysWhatIsHidden() {
        JsonObject tree = run("explain", "serving.gpus", "--format", "json", "--depth", "1").json()
                .getAsJsonArray("explain").get(0).getAsJsonObject().getAsJsonObject("tree");
        JsonObject compute = child(tree, "serving.gpus_compute").orElseThrow();
        assertFalse(compute.has("inputs"), compute.toString());
        assertTrue(compute.get("hidden").getAsInt() > 5, compute.toString());
    }

    @Test
    void markdownIsANestedListWithTheArithmeticAsCode() {
        Run r = run("explain", "serving.gpus", "--format", "markdown");
        assertOk(r);
        assertEquals("## `serving.gpus`", r.outLines().get(0));
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("- **`serving.gpus` = ")), r::describe);
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("  - **`serving.gpus_compute` = ")), r::describe);
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches(" +`.* PFLOP/s / 312 TFLOP/s = .*, rounded up: .* GPU`")),
                r::describe);
        assertFalse(r.out().contains("│"), "no box drawing in Markdown");
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheValidOnes() {
        Run r = run("explain", "serving.gpus", "--format", "html");
        assertFails(r, ExitCode.USAGE);
        assertTrue(r.err().contains("text, json, markdown"), r::describe);
    }

    @Test
    void outWritesTheFileAndNothingToStdout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("explain.md");
        Run r = run("explain", "serving.gpus", "--format", "markdown", "--out", file.toString());
        assertOk(r);
        assertEquals("", r.out());
        assertEquals(run("explain", "serving.gpus", "--format", "markdown").out(), Files.readString(file));
    }

    private static Optional<JsonObject> child(JsonObject node, String name) {
        if (!node.has("inputs")) {
            return Optional.empty();
        }
        return node.getAsJsonArray("inputs").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(n -> n.get("name").getAsString().equals(name)).findFirst();
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.replace(",", ""));
    }

    private static void assertWithin(double expected, double actual, double percent, String what) {
        assertTrue(Math.abs(actual - expected) <= Math.abs(expected) * percent / 100 + 1e-9,
                what + ": " + actual + " is not within " + percent + " % of " + expected);
    }

    private static YNode check(String quantity) {
        Path file = Path.of("catalog/validation/article-chatgpt-2023-01.yaml");
        for (YNode n : new Fields(Yaml.read(file, file.toString()), "case").list("checks")) {
            if (new Fields(n, "check").text("quantity").equals(quantity)) {
                return n;
            }
        }
        throw new AssertionError("no check of " + quantity + " in " + file);
    }

    private static double published(String quantity) {
        return new Fields(check(quantity), "check").number("published");
    }

    private static double tolerance(String quantity) {
        return new Fields(check(quantity), "check").number("tolerance_percent");
    }
}

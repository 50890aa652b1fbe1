package llmcap.cli;

import static llmcap.ArticleChain.SERVING_GPUS;
import static llmcap.ArticleChain.SERVING_GPUS_AT_PEAK_3;
import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.lineOf;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code llmcap explain NAME}: the derivation tree down to catalog entries, scenario lines and defaults. */
class ExplainCommandTest {

    static Run servingGpus;

    @BeforeAll
    static void runOnce() {
        servingGpus = run("explain", "serving.gpus");
    }

    @Test
    void servingGpusExitsZero() {
        assertOk(servingGpus);
        assertEquals("", servingGpus.err());
    }

    @Test
    void firstLineIsTheValue2207() {
        // ceil(137.678528e15 x 5 / 312e12) = 2207
        assertEquals(String.format("serving.gpus = %,d GPU", SERVING_GPUS), servingGpus.outLines().get(0));
    }

    @Test
    void namesTheRuleFileAndLine() {
        int line = lineOf(Path.of("rules/serving.drl"), "rule \"serving.gpus");
        assertTrue(servingGpus.out().contains("rules/serving.drl:" + line), servingGpus::describe);
    }

    @Test
    void reachesTheGpuCatalogEntry() {
        assertTrue(servingGpus.out().contains("catalog/gpus.yaml#a100-80gb-sxm"), servingGpus::describe);
    }

    @Test
    void reachesTheScenarioLineOfDailyUsers() {
        // serving.daily_users: is written on line N with its value: on line N + 1; either names the figure.
        int line = lineOf(Path.of("catalog/scenarios/chatgpt-2023-01.yaml"), "serving.daily_users:");
        String file = "scenario catalog/scenarios/chatgpt-2023-01.yaml:";
        assertTrue(servingGpus.outLines().stream().anyMatch(l -> l.endsWith(file + line) || l.endsWith(file + (line + 1))),
                servingGpus::describe);
    }

    @Test
    void reachesTheDefaultRules() {
        int line = lineOf(Path.of("rules/assumptions.drl"), "rule \"serving.peak_factor");
        assertTrue(servingGpus.out().contains("default rule"), servingGpus::describe);
        assertTrue(servingGpus.outLines().stream().anyMatch(l -> l.contains("default rule")
                && l.contains("rules/assumptions.drl:" + line)), servingGpus::describe);
    }

    @Test
    void reachesEveryInputOfTheServingChain() {
        for (String name : new String[] {"serving.peak_flops", "serving.sustained_flops", "serving.daily_tokens",
            "serving.daily_users", "serving.chars_per_user", "model.params", "gpu.peak_flops", "gpu.flops_bf16"}) {
            assertTrue(servingGpus.outLines().stream().anyMatch(l -> l.contains(name + " = ")),
                    () -> name + " missing\n" + servingGpus.describe());
        }
    }

    @Test
    void setShowsTheCommandLineAsTheOrigin() {
        Run r = run("explain", "serving.gpus", "--set", "serving.peak_factor=3");
        assertOk(r);
        // ceil(137.678528e15 x 3 / 312e12) = ceil(1323.8) = 1324
        assertEquals(String.format("serving.gpus = %,d GPU", SERVING_GPUS_AT_PEAK_3), r.outLines().get(0));
        assertTrue(r.out().contains("command line --set serving.peak_factor=3"), r::describe);
        assertFalse(r.out().contains("rule \"serving.peak_factor"), "the default rule no longer applies");
    }

    @Test
    void twoNamesExplainBoth() {
        Run r = run("explain", "serving.gpus", "inference.gpus");
        assertOk(r);
        assertEquals(String.format("serving.gpus = %,d GPU", SERVING_GPUS), r.outLines().get(0));
        // ceil(175e9 x 4 B / 80e9 B) = ceil(8.75) = 9
        assertTrue(r.outLines().contains("inference.gpus = 9 GPU"), r::describe);
    }

    @Test
    void unknownNameExits2NamingIt() {
        Run r = run("explain", "no.such");
        assertUsageError(r, "'no.such'");
    }

    @Test
    void misspeltNameSuggestsTheRightOne() {
        Run r = run("explain", "serving.gpu");
        assertUsageError(r, "'serving.gpu'", "did you mean serving.gpus");
    }

    @Test
    void noNameIsAUsageError() {
        Run r = run("explain");
        assertFails(r, ExitCode.USAGE);
    }
}

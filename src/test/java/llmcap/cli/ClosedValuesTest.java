package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings (and the ZeRO stage) whose default rule declares their values with {@code @values(...)} are
 * checked before any rule fires: a value outside them is the input's mistake, named with the valid values,
 * a usage error from {@code --set} (exit 2) or a scenario error at its line (exit 3).
 */
class ClosedValuesTest {

    /** The defect: a rule threw on stage 5 and the run exited 4, "bad rules". */
    @Test
    void aZeroStageOutsideZeroToThreeIsAUsageErrorNamingThem() {
        assertUsageError(run("estimate", "--set", "training.zero_stage=5"), "--set training.zero_stage", "'5'",
                "0, 1, 2, 3", "@values at rules/training_assumptions.drl:");
    }

    @Test
    void aRecomputeOutsideItsValuesIsAUsageErrorNamingThemAndTheClosest() {
        assertUsageError(run("estimate", "--set", "training.recompute=selectve"), "--set training.recompute",
                "'selectve'", "none, selective, full", "did you mean selective?");
    }

    @Test
    void aValueInAnotherCaseIsNotRefusedAsOutsideTheValues() {
        Run r = run("estimate", "--set", "training.recompute=FULL");
        assertFalse(r.err().contains("is not one of the values"), r::describe);
    }

    @Test
    void aScenarioRecomputeOutsideItsValuesIsAScenarioErrorAtItsLine(@TempDir Path dir) throws IOException {
        String first = scenarioError(dir, "training.recompute:\n    value: sometimes\n");
        assertTrue(first.contains(":11: scenario 't-values': training.recompute: 'sometimes' is not one of the values"
                + " training.recompute takes"), first);
        assertTrue(first.endsWith(": none, selective, full"), first);
    }

    /** The defect, from a scenario: exit 4, "bad rules", for the scenario's mistake. */
    @Test
    void aScenarioZeroStageOutsideItsValuesIsAScenarioErrorAtItsLine(@TempDir Path dir) throws IOException {
        String first = scenarioError(dir, "training.zero_stage:\n    value: 5\n    unit: \"1\"\n");
        assertTrue(first.endsWith(": 0, 1, 2, 3"), first);
    }

    /** The first error line of an estimate of a scenario whose value on line 11 is wrong: exit 3, at that line. */
    private static String scenarioError(Path dir, String value) throws IOException {
        Path file = scenario(dir, value);
        Run r = run("estimate", "--scenario", file.toString());
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().startsWith(file + ":11: "), r::describe);
        return r.firstErrLine();
    }

    @Test
    void aSweepOverAValueOutsideTheValuesFailsBeforeAnyRow() {
        Run r = run("sweep", "--vary", "training.recompute=none,sometimes", "--output", "training.gpus");
        assertUsageError(r, "training.recompute", "'sometimes'", "none, selective, full");
    }

    /** A training scenario whose tenth line starts the value under test (so the value's own line is 11). */
    private static Path scenario(Path dir, String value) throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, """
                id: t-values
                title: a training plan with one value outside its setting's values
                source: "a test"
                model: llama-2-70b
                gpu: h100-sxm
                assumptions:
                  training.days:
                    value: 30
                    unit: day
                  VALUE""".replace("VALUE", value));
        return file;
    }
}

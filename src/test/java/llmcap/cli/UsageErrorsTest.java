package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.lineOf;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;

/**
 * Command-line mistakes: exit 2 (4 for a --set that contradicts a rule), nothing on stdout, and a first
 * line on stderr that names the mistake (then the synopsis and a pointer to --help), without a stack trace.
 */
class UsageErrorsTest {

    @Test
    void unknownGpuListsTheValidIdsAndSuggestsH100Sxm() {
        Run r = run("estimate", "--gpu", "h100-sx");
        assertUsageError(r, "'h100-sx'", "known:", "a100-80gb-sxm", "h100-sxm");
        String first = r.firstErrLine();
        int mean = first.indexOf("did you mean");
        assertTrue(mean >= 0, r::describe);
        assertTrue(first.substring(mean, first.indexOf('?', mean)).contains("h100-sxm"), r::describe);
    }

    @Test
    void anIdThatBeginsSeveralIdsNamesThemAll() {
        assertUsageError(run("estimate", "--gpu", "h100"), "'h100'", "ambiguous: h100-sxm, h100-pcie, h100-nvl");
    }

    @Test
    void unknownModel() {
        assertUsageError(run("estimate", "--model", "nope"), "model", "'nope'", "gpt-3.5");
    }

    @Test
    void unknownScenarioId() {
        assertUsageError(run("estimate", "--scenario", "nope"), "scenario", "'nope'", "chatgpt-2023-01");
    }

    @Test
    void missingScenarioFile() {
        assertUsageError(run("estimate", "--scenario", "/no/such.yaml"), "/no/such.yaml", "no such file");
    }

    @Test
    void setWithoutEquals() {
        assertUsageError(run("estimate", "--set", "key"), "'key'", "NAME=VALUE");
    }

    @Test
    void setWithEmptyValue() {
        assertUsageError(run("estimate", "--set", "key="), "'key='", "value", "empty");
    }

    @Test
    void setWithEmptyName() {
        assertUsageError(run("estimate", "--set", "=3"), "'=3'", "name", "empty");
    }

    @Test
    void setWithANonNumber() {
        assertUsageError(run("estimate", "--set", "serving.peak_factor=abc"), "serving.peak_factor", "'abc'");
    }

    @Test
    void setWithAUnitSuffix() {
        assertUsageError(run("estimate", "--set", "gpu.memory_bytes=80GB"), "gpu.memory_bytes", "'80GB'");
    }

    @Test
    void setOutOfRange() {
        assertUsageError(run("estimate", "--set", "serving.peak_factor=1e999"), "serving.peak_factor", "out of range");
    }

    @Test
    void setWithAMisspeltNameSuggestsTheRightOne() {
        assertUsageError(run("estimate", "--set", "serving.peak_factr=3"), "serving.peak_factr",
                "did you mean serving.peak_factor");
    }

    @Test
    void setGivenTwice() {
        assertUsageError(run("estimate", "--set", "serving.peak_factor=3", "--set", "serving.peak_factor=4"),
                "serving.peak_factor", "twice");
    }

    @Test
    void setOfADerivedQuantityConflictsWithItsRule() {
        Run r = run("estimate", "--set", "serving.gpus=5");
        assertFails(r, ExitCode.RULES);
        assertEquals(1, r.errLines().size(), r::describe);
        int line = lineOf(Path.of("rules/serving.drl"), "rule \"serving.gpus = serving.gpus_compute (sized by compute");
        String first = r.firstErrLine();
        assertTrue(first.contains("serving.gpus"), r::describe);
        assertTrue(first.contains("--set serving.gpus=5"), r::describe);
        assertTrue(first.contains("rules/serving.drl:" + line), r::describe);
    }

    @Test
    void unknownOption() {
        Run r = run("estimate", "--bogus");
        assertFails(r, ExitCode.USAGE);
        assertTrue(r.firstErrLine().contains("--bogus"), r::describe);
    }

    @Test
    void unknownFormat() {
        Run r = run("estimate", "--format", "xml");
        assertFails(r, ExitCode.USAGE);
        assertTrue(r.firstErrLine().contains("'xml'"), r::describe);
    }

    /**
     * Mistakes picocli finds while parsing and mistakes llmcap finds afterwards read the same: the
     * message, the command's synopsis, a pointer to --help; never the whole help text.
     */
    @Test
    void everyUsageErrorIsMessageSynopsisAndHint() {
        for (String[] args : new String[][] {{"estimate", "--bogus"}, {"estimate", "--format", "xml"},
            {"catalog", "nonsense"}, {"estimate", "--set", "key"}, {"estimate", "--gpu", "h100"}}) {
            Run r = run(args);
            assertFails(r, ExitCode.USAGE);
            List<String> lines = r.errLines();
            assertTrue(lines.get(0).startsWith("llmcap: "), r::describe);
            assertTrue(lines.get(1).startsWith("Usage: llmcap " + args[0]), r::describe);
            assertEquals("Try 'llmcap " + args[0] + " --help' for more information.", lines.get(lines.size() - 1), r::describe);
            assertTrue(lines.size() <= 6, r::describe);
        }
    }

    @Test
    void rulesFolderThatDoesNotExist() {
        assertUsageError(run("estimate", "--rules", "/no/such/dir"), "/no/such/dir", "not a folder");
    }

    @Test
    void catalogFolderThatDoesNotExist() {
        assertUsageError(run("estimate", "--catalog", "/no/such/dir"), "/no/such/dir", "not a folder");
    }
}

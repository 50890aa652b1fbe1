package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad input is quoted in a short excerpt, never echoed whole: a plain-text file given as a scenario
 * (3 MB on one error line before), {@code /etc/passwd}, a 100 KB id or value typed on the command line.
 */
class LongInputMessagesTest {

    private static final int SHORT = 600;

    @TempDir
    Path dir;

    private static void assertShort(CliTestSupport.Run r, int exit) {
        assertFails(r, exit);
        for (String line : r.errLines()) {
            assertTrue(line.length() <= SHORT, () -> line.length() + " characters: " + line.substring(0, 200));
        }
    }

    @Test
    void aPlainTextScenarioIsQuotedInAFewWords() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.yaml"), "word ".repeat(600_000));
        CliTestSupport.Run r = run("estimate", "--scenario", text.toString());
        assertShort(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().contains(" characters)'"), r.firstErrLine());
    }

    @Test
    void etcPasswdIsNotPrinted() throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n".repeat(30));
        for (Path p : new Path[] {passwd, Path.of("/etc/passwd")}) {
            if (Files.isReadable(p)) {
                CliTestSupport.Run r = run("estimate", "--scenario", p.toString());
                assertShort(r, ExitCode.CATALOG);
                assertFalse(r.err().contains("nologin"), r.firstErrLine());
            }
        }
    }

    @Test
    void a100KbIdOrValueIsQuotedInAFewWordsAndAnsweredAtOnce() {
        String huge = "h100-".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertShort(run("estimate", "--gpu", huge), ExitCode.USAGE);
            assertShort(run("estimate", "--scenario", huge.replace('-', 'x')), ExitCode.USAGE);
            assertShort(run("estimate", "--set", "serving.peak_factor=" + huge), ExitCode.USAGE);
            assertShort(run("estimate", "--set", "inference.weight_dtype=" + huge), ExitCode.USAGE);
            assertShort(run("estimate", "--set", huge + "=3"), ExitCode.USAGE);
            assertShort(run("sweep", "--vary", "serving.peak_factor=" + huge), ExitCode.USAGE);
            assertShort(run("explain", huge.replace('-', '.')), ExitCode.USAGE);
            assertShort(run("estimate", "--" + huge), ExitCode.USAGE);
        });
    }
}

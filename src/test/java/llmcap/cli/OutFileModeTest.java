package llmcap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A report written with {@code --out} is a file the team can read: a new file gets the permissions a
 * shell redirection would give it under the user's umask (0666 less the umask), not 0600. Run as a
 * separate process under a stated umask, so the test does not depend on the umask it is run with.
 */
class OutFileModeTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "umask {0}, {1}")
    @CsvSource({
        "022, estimate, rw-r--r--", // 0666 & ~022
        "027, estimate, rw-r-----", // 0666 & ~027
        "002, sweep,    rw-rw-r--", // 0666 & ~002
    })
    void aNewFileGetsWhatTheUmaskGives(String umask, String command, String expected) throws Exception {
        Path out = dir.resolve("report.out");
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh", jvm, "-cp",
                System.getProperty("java.class.path"), "llmcap.cli.Main", command, "--out", out.toString()));
        if (command.equals("sweep")) {
            cmd.addAll(List.of("--vary", "serving.peak_factor=3,5", "--output", "serving.gpus"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not end");
        assertEquals(0, p.exitValue(), printed);
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
}

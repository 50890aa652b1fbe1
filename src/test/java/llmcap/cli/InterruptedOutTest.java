package llmcap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sweep interrupted while it writes {@code --out} (Ctrl-C, or SIGTERM from a job scheduler) leaves
 * neither its temporary file nor a partial output: run as a separate process, signalled mid-write.
 */
class InterruptedOutTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void anInterruptedSweepLeavesNoTemporaryFile(String signal) throws Exception {
        Path out = dir.resolve("grid.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "llmcap.cli.Main", "sweep",
                "--vary", "serving.daily_users=1e6..1e8:5000000", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (temporaryFiles().stream().noneMatch(t -> size(t) > 100_000)) {
                assertTrue(p.isAlive(), "the sweep ended before it was interrupted");
                assertTrue(System.nanoTime() < deadline, "no temporary file grew within a minute: " + temporaryFiles());
                Thread.sleep(50);
            }
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the sweep did not stop after SIG" + signal);
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), names(), "nothing left in the output folder after SIG" + signal);
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static long size(Path p) {
        File f = p.toFile();
        return f.length();
    }
}

package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} writes what the user named: through symbolic links to their target, into special
 * files directly, in place for a file with several hard links, keeping an existing file's permissions;
 * a new file gets the permissions the umask gives, and a name as long as the file system allows works.
 */
class OutFileTest {

    @TempDir
    Path dir;

    private CliTestSupport.Run estimateTo(Path out) {
        return run("estimate", "--format", "csv", "--out", out.toString());
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aHardLinkToACatalogFileIsRefused() throws IOException {
        Path catalog = dir.resolve("catalog");
        CliTestSupport.copyTree(Path.of("catalog"), catalog);
        byte[] before = Files.readAllBytes(catalog.resolve("gpus.yaml"));
        Path link = Files.createLink(dir.resolve("report.csv"), catalog.resolve("gpus.yaml"));
        CliTestSupport.Run r = run("estimate", "--catalog", catalog.toString(), "--out", link.toString());
        CliTestSupport.assertUsageError(r, "--out " + link, "one of this run's own input files");
        assertEquals(new String(before, StandardCharsets.UTF_8), read(catalog.resolve("gpus.yaml")));
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path target = Files.writeString(dir.resolve("target.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("target.csv"));
        assertOk(estimateTo(link));
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(read(target).contains("serving.gpus"), "the target holds the report");
        assertEquals(List.of("link.csv", "target.csv"), names());
    }

    @Test
    void aDanglingSymbolicLinkCreatesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("new.csv"));
        assertOk(estimateTo(link));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(read(dir.resolve("new.csv")).contains("serving.gpus"));
    }

    @Test
    void aFileWithTwoHardLinksKeepsBoth() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "old\n");
        Path b = Files.createLink(dir.resolve("b.csv"), a);
        assertOk(estimateTo(a));
        assertTrue(Files.isSameFile(a, b), "still one file under two names");
        assertTrue(read(b).contains("serving.gpus"), "the other name shows the new report");
        assertEquals(List.of("a.csv", "b.csv"), names(), "no temporary file left");
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws IOException {
        for (String mode : List.of("rw-r--r--", "rw-r-----", "rwxrwxr-x")) {
            Path f = Files.writeString(dir.resolve("report-" + mode + ".csv"), "old\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
            assertOk(estimateTo(f));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
    }

    @Test
    void aNewFileGetsThePermissionsTheUmaskGives() throws IOException {
        Path plain = Files.createFile(dir.resolve("made-by-java.csv")); // 0666 less the umask
        Path out = dir.resolve("new.csv");
        assertOk(estimateTo(out));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    }

    @Test
    void aNameOf244CharactersWorks() throws IOException {
        Path out = dir.resolve("r".repeat(240) + ".csv");
        assertOk(estimateTo(out));
        assertTrue(read(out).contains("serving.gpus"));
        assertEquals(1, names().size(), "no temporary file left: " + names());
    }

    @Test
    void aNamedPipeIsWrittenDirectly() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return read(fifo);
            } catch (IOException e) {
                return "(cannot read: " + e + ")";
            }
        });
        assertOk(estimateTo(fifo));
        assertTrue(reader.get(20, TimeUnit.SECONDS).contains("serving.gpus"), "the reader got the report");
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "still a named pipe");
        assertEquals(List.of("pipe.csv"), names(), "no temporary file left");
    }

    @Test
    void aPipeWhoseReaderGoesAwayEndsTheRunQuietly() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try (var in = Files.newInputStream(fifo)) {
                return in.readNBytes(100).length; // then closes, as `head -c 100` does
            } catch (IOException e) {
                return -1;
            }
        });
        CliTestSupport.Run r = run("sweep", "--vary", "serving.daily_users=1e6..1e8:1000000", "--out", fifo.toString());
        assertEquals(100, reader.get(20, TimeUnit.SECONDS));
        assertEquals(ExitCode.IO, r.exit(), r::describe);
        assertEquals("", r.err(), "a closed pipe ends quietly");
    }

    @Test
    void aDeviceIsWrittenDirectly() throws IOException {
        // Through a link in the temp folder: a build that breaks this test replaces the link, never /dev/null.
        Path link = Files.createSymbolicLink(dir.resolve("null.csv"), Path.of("/dev/null"));
        assertOk(estimateTo(link));
        assertTrue(Files.isSymbolicLink(link), "the link to the device is still a link");
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
        assertEquals(List.of("null.csv"), names(), "no temporary file left");
    }
}

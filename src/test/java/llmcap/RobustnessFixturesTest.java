package llmcap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import llmcap.Fixtures.Fixture;
import llmcap.Fixtures.Part;
import llmcap.cli.CliTestSupport;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input, broken rule and runaway rule gets a clear error, and nothing half-written survives.
 *
 * <p>Each fixture under {@code src/test/resources/broken} is one defect: a catalog, scenario or validation
 * file, a rule file, or a command line. Its header comments say where it goes in a temp copy of the real
 * {@code catalog/} and {@code rules/}, which command to run and what must happen (see the README there).
 * The test runs the command in-process through {@link llmcap.cli.Main#run} and checks the exit code, the
 * expected fragments of the first stderr line, {@code file:line} prefixes, and the failure contract: nothing
 * on stdout, no stack trace, no exception class name, no "internal error", no NaN anywhere, no line of
 * stderr longer than {@value #LONGEST_LINE} characters (a bad input is quoted, never echoed whole).
 *
 * <p>A fixture that shows a bug carries a {@code bug:} header; the parameterized test skips it, so the
 * fix is one header line away from being checked.
 */
class RobustnessFixturesTest {

    private static final String KEPT = "previous output\n";
    private static final int LONGEST_LINE = 1000;

    /** An unmodified copy of ./rules shared by the fixtures that do not touch rules (compiled once). */
    @TempDir
    static Path shared;

    private static Path sharedRules;

    @BeforeAll
    static void copyRules() {
        sharedRules = shared.resolve("rules");
        CliTestSupport.copyTree(Path.of("rules"), sharedRules);
    }

    // --- the fixtures ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void failsWithItsExitCodeAndOneClearLine(Fixture f, @TempDir Path dir) {
        check(f, dir);
    }

    static Stream<Fixture> fixtures() {
        return Fixtures.all().filter(f -> f.bug() == null);
    }

    @Test
    void everyFixtureStatesWhatItExpects() {
        List<Fixture> all = Fixtures.all().toList();
        if (!System.getProperty("fixtures", "").isEmpty()) {
            return; // a selection: the counts below hold for the whole set
        }
        assertTrue(all.size() >= 30, "fixtures in broken/: " + all.size());
        long catalogErrors = Fixtures.resourceFiles("/catalog-errors").stream()
                .filter(p -> p.getFileName().toString().endsWith(".yaml")).count();
        assertTrue(all.size() + catalogErrors >= 50, "broken/ " + all.size() + " + catalog-errors/ " + catalogErrors);
        for (Fixture f : all) {
            assertAll(f.name(),
                    () -> assertTrue(Fixtures.KEYS.containsAll(f.header().keySet()), "unknown header key in " + f.header().keySet()),
                    () -> assertEquals(1, f.all("defect").size(), "one defect: line"),
                    () -> assertEquals(1, f.all("run").size(), "one run: line"),
                    () -> assertEquals(1, f.all("exit").size(), "one exit: line"),
                    () -> assertTrue(f.exit() == 0 || !f.all("expect").isEmpty() || !f.all("error-at").isEmpty()
                            || "0".equals(f.one("lines")), "a failure states at least one expect: or error-at: line"),
                    () -> assertTrue(f.name().endsWith(".cli") == f.parts().isEmpty(),
                            "a .cli fixture writes no file; every other fixture writes one (file:)"),
                    () -> f.parts().forEach(p -> assertTrue(p.path().matches("(catalog|rules|plans|hf)/[\\w./-]+")
                            && !p.path().contains(".."), "file: " + p.path())));
        }
    }

    // --- running one fixture ---------------------------------------------------------------------------

    static void check(Fixture f, Path dir) {
        Path rules = prepare(f, dir);
        Map<String, String> vars = Map.of("{catalog}", dir.resolve("catalog").toString(), "{rules}", rules.toString(),
                "{dir}", dir.toString());
        setUp(f, vars);
        String[] args = subst(f.one("run"), vars).trim().split("\\s+");
        List<Path> kept = f.all("keep").stream().map(k -> Path.of(subst(k, vars))).toList();
        for (Path k : kept) {
            write(k, KEPT.getBytes(StandardCharsets.UTF_8));
        }
        Map<Path, byte[]> unchanged = new LinkedHashMap<>();
        f.all("unchanged").forEach(u -> unchanged.put(Path.of(subst(u, vars)), bytes(Path.of(subst(u, vars)))));
        long start = System.nanoTime();
        Run r = run(f, args);
        long ms = (System.nanoTime() - start) / 1_000_000;
        int exit = f.exit();
        String what = f.name() + "\n" + r.describe();
        List<String> errLines = r.errLines();
        boolean failingStdout = f.one("stdout") != null;
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(exit, r.exit(), "exit code of " + what));
        checks.add(() -> CliTestSupport.assertNoStackTrace(r));
        // A NaN the user typed may be quoted back ('NaN'); any other NaN is llmcap's own.
        String errUnquoted = r.err().replaceAll("'[^'\\n]*'", "''");
        checks.add(() -> assertFalse(errUnquoted.contains("NaN") || r.out().contains("NaN"), "NaN printed: " + what));
        checks.add(() -> assertFalse(r.out().contains("Infinity"), "Infinity on stdout: " + what));
        checks.add(() -> assertTrue(errLines.stream().allMatch(l -> l.length() <= LONGEST_LINE),
                "a stderr line is longer than " + LONGEST_LINE + " characters: " + what));
        if (exit == 0) {
            checks.add(() -> assertFalse(r.out().isBlank(), "stdout is empty: " + what));
            checks.add(() -> assertEquals("", r.err(), "stderr: " + what));
            for (String x : f.all("expect-out")) {
                String frag = subst(x, vars);
                checks.add(() -> assertTrue(r.out().contains(frag), "stdout lacks '" + frag + "': " + what));
            }
        } else {
            failure(f, r, vars, what, failingStdout, checks);
        }
        if (f.one("within-ms") != null) {
            long limit = Long.parseLong(f.one("within-ms"));
            checks.add(() -> assertTrue(ms <= limit, "took " + ms + " ms, limit " + limit + ": " + what));
        }
        for (Path k : kept) {
            checks.add(() -> {
                assertEquals(KEPT, read(k), "the previous output must be untouched: " + what);
                assertEquals(List.of(k.getFileName().toString()), list(k.getParent()),
                        "no partial or temporary file beside the output: " + what);
            });
        }
        unchanged.forEach((p, before) -> checks.add(() -> assertArrayEquals(before, bytes(p),
                p + " must be unchanged: " + what)));
        assertAll(f.name(), checks);
    }

    /** What a failure must show: the exit code's format, the expected fragments, file:line prefixes. */
    private static void failure(Fixture f, Run r, Map<String, String> vars, String what, boolean failingStdout,
                                List<Executable> checks) {
        int exit = f.exit();
        List<String> errLines = r.errLines();
        int lines = f.one("lines") == null ? 1 : Integer.parseInt(f.one("lines"));
        if (!failingStdout) { // a failing stdout may have taken some output before it failed
            checks.add(() -> assertEquals("", r.out(), "stdout must be empty on failure: " + what));
        }
        if (lines == 0) {
            checks.add(() -> assertEquals("", r.err(), "stderr must be empty: " + what));
            return;
        }
        checks.add(() -> assertFalse(errLines.isEmpty(), "stderr must explain the failure: " + what));
        String first = r.firstErrLine();
        for (String x : f.all("expect")) {
            String frag = subst(x, vars);
            checks.add(() -> assertTrue(first.contains(frag), "first stderr line lacks '" + frag + "': " + what));
        }
        if (exit == 2) {
            checks.add(() -> assertTrue(first.startsWith("llmcap: "), "usage error starts 'llmcap: ': " + what));
            checks.add(() -> assertTrue(errLines.get(errLines.size() - 1).startsWith("Try 'llmcap "),
                    "usage error ends with the --help hint: " + what));
            checks.add(() -> assertTrue(errLines.size() <= 8, "usage error is short: " + what));
        } else {
            checks.add(() -> assertEquals(lines, errLines.size(), "stderr lines: " + what));
        }
        if (exit == 5) {
            checks.add(() -> assertTrue(first.startsWith("llmcap: "), "I/O error starts 'llmcap: ': " + what));
        }
        List<String> at = f.all("error-at").stream().map(a -> subst(a, vars) + ":").toList();
        for (String a : at) {
            checks.add(() -> assertTrue(errLines.stream().anyMatch(l -> l.startsWith(a)),
                    "no stderr line starts with '" + a + "': " + what));
        }
        if (!at.isEmpty()) {
            checks.add(() -> assertTrue(at.stream().anyMatch(first::startsWith),
                    "the first stderr line starts with none of " + at + ": " + what));
        }
    }

    /**
     * Runs the command in-process; {@code stdout: full} makes every write to stdout fail as on a full
     * disk, {@code stdout: closed-after N} as a pipe whose reader went away after N bytes. A fixture with
     * {@code within-ms} is stopped (and fails) if it runs far past its limit, so a hang cannot stall the build.
     */
    private static Run run(Fixture f, String[] args) {
        String stdout = f.one("stdout");
        long limit = f.one("within-ms") == null ? 0 : Long.parseLong(f.one("within-ms"));
        try {
            if (limit == 0) {
                return CliTestSupport.runWithStdout(stdout, args);
            }
            return assertTimeoutPreemptively(Duration.ofMillis(Math.max(3 * limit, 10_000)),
                    () -> CliTestSupport.runWithStdout(stdout, args), () -> f.name() + ": llmcap " + String.join(" ", args)
                            + " did not end");
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) { // an Error (StackOverflowError) escaping Main.run is the worst failure of all
            throw new AssertionError(f.name() + ": llmcap " + String.join(" ", args) + " threw " + t, t);
        }
    }

    /** Writes the fixture into {@code dir}; returns the rules folder the run uses. */
    private static Path prepare(Fixture f, Path dir) {
        CliTestSupport.copyTree(Path.of("catalog"), dir.resolve("catalog"));
        Path rules = sharedRules;
        if (f.touchesRules()) {
            rules = dir.resolve("rules");
            CliTestSupport.copyTree(Path.of("rules"), rules);
        }
        for (String r : f.all("remove")) {
            Path folder = dir.resolve(r).getParent();
            String glob = r.substring(r.lastIndexOf('/') + 1);
            try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, glob)) {
                for (Path p : s) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Part p : f.parts()) {
            byte[] bytes = p.bytes();
            if (f.one("pad-to-bytes") != null) {
                bytes = Fixtures.pad(bytes, Integer.parseInt(f.one("pad-to-bytes")));
            }
            write(dir.resolve(p.path()), bytes);
        }
        return rules;
    }

    /** Makes the links ({@code symlink: LINK -> TARGET}) and named pipes ({@code fifo: PATH}) a fixture asks for. */
    private static void setUp(Fixture f, Map<String, String> vars) {
        try {
            for (String s : f.all("symlink")) {
                String[] ends = subst(s, vars).split("\\s*->\\s*");
                Path link = Path.of(ends[0]);
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, Path.of(ends[1]));
            }
            for (String s : f.all("fifo")) {
                Path fifo = Path.of(subst(s, vars));
                Files.createDirectories(fifo.getParent());
                Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
                assertEquals(0, p.waitFor(), "mkfifo " + fifo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String subst(String s, Map<String, String> vars) {
        String out = s;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "(missing)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static List<String> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of("(cannot list: " + e.getMessage() + ")");
        }
    }
}

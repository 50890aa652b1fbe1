package llmcap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import llmcap.cli.CliTestSupport;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
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
 * on stdout, no stack trace, no exception class name, no "internal error", no NaN anywhere.
 *
 * <p>A fixture that shows a bug carries a {@code bug:} header; the parameterized test skips it and a
 * {@code @Disabled} test below runs it, so the fix is one annotation away from being checked.
 */
class RobustnessFixturesTest {

    private static final Set<String> KEYS = Set.of("defect", "file", "remove", "run", "exit", "error-at", "expect",
            "expect-out", "lines", "keep", "pad-to-bytes", "within-ms", "note", "bug");
    private static final Pattern HEADER = Pattern.compile("(?:#|//)\\s*([a-z-]+):\\s*(.*?)\\s*");
    private static final Pattern PART = Pattern.compile("(?:#|//) --- file: (\\S+)\\s*");
    private static final String KEPT = "previous output\n";

    /** An unmodified copy of ./rules shared by the fixtures that do not touch rules (compiled once). */
    @TempDir
    static Path shared;

    private static Path sharedRules;

    /** One fixture file: its header and the files it writes. */
    record Fixture(String name, Map<String, List<String>> header, List<Part> parts) {

        List<String> all(String key) {
            return header.getOrDefault(key, List.of());
        }

        String one(String key) {
            List<String> v = all(key);
            return v.isEmpty() ? null : v.get(0);
        }

        int exit() {
            return Integer.parseInt(one("exit"));
        }

        String bug() {
            return one("bug");
        }

        boolean touchesRules() {
            return parts.stream().anyMatch(p -> p.path().startsWith("rules/"))
                    || all("remove").stream().anyMatch(r -> r.startsWith("rules/"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A file a fixture writes, relative to the temp folder. */
    record Part(String path, byte[] bytes) {
    }

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

    @Test
    void everyFixtureStatesWhatItExpects() {
        List<Fixture> all = allFixtures().toList();
        assertTrue(all.size() >= 30, "fixtures in broken/: " + all.size());
        long catalogErrors = countFiles("/catalog-errors", ".yaml");
        assertTrue(all.size() + catalogErrors >= 50, "broken/ " + all.size() + " + catalog-errors/ " + catalogErrors);
        for (Fixture f : all) {
            assertAll(f.name(),
                    () -> assertTrue(KEYS.containsAll(f.header().keySet()), "unknown header key in " + f.header().keySet()),
                    () -> assertEquals(1, f.all("defect").size(), "one defect: line"),
                    () -> assertEquals(1, f.all("run").size(), "one run: line"),
                    () -> assertEquals(1, f.all("exit").size(), "one exit: line"),
                    () -> assertTrue(f.exit() == 0 || !f.all("expect").isEmpty() || !f.all("error-at").isEmpty(),
                            "a failure states at least one expect: or error-at: line"),
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
        String[] args = subst(f.one("run"), vars).trim().split("\\s+");
        List<Path> kept = f.all("keep").stream().map(k -> Path.of(subst(k, vars))).toList();
        for (Path k : kept) {
            write(k, KEPT.getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        Run r;
        try {
            r = CliTestSupport.run(args);
        } catch (Throwable t) { // an Error (StackOverflowError) escaping Main.run is the worst failure of all
            throw new AssertionError(f.name() + ": llmcap " + String.join(" ", args) + " threw " + t, t);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int exit = f.exit();
        String what = f.name() + "\n" + r.describe();
        List<String> errLines = r.errLines();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(exit, r.exit(), "exit code of " + what));
        checks.add(() -> CliTestSupport.assertNoStackTrace(r));
        // A NaN the user typed may be quoted back ('NaN'); any other NaN is llmcap's own.
        String errUnquoted = r.err().replaceAll("'[^'\\n]*'", "''");
        checks.add(() -> assertFalse(errUnquoted.contains("NaN") || r.out().contains("NaN"), "NaN printed: " + what));
        checks.add(() -> assertFalse(r.out().contains("Infinity"), "Infinity on stdout: " + what));
        if (exit == 0) {
            checks.add(() -> assertFalse(r.out().isBlank(), "stdout is empty: " + what));
            checks.add(() -> assertEquals("", r.err(), "stderr: " + what));
            for (String x : f.all("expect-out")) {
                String frag = subst(x, vars);
                checks.add(() -> assertTrue(r.out().contains(frag), "stdout lacks '" + frag + "': " + what));
            }
        } else {
            checks.add(() -> assertEquals("", r.out(), "stdout must be empty on failure: " + what));
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
                int lines = f.one("lines") == null ? 1 : Integer.parseInt(f.one("lines"));
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
        assertAll(f.name(), checks);
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
                bytes = pad(bytes, Integer.parseInt(f.one("pad-to-bytes")));
            }
            write(dir.resolve(p.path()), bytes);
        }
        return rules;
    }

    private static byte[] pad(byte[] bytes, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 100);
        out.writeBytes(bytes);
        byte[] line = "# padding to push the file over the size limit; never committed at this size\n"
                .getBytes(StandardCharsets.UTF_8);
        while (out.size() < size) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    private static String subst(String s, Map<String, String> vars) {
        String out = s;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    // --- reading the fixtures --------------------------------------------------------------------------

    static Stream<Fixture> fixtures() {
        return allFixtures().filter(f -> f.bug() == null);
    }

    static Fixture fixture(String name) {
        return allFixtures().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture " + name));
    }

    static Stream<Fixture> allFixtures() {
        List<Fixture> out = new ArrayList<>();
        for (Path p : resourceFiles("/broken")) {
            String name = p.getFileName().toString();
            if (!name.equals("README.md")) {
                try {
                    out.add(parse(name, Files.readAllBytes(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out.stream();
    }

    /** Parses the header and splits the body into the files it writes; bytes stay as they are (0xFF too). */
    static Fixture parse(String name, byte[] bytes) {
        String comment = name.endsWith(".drl") ? "//" : "#";
        List<byte[]> lines = splitLines(bytes);
        Map<String, List<String>> header = new LinkedHashMap<>();
        int headerLines = 0;
        for (byte[] raw : lines) {
            String line = new String(raw, StandardCharsets.ISO_8859_1);
            if (!line.startsWith(comment) || PART.matcher(line).matches()) {
                break;
            }
            headerLines++;
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                header.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
            }
        }
        List<Part> parts = new ArrayList<>();
        String path = header.containsKey("file") ? header.get("file").get(0) : null;
        List<byte[]> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byte[] raw = lines.get(i);
            Matcher m = PART.matcher(new String(raw, StandardCharsets.ISO_8859_1));
            if (m.matches()) {
                addPart(parts, path, body);
                path = m.group(1);
                body = new ArrayList<>();
            } else if (!(name.endsWith(".json") && i < headerLines)) {
                body.add(raw);
            }
        }
        addPart(parts, path, body);
        return new Fixture(name, header, parts);
    }

    private static void addPart(List<Part> parts, String path, List<byte[]> lines) {
        if (path == null) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            if (i < lines.size() - 1) {
                out.write('\n');
            }
        }
        parts.add(new Part(path, out.toByteArray()));
    }

    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                byte[] line = new byte[i - start];
                System.arraycopy(bytes, start, line, 0, line.length);
                out.add(line);
                start = i + 1;
            }
        }
        return out;
    }

    private static List<Path> resourceFiles(String folder) {
        URL url = RobustnessFixturesTest.class.getResource(folder);
        assertNotNull(url, "src/test/resources" + folder + " is not on the test class path");
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            fail("cannot list " + folder + ": " + e);
            return List.of();
        }
    }

    private static long countFiles(String folder, String suffix) {
        return resourceFiles(folder).stream().filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
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

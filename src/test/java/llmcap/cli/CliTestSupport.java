package llmcap.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs {@link Main#run} in-process and captures what it printed. Tests run with the working directory
 * set to the repository, so the real {@code ./rules} and {@code ./catalog} are read unless a test
 * passes {@code --rules} or {@code --catalog}.
 */
public final class CliTestSupport {

    private CliTestSupport() {
    }

    /** One run of the command line: exit code, stdout and stderr. */
    public record Run(List<String> args, int exit, String out, String err) {

        public List<String> outLines() {
            return out.lines().toList();
        }

        public List<String> errLines() {
            return err.lines().toList();
        }

        /** The first line of stderr, or "" when nothing was printed there. */
        public String firstErrLine() {
            return err.lines().findFirst().orElse("");
        }

        public JsonObject json() {
            return JsonParser.parseString(out).getAsJsonObject();
        }

        public JsonArray jsonArray() {
            return JsonParser.parseString(out).getAsJsonArray();
        }

        /** What to print when an assertion about this run fails. */
        public String describe() {
            return "llmcap " + String.join(" ", args) + "\n-- exit " + exit + "\n-- stdout:\n" + out
                    + "\n-- stderr:\n" + err;
        }
    }

    /** The {@code rows} of a JSON answer (compare), as objects. */
    public static List<JsonObject> jsonRows(Run r) {
        List<JsonObject> out = new java.util.ArrayList<>();
        for (JsonElement e : r.json().getAsJsonArray("rows")) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    /** The value of figure {@code name} of a compare row. */
    public static double figure(JsonObject row, String name) {
        return row.getAsJsonObject("figures").getAsJsonObject(name).get("value").getAsDouble();
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            exit = Main.run(o, e, args);
        }
        return new Run(Arrays.asList(args), exit, out.toString(), err.toString());
    }

    /**
     * Runs with a stdout that fails: {@code "full"} refuses every write as a full disk does ({@code > /dev/full});
     * {@code "closed-after N"} takes N bytes, then fails as a pipe whose reader has gone ({@code | head -c N}).
     * {@code null}: an ordinary stdout. The run's {@code out} is what stdout took before it failed.
     */
    public static Run runWithStdout(String stdout, String... args) {
        if (stdout == null) {
            return run(args);
        }
        FailingStdout s = stdout.equals("full") ? new FailingStdout(0, "No space left on device")
                : new FailingStdout(Long.parseLong(stdout.replaceFirst("^closed-after\\s+", "")), "Broken pipe");
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter e = new PrintWriter(err, true)) {
            exit = Main.run(Main.stdout(s), e, args);
        }
        return new Run(Arrays.asList(args), exit, s.taken.toString(StandardCharsets.UTF_8), err.toString());
    }

    /** A stdout that takes {@code limit} bytes and then fails every write with {@code message}. */
    static final class FailingStdout extends java.io.OutputStream {
        final java.io.ByteArrayOutputStream taken = new java.io.ByteArrayOutputStream();
        private final long limit;
        private final String message;

        FailingStdout(long limit, String message) {
            this.limit = limit;
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int room = (int) Math.min(len, Math.max(0, limit - taken.size()));
            taken.write(b, off, room);
            if (room < len) {
                throw new IOException(message);
            }
        }
    }

    /** Exit code 0, and nothing on stderr that looks like a failure. */
    public static void assertOk(Run r) {
        assertEquals(0, r.exit(), r::describe);
        assertNoStackTrace(r);
    }

    /**
     * The failure contract: the given exit code, nothing on stdout, and a diagnosis on stderr without a
     * Java stack trace or exception class name.
     */
    public static void assertFails(Run r, int exit) {
        assertAll(
                () -> assertEquals(exit, r.exit(), r::describe),
                () -> assertEquals("", r.out(), () -> "stdout must be empty on failure\n" + r.describe()),
                () -> assertFalse(r.err().isBlank(), () -> "stderr must explain the failure\n" + r.describe()),
                () -> assertNoStackTrace(r));
    }

    public static void assertNoStackTrace(Run r) {
        for (String line : r.errLines()) {
            assertFalse(line.startsWith("\tat ") || line.matches("\\s+at [\\w.$]+\\(.*\\)"),
                    () -> "stack trace line on stderr: " + line + "\n" + r.describe());
            assertFalse(line.contains("Exception"), () -> "exception name on stderr: " + line + "\n" + r.describe());
            assertFalse(line.contains("internal error"), () -> "internal error: " + line + "\n" + r.describe());
        }
    }

    /** Asserts the usage contract of an llmcap-detected usage error: exit 2, one line naming every fragment. */
    public static void assertUsageError(Run r, String... fragments) {
        assertFails(r, ExitCode.USAGE);
        String first = r.firstErrLine();
        for (String f : fragments) {
            assertTrue(first.contains(f), () -> "first stderr line should contain '" + f + "'\n" + r.describe());
        }
    }

    /**
     * The 1-based number of the first line of {@code file} that starts (after indentation) with
     * {@code prefix}: where a rule or a scenario value is written, read from the file itself.
     */
    public static int lineOf(Path file, String prefix) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + file);
    }

    /** Copies a folder tree (e.g. ./catalog into a temp folder a test may break). */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object named {@code name} in a JSON array of objects with a "name" member. */
    public static Optional<JsonObject> byName(JsonArray array, String name) {
        for (JsonElement e : array) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("name") && name.equals(o.get("name").getAsString())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** The value of quantity {@code name} among the "quantities" or "assumptions" of an estimate's JSON. */
    public static double value(JsonObject estimate, String name) {
        for (String list : List.of("quantities", "assumptions")) {
            Optional<JsonObject> o = byName(estimate.getAsJsonArray(list), name);
            if (o.isPresent()) {
                return o.get().get("value").getAsDouble();
            }
        }
        throw new AssertionError("no quantity or assumption named " + name + " in the JSON estimate");
    }
}

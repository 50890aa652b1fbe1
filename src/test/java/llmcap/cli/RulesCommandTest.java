package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.lineOf;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmcap rules}: the listing with file:line, {@code --check}, and broken DRL reported per file. */
class RulesCommandTest {

    private static final Path RULES = Path.of("rules");

    /** A rule whose pattern lacks its closing parenthesis (lines 5-10; the parser notices at `then`). */
    private static final String BROKEN_PAREN = """
            package llmcap.rules;

            import llmcap.domain.Quantity;

            rule "a broken"
            when
                Quantity(name == "x.y", $v : value
            then
                insert(new Quantity("x.z", $v, "1"));
            end
            """;

    /** A good rule, then one whose `when` is misspelt on line 10. */
    private static final String BROKEN_WHEN = """
            package llmcap.rules;
            import llmcap.domain.Quantity;
            rule "b fine"
            when
                Quantity(name == "x.y", $v : value)
            then
                insert(new Quantity("x.w", $v, "1"));
            end

            rule "b broken" whn
                Quantity(name == "x.y")
            then
                insert(new Quantity("x.v", 1, "1"));
            end
            """;

    private static final String FINE = """
            package llmcap.rules;
            import llmcap.domain.Quantity;
            rule "c fine"
            when
                Quantity(name == "x.y", $v : value)
            then
                insert(new Quantity("x.q", $v, "1"));
            end
            """;

    @Test
    void listsServingGpusUnderServingDrlWithItsLine() {
        Run r = run("rules");
        assertOk(r);
        int line = lineOf(RULES.resolve("serving.drl"), "rule \"serving.gpus = serving.gpus_compute (sized by compute");
        assertTrue(listing(r).stream().anyMatch(e -> e.startsWith("rules/serving.drl:" + line + " serving.gpus = serving.gpus_compute (sized by compute")),
                () -> "rules/serving.drl:" + line + " not found in\n" + r.describe());
    }

    @Test
    void listsEveryRuleOfEveryFile() throws IOException {
        Run r = run("rules");
        assertOk(r);
        List<String> listed = listing(r);
        for (Path drl : drlFiles(RULES)) {
            List<String> lines = Files.readAllLines(drl);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("rule \"")) {
                    String name = lines.get(i).substring(6, lines.get(i).indexOf('"', 6));
                    String expected = "rules/" + drl.getFileName() + ":" + (i + 1) + " " + name;
                    assertTrue(listed.contains(expected), () -> expected + " not listed\n" + r.describe());
                }
            }
        }
    }

    @Test
    void jsonGivesFileAndLineOfEachRule() {
        Run r = run("rules", "--format", "json");
        assertOk(r);
        int line = lineOf(RULES.resolve("serving.drl"), "rule \"serving.gpus = serving.gpus_compute (sized by compute");
        JsonObject rule = r.jsonArray().asList().stream().map(JsonElement::getAsJsonObject)
                .filter(o -> o.get("name").getAsString().startsWith("serving.gpus = serving.gpus_compute (sized by compute"))
                .findFirst().orElseThrow();
        assertEquals("rules/serving.drl", rule.get("file").getAsString());
        assertEquals(line, rule.get("line").getAsInt());
        assertEquals("GPU", rule.getAsJsonObject("derives").get("serving.gpus").getAsString());
    }

    @Test
    void checkExitsZeroAndCountsTheFiles() throws IOException {
        Run r = run("rules", "--check");
        assertOk(r);
        int files = drlFiles(RULES).size();
        assertTrue(r.out().contains(files + " files"), r::describe);
    }

    @Test
    void checkOfTheBundledRulesFindsNothing() {
        Run r = run("rules", "--check");
        assertOk(r);
        assertEquals("", r.err(), "no error and no warning\n" + r.describe());
        assertTrue(r.out().strip().endsWith("compile and pass every check"), r::describe);
        assertEquals(1, r.outLines().size(), r::describe);
    }

    /** The defect: a misspelt read compiled, passed the check and silently emptied the figures that need it. */
    @Test
    void aMisspeltReadFailsTheCheckAtItsLineNamingTheRightName(@TempDir Path dir) throws IOException {
        CliTestSupport.copyTree(RULES, dir);
        Path serving = dir.resolve("serving.drl");
        String read = "Quantity(name == \"serving.peak_factor\", $peak : value)";
        String text = Files.readString(serving);
        assertEquals(text.indexOf(read), text.lastIndexOf(read), "one such read in serving.drl");
        Files.writeString(serving, text.replace(read, read.replace("peak_factor", "peak_factr")));
        int line = lineOf(serving, read.replace("peak_factor", "peak_factr"));
        Run r = run("rules", "--check", "--rules", dir.toString());
        assertFails(r, ExitCode.RULES);
        assertEquals(1, r.errLines().size(), r::describe);
        String first = r.firstErrLine();
        assertTrue(first.startsWith(serving + ":" + line + ": rule 'serving.peak_flops = serving.sustained_flops x"
                + " serving.peak_factor' reads serving.peak_factr, which no rule, catalog field or input produces; did you"
                + " mean serving.peak_factor"), r::describe);
    }

    @Test
    void checkOnBrokenRulesExits4WithOneLinePerBrokenFile(@TempDir Path dir) throws IOException {
        writeBroken(dir);
        Run r = run("rules", "--check", "--rules", dir.toString());
        assertBrokenReport(r, dir);
    }

    @Test
    void estimateWithBrokenRulesExits4WithOneLinePerBrokenFile(@TempDir Path dir) throws IOException {
        writeBroken(dir);
        Run r = run("estimate", "--rules", dir.toString());
        assertBrokenReport(r, dir);
    }

    @Test
    void listingBrokenRulesExits4WithOneLinePerBrokenFile(@TempDir Path dir) throws IOException {
        writeBroken(dir);
        Run r = run("rules", "--rules", dir.toString());
        assertBrokenReport(r, dir);
    }

    @Test
    void emptyRulesFolderExits4(@TempDir Path dir) {
        Run r = run("rules", "--check", "--rules", dir.toString());
        assertFails(r, ExitCode.RULES);
        assertTrue(r.firstErrLine().startsWith(dir.toString() + ":"), r::describe);
        assertTrue(r.firstErrLine().contains(".drl"), r::describe);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static void writeBroken(Path dir) throws IOException {
        Files.writeString(dir.resolve("a.drl"), BROKEN_PAREN);
        Files.writeString(dir.resolve("b.drl"), BROKEN_WHEN);
        Files.writeString(dir.resolve("c.drl"), FINE);
    }

    private static void assertBrokenReport(Run r, Path dir) {
        assertFails(r, ExitCode.RULES);
        List<String> lines = r.errLines();
        assertEquals(2, lines.size(), () -> "one line per broken file\n" + r.describe());
        Pattern p = Pattern.compile(Pattern.quote(dir.toString()) + "/([a-z])\\.drl:(\\d+): .+");
        Matcher a = p.matcher(lines.get(0));
        Matcher b = p.matcher(lines.get(1));
        assertTrue(a.matches() && b.matches(), r::describe);
        assertEquals("a", a.group(1), r::describe);
        assertEquals("b", b.group(1), r::describe);
        int aLine = Integer.parseInt(a.group(2));
        // The unclosed pattern is on line 7; the parser can only notice it at `then` (line 8), inside the rule.
        assertTrue(aLine >= 7 && aLine <= 8, r::describe);
        assertEquals(10, Integer.parseInt(b.group(2)), r::describe);
        assertFalse(r.err().contains("c.drl"), "the good file is not reported");
    }

    /**
     * The text listing as {@code FILE:LINE NAME} entries. The listing writes the file once as a heading
     * and {@code :LINE NAME} under it; a listing that writes {@code FILE:LINE NAME} on each line is read
     * the same way.
     */
    private static List<String> listing(Run r) {
        List<String> out = new ArrayList<>();
        Pattern combined = Pattern.compile("\\s*(\\S+\\.drl:\\d+)\\s+(.+)");
        Pattern heading = Pattern.compile("(\\S+\\.drl)");
        Pattern item = Pattern.compile("\\s+(:\\d+)\\s+(.+)");
        String file = null;
        for (String l : r.outLines()) {
            Matcher m;
            if ((m = combined.matcher(l)).matches()) {
                out.add(m.group(1) + " " + m.group(2).strip());
            } else if ((m = heading.matcher(l)).matches()) {
                file = m.group(1);
            } else if (file != null && (m = item.matcher(l)).matches()) {
                out.add(file + m.group(1) + " " + m.group(2).strip());
            }
        }
        return out;
    }

    private static List<Path> drlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
    }
}

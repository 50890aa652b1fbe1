package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Issue 12, item 8: every command's and subcommand's {@code --help} has an Examples section, prints no picocli
 * warning and no {@code %%}; every example in it parses, and every example that is cheap and touches nothing
 * outside a temporary folder runs with exit 0. The examples are read from the help text itself, so a new one
 * is checked as soon as it is written.
 */
class HelpExamplesTest {

    /** Commands whose examples only parse: they serve until Ctrl-C, write the user's trust list or config, or read a file the user has. */
    private static final Set<String> PARSE_ONLY = Set.of("serve", "init", "trust", "import-hf");

    @TempDir
    Path tmp;

    /** Every command that has a help of its own, as the words that name it ({@code [catalog, import-hf]}). */
    static Stream<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), List.of(), out);
        return out.stream();
    }

    private static void collect(CommandLine cl, List<String> words, List<List<String>> out) {
        out.add(words);
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(words);
            next.add(name);
            collect(sub, next, out);
        });
    }

    @ParameterizedTest(name = "llmcap {0} --help")
    @MethodSource("commands")
    void helpHasExamplesThatRunAndNoWarningOrDoublePercent(List<String> command) throws IOException {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Run help;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8)); // picocli warns on System.err
        try {
            help = run(args.toArray(String[]::new));
        } finally {
            System.setErr(stderr);
        }
        assertOk(help);
        assertEquals("", warnings.toString(StandardCharsets.UTF_8) + help.err(), help::describe);
        assertFalse(help.out().contains("%%"), help::describe);
        List<String[]> examples = examples(help.out());
        assertFalse(examples.isEmpty(), "no Examples section\n" + help.describe());
        Files.createDirectories(tmp.resolve("my-catalog"));
        Files.writeString(tmp.resolve("my-catalog/gpus.yaml"), MY_GPU);
        for (String[] example : examples) {
            String[] full = Main.withDefaultCommand(example);
            try {
                Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).parseArgs(full);
            } catch (CommandLine.ParameterException e) {
                fail("llmcap " + String.join(" ", example) + ": " + e.getMessage());
            }
            if (Arrays.stream(full).noneMatch(PARSE_ONLY::contains)) {
                assertOk(run(inTmp(full)));
            }
        }
    }

    /** The GPU the examples' {@code my-catalog} holds, as the README's worked example writes it. */
    private static final String MY_GPU = """
            gpus:
              - id: my-gpu
                name: Our accelerator
                memory_gb: 141
                bandwidth_gb_per_s: 4800
                dense_tflops:
                  bf16: 989
                source: "a test"
            """;

    /** The examples of a help text: lines after "Examples:" that run llmcap, a trailing backslash joining the next. */
    static List<String[]> examples(String help) {
        List<String[]> out = new ArrayList<>();
        List<String> lines = help.lines().toList();
        int start = lines.indexOf("Examples:");
        if (start < 0) {
            return out;
        }
        StringBuilder pending = new StringBuilder();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            assertTrue(line.startsWith("  llmcap") || line.startsWith("  #") || pending.length() > 0,
                    "an example line that is neither a command, a comment nor a continuation (wrapped?): " + line);
            if (line.strip().startsWith("#")) {
                continue;
            }
            pending.append(' ').append(line.strip());
            if (pending.charAt(pending.length() - 1) == '\\') {
                pending.setLength(pending.length() - 1);
                continue;
            }
            String[] words = pending.toString().strip().split("\\s+");
            out.add(Arrays.copyOfRange(words, 1, words.length)); // without "llmcap"
            pending.setLength(0);
        }
        return out;
    }

    /** The example with the files it names (my-catalog, plan.yaml, report.html, ...) in the temporary folder. */
    private String[] inTmp(String[] args) {
        return Arrays.stream(args).map(a -> a.matches("my-catalog|[\\w-]+\\.(yaml|html|csv|md|json|jsonl)")
                ? tmp.resolve(a).toString() : a).toArray(String[]::new);
    }
}

package llmcap.engine;

import static llmcap.Derivations.byName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import llmcap.app.Folder;
import llmcap.app.Selection;
import llmcap.app.Timings;
import llmcap.app.Workspace;
import llmcap.catalog.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Rule files compiled one at a time (an edit recompiles one file) make the same rule book as all of
 * them compiled together: the same answer, derivation by derivation, for a spread of questions; a
 * file that needs another's function is compiled with the rest.
 */
class FileCompilerTest {


    @org.junit.jupiter.api.BeforeAll
    static void asAServerDoes() {
        RuleBook.keepCompiledFiles();
    }

    @Test
    void oneByOneAnswersAsAllTogether() {
        Workspace w = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"),
                new Timings());
        List<RuleFile> files = w.rules().files();
        assertTrue(FileCompiler.compile(files).isPresent(), "every bundled rule file compiles on its own");
        RuleBook together = RuleBook.compiledTogether(files);
        RuleBook oneByOne = RuleBook.compile(files);
        Scenario article = w.scenario(Selection.DEFAULT_SCENARIO);
        Scenario llama = w.scenario("chat-llama-3.1-70b-h100");
        List<Workspace.Prepared> asks = new ArrayList<>();
        asks.add(w.prepare(article, Optional.empty(), Optional.empty(), Map.of()));
        asks.add(w.prepare(article, Optional.of("llama-3.1-405b"), Optional.of("h100-sxm"), Map.of()));
        asks.add(w.prepare(article, Optional.of("mixtral-8x7b"), Optional.of("mi300x"), Map.of()));
        asks.add(w.prepare(llama, Optional.empty(), Optional.empty(), Map.of()));
        asks.add(w.prepare(llama, Optional.empty(), Optional.of("a100-80gb-sxm"), Map.of("inference.weight_dtype", "bf16")));
        for (Workspace.Prepared p : asks) {
            Estimate a;
            Estimate b;
            try (var s = new Engine(together).open(p.inputs())) {
                a = s.estimate();
            }
            try (var s = new Engine(oneByOne).open(p.inputs())) {
                b = s.estimate();
            }
            assertEquals(byName(a), byName(b), p.model() + " on " + p.gpu());
        }
    }

    @Test
    void aFileUsingAnothersFunctionIsCompiledWithTheRest() {
        RuleFile declares = new RuleFile("rules/a.drl", """
                package llmcap.rules;
                import llmcap.domain.Quantity;
                function double twice(double x) { return 2 * x; }
                rule "a.one = 1"
                when
                    not Quantity(name == "a.one")
                then
                    insert(new Quantity("a.one", 1, "1"));
                end
                """);
        RuleFile uses = new RuleFile("rules/b.drl", """
                package llmcap.rules;
                import llmcap.domain.Quantity;
                rule "b.two = twice(a.one)"
                when
                    Quantity(name == "a.one", $x : value)
                then
                    insert(new Quantity("b.two", twice($x), "1"));
                end
                """);
        assertTrue(FileCompiler.compile(List.of(declares, uses)).isEmpty(), "b.drl does not compile alone");
        Estimate e = new Engine(RuleBook.compile(List.of(declares, uses))).run(List.of());
        assertEquals(2.0, e.value("b.two").orElseThrow());
    }

    @Test
    void aRuleOrFunctionNameTwoFilesShareIsLeftToTheCompilerOfAllFiles() {
        String rule = """
                package llmcap.rules;
                import llmcap.domain.Quantity;
                rule "same.name"
                when
                    not Quantity(name == "x.%s")
                then
                    insert(new Quantity("x.%s", 1, "1"));
                end
                """;
        assertTrue(FileCompiler.compile(List.of(new RuleFile("rules/a.drl", rule.formatted("a", "a")),
                new RuleFile("rules/b.drl", rule.formatted("b", "b")))).isEmpty());
        String function = "package llmcap.rules;\nfunction double f(double x) { return %s; }\n";
        assertTrue(FileCompiler.compile(List.of(new RuleFile("rules/a.drl", function.formatted("x")),
                new RuleFile("rules/b.drl", function.formatted("2 * x")))).isEmpty());
    }

    /**
     * A saved file the parser rejects is reported from that file alone, with exactly the lines a compile
     * of all files together gives: for a spread of syntax errors, in one file or in two.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("syntaxErrors")
    void aSyntaxErrorReadsAsTheCompileOfAllFilesTogether(String what, Map<Integer, java.util.function.UnaryOperator<String>> edits) {
        List<RuleFile> good = bundled();
        RuleBook.compile(good); // the other files are kept, as in a server that has run a while
        List<RuleFile> broken = new ArrayList<>(good);
        edits.forEach((i, edit) -> {
            String before = good.get(i).text();
            String after = edit.apply(before);
            assertTrue(!after.equals(before), what + ": the edit changes " + good.get(i).display());
            broken.set(i, new RuleFile(good.get(i).display(), after));
        });
        RuleException together = org.junit.jupiter.api.Assertions.assertThrows(RuleException.class,
                () -> RuleBook.compiledTogether(broken));
        RuleException alone = org.junit.jupiter.api.Assertions.assertThrows(RuleException.class,
                () -> FileCompiler.compile(broken), what + ": reported from the broken files alone");
        assertEquals(together.getMessage(), alone.getMessage(), what);
        assertTrue(alone.getMessage().contains(good.get(edits.keySet().iterator().next()).display() + ":"), alone.getMessage());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> syntaxErrors() {
        java.util.function.UnaryOperator<String> unfinished = t -> t + "\nrule \"broken\"\nwhen\n    Quantity(name == \n";
        java.util.function.UnaryOperator<String> then = t -> t.replaceFirst("(?m)^then$", "thne");
        java.util.function.UnaryOperator<String> end = t -> t.replaceFirst("(?m)^end$", "ned");
        java.util.function.UnaryOperator<String> string = t -> t.replaceFirst("name == \"", "name == \"\"\"");
        java.util.function.UnaryOperator<String> stray = t -> t + "\nthis is not DRL\n";
        java.util.function.UnaryOperator<String> paren = t -> t.replaceFirst("(?m)^(\\s+)(not )?Quantity\\(", "$1$2Quantity((");
        int last = bundled().size() - 1;
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("a rule left unfinished at the end of the first file", Map.of(0, unfinished)),
                org.junit.jupiter.params.provider.Arguments.of("then misspelt in a middle file", Map.of(5, then)),
                org.junit.jupiter.params.provider.Arguments.of("end misspelt in the last file", Map.of(last, end)),
                org.junit.jupiter.params.provider.Arguments.of("a string left open", Map.of(3, string)),
                org.junit.jupiter.params.provider.Arguments.of("text outside any rule", Map.of(7, stray)),
                org.junit.jupiter.params.provider.Arguments.of("a parenthesis too many", Map.of(2, paren)),
                org.junit.jupiter.params.provider.Arguments.of("two files broken", new java.util.TreeMap<>(Map.of(1, then, last, unfinished))));
    }

    /** A compile error (not a syntax error) may come from another file's function: all files are compiled together. */
    @Test
    void aCompileErrorIsLeftToTheCompilerOfAllFiles() {
        List<RuleFile> files = new ArrayList<>(bundled());
        files.set(0, new RuleFile(files.get(0).display(), files.get(0).text().replaceFirst("insert\\(", "insrt(")));
        assertTrue(FileCompiler.compile(files).isEmpty());
        List<RuleFile> both = new ArrayList<>(files);
        both.set(1, new RuleFile(files.get(1).display(), files.get(1).text() + "\nthis is not DRL\n"));
        assertTrue(FileCompiler.compile(both).isEmpty(), "a syntax error beside a compile error: all together too");
        RuleException together = org.junit.jupiter.api.Assertions.assertThrows(RuleException.class,
                () -> RuleBook.compiledTogether(both));
        RuleException viaBook = org.junit.jupiter.api.Assertions.assertThrows(RuleException.class, () -> RuleBook.compile(both));
        assertEquals(together.getMessage(), viaBook.getMessage());
    }

    private static List<RuleFile> bundled() {
        return RuleFile.readAll(Path.of("rules"), "rules");
    }
}

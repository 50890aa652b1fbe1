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
}

package llmcap.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import llmcap.app.Folder;
import llmcap.app.Result;
import llmcap.app.Selection;
import llmcap.app.Timings;
import llmcap.app.Workspace;
import llmcap.catalog.Fields;
import llmcap.catalog.Scenario;
import llmcap.catalog.YNode;
import llmcap.catalog.Yaml;
import llmcap.domain.Origin;
import llmcap.engine.Derivation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The article's whole estimate, figure by figure, from the real rules and catalog. Expectations and
 * tolerances are data, each with its reason: the shipped validation case
 * catalog/validation/article-chatgpt-2023-01.yaml, which `llmcap validate` also runs.
 */
class ArticleGoldenTest {

    record Case(String figure, String quantity, double article, double tolerancePercent, String why) {
        @Override
        public String toString() {
            return "#" + figure + " " + quantity;
        }
    }

    private static Result result;

    @BeforeAll
    static void runDefaultScenario() {
        Workspace w = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"),
                new Timings());
        result = w.estimate(Selection.defaults());
    }

    static Stream<Case> cases() {
        Path file = Path.of("catalog/validation/article-chatgpt-2023-01.yaml");
        List<Case> out = new ArrayList<>();
        for (YNode n : new Fields(Yaml.read(file, file.toString()), "golden").list("checks")) {
            Fields f = new Fields(n, "case");
            out.add(new Case(f.text("figure"), f.text("quantity"), f.number("published"), f.number("tolerance_percent"),
                    f.text("why")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void figureMatchesTheArticle(Case c) {
        Derivation d = result.estimate().get(c.quantity())
                .orElseThrow(() -> new AssertionError(c + " was not derived"));
        double deviation = Math.abs(d.quantity().value() - c.article()) / c.article() * 100;
        assertTrue(deviation <= c.tolerancePercent() + 1e-9, c + ": " + d.quantity().value() + " is "
                + deviation + " % from the article's " + c.article() + " (tolerance " + c.tolerancePercent() + " %: "
                + c.why() + ")");
    }

    @Test
    void everyFigureOneToSixteenHasACase() {
        List<String> figures = cases().map(Case::figure).distinct().toList();
        for (int i = 1; i <= 16; i++) {
            assertTrue(figures.contains(String.valueOf(i)), "no golden case for figure #" + i);
        }
    }

    @Test
    void figureOneIsTheArticlesFactorOf1024Lower() {
        // 2046 / 1.024 = 1998.0: the exact ratio is the article's value without its factor 1024.
        assertEquals(2046 / 1.024, result.estimate().value("checkpoint.param_ratio").orElseThrow(), 0.5);
    }

    @Test
    void theScenarioShowsTheSameArticleValuesAsTheGoldenCases() {
        Scenario s = result.scenario();
        for (Case c : cases().toList()) {
            s.published().stream().filter(p -> p.quantity().equals(c.quantity())).findFirst()
                    .ifPresent(p -> assertEquals(c.article(), p.value(), Math.abs(c.article()) * 1e-9, c.toString()));
        }
    }

    @Test
    void everyFormulaFigureIsCreditedToARuleWithFileAndLine() {
        for (Case c : cases().toList()) {
            Derivation d = result.estimate().get(c.quantity()).orElseThrow();
            if (d.origin().kind() == Origin.Kind.RULE) {
                assertTrue(d.origin().where().matches("rules/[a-z_]+\\.drl:\\d+"), c + " " + d.origin().where());
                assertTrue(!d.inputs().isEmpty(), c + " has no inputs");
            }
        }
    }
}

package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;

/**
 * Every estimate opens with the answers of its scenario's kind (rules/headline.yaml); the long lists,
 * and for the article its published figures, follow.
 */
class HeadlineTest {

    /** The lines of the text report from its "Answers" heading to the blank line after the block. */
    private static List<String> answers(Run r) {
        List<String> lines = r.outLines();
        int from = 0;
        while (from < lines.size() && !lines.get(from).startsWith("Answers for a ")) {
            from++;
        }
        int to = from;
        while (to < lines.size() && !lines.get(to).isEmpty()) {
            to++;
        }
        return lines.subList(from, to);
    }

    private static List<String> names(JsonObject headline) {
        List<String> out = new ArrayList<>();
        for (JsonElement s : headline.getAsJsonArray("sections")) {
            for (JsonElement f : s.getAsJsonObject().getAsJsonArray("figures")) {
                out.add(f.getAsJsonObject().get("name").getAsString());
            }
        }
        return out;
    }

    @Test
    void theArticlesRunOpensWithItsAnswersThenItsPublishedFigures() {
        Run r = run();
        assertOk(r);
        String out = r.out();
        int answers = out.indexOf("Answers for a serving and training question");
        int published = out.indexOf("Published figures beside llmcap's");
        int derived = out.indexOf("Derived quantities");
        assertTrue(answers > 0 && answers < published && published < derived, r::describe);
        List<String> block = answers(r);
        assertTrue(block.stream().anyMatch(l -> l.contains("serving.gpus")), block::toString);
        assertTrue(block.stream().anyMatch(l -> l.contains("training.gpus")), block::toString);
        // the article's daily fleet rental, published as $360,000/day (catalog/scenarios/chatgpt-2023-01.yaml)
        assertTrue(block.stream().anyMatch(l -> l.contains("$360,000/day") && l.endsWith("cost.fleet_daily_usd")),
                block::toString);
    }

    @Test
    void aServingScenarioAnswersServingQuestionsOnly() {
        Run r = run("estimate", "--scenario", "chat-llama-3.1-70b-h100");
        assertOk(r);
        List<String> block = answers(r);
        assertEquals("Answers for a serving question (the figures rules/headline.yaml lists)", block.get(0));
        assertTrue(block.stream().noneMatch(l -> l.contains("training")), block::toString);
        // the scenario's MLPerf limits: TTFT at most 2 s, TPOT at most 200 ms, each shown beside its figure
        assertTrue(block.stream().anyMatch(l -> l.contains("≤ 2 s") && l.endsWith("serving.ttft_s")), block::toString);
        assertTrue(block.stream().anyMatch(l -> l.contains("≤ 200 ms") && l.endsWith("serving.tpot_s")),
                block::toString);
        assertTrue(block.stream().anyMatch(l -> l.endsWith("cost.usd_per_million_tokens")), block::toString);
        assertTrue(r.out().indexOf("Answers for") < r.out().indexOf("Derived quantities"), r::describe);
    }

    @Test
    void jsonHasTheHeadlineOfTheKind() {
        JsonObject doc = run("estimate", "--scenario", "chat-llama-3.1-70b-h100", "--format", "json").json();
        assertEquals("serving", doc.get("kind").getAsString());
        JsonObject headline = doc.getAsJsonObject("headline");
        assertEquals("rules/headline.yaml", headline.get("spec").getAsString());
        List<String> names = names(headline);
        assertTrue(names.contains("serving.gpus") && names.contains("cost.usd_per_million_tokens"), names::toString);
        assertTrue(names.stream().noneMatch(n -> n.startsWith("training.")), names::toString);
        JsonArray sections = headline.getAsJsonArray("sections");
        assertEquals("storage", sections.get(0).getAsJsonObject().get("section").getAsString());
    }

    @Test
    void markdownAndHtmlOpenWithTheAnswers() {
        String md = run("estimate", "--format", "markdown").out();
        assertTrue(md.indexOf("## Answers for a serving and training question") < md.indexOf("## Published figures"), md);
        String html = run("estimate", "--format", "html").out();
        assertTrue(html.indexOf("<section class=\"headline\">") < html.indexOf("Published figures beside"), "html");
    }
}

package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the reader of rule texts takes from an action, and what it leaves alone. */
class ConsequencesTest {

    private static final String TEXT = """
            package llmcap.rules;
            // a comment with then and end in it
            rule "x.gpus = ceil(need / each)"
            when
                Quantity(name == "x.need", $need : value)
                Quantity(name == "x.each", $each : value, value > 0)
                Setting(name == "x.mode", value == "fast")
            then
                double ratio = $need / $each; // the comment ends here
                insert(new Quantity("x.gpus", Math.ceil(ratio), "GPU"));
                insert(new Quantity("x.ratio", ratio, "1"));
            end

            rule "x.twice"
            when
                Quantity(name == "x.need", $need : value)
            then
                double v = $need;
                v = v * 2;
                insert(new Quantity("x.twice", helper(v), "1"));
            end
            """;

    private static Consequences read() {
        List<RuleFile> files = List.of(new RuleFile("rules/x.drl", TEXT));
        return new Consequences(new RuleIndex(files), files);
    }

    @Test
    void readsBindingsLocalsAndTheExpressionOfEachValue() {
        Consequences.Action a = read().at("rules/x.drl:3").orElseThrow();
        assertEquals(Map.of("$need", "x.need", "$each", "x.each"), a.boundTo());
        assertEquals(List.of("ratio"), a.locals().stream().map(Consequences.Local::name).toList());
        assertEquals(Set.of("x.gpus", "x.ratio"), a.values().keySet());
        assertEquals(3.0, Expr.evaluate(a.values().get("x.gpus"), Map.of("ratio", 2.5)));
        assertEquals(Set.of("x.mode"), a.selected());
    }

    @Test
    void anActionThatAssignsIsNotRead() {
        assertTrue(read().at("rules/x.drl:14").isEmpty(), "v changes after it is declared");
    }
}

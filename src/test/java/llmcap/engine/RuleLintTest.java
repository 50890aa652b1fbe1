package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the rules may not do, found in their text before they are compiled. */
class RuleLintTest {

    private static List<String> problems(String drl) {
        return RuleLint.problems(List.of(new RuleFile("rules/t.drl", drl)));
    }

    @Test
    void exitInACommentAStringOrAnotherNameIsNoCall() {
        assertEquals(List.of(), problems("""
                // System.exit(1) would end the process
                /* so would Runtime.getRuntime().halt(0) */
                rule "x"
                when
                    Quantity(name == "a.b", $v : value)
                then
                    String s = "exit(1) and halt()";
                    double exitCode(double v) ;
                    insert(new Quantity("c.d", $v, "1"));
                end
                """));
    }

    @Test
    void everyCallNamesItsRuleAndLine() {
        List<String> p = problems("""
                rule "first"
                when
                then
                    java.lang.System.exit(2);
                end
                rule "second"
                when
                then
                    kcontext.getKieRuntime().halt();
                end
                """);
        assertEquals(2, p.size(), p.toString());
        assertEquals("rules/t.drl:4: rule \"first\" calls exit(...)", p.get(0).substring(0, p.get(0).indexOf(';')));
        assertEquals("rules/t.drl:9: rule \"second\" calls halt(...)", p.get(1).substring(0, p.get(1).indexOf(';')));
    }

    @Test
    void aDeclaredTypeIsRefusedAtItsLine() {
        List<String> p = problems("package x;\n\ndeclare Helper\n    v : double\nend\n");
        assertEquals(1, p.size(), p.toString());
        assertEquals("rules/t.drl:3: declares a fact type Helper", p.get(0).substring(0, p.get(0).indexOf(';')));
    }
}

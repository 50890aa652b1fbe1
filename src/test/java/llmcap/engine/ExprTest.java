package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expressions of rule actions, read and computed as Java computes them. */
class ExprTest {

    private static Object eval(String text, Map<String, Object> names) {
        return Expr.evaluate(Expr.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text)), names);
    }

    @Test
    void integerLiteralsDivideAsJavaDoes() {
        assertEquals(0, eval("1 / 2", Map.of()));          // int / int
        assertEquals(0.5, eval("1.0 / 2", Map.of()));
        assertEquals(0.5, eval("$x / 2", Map.of("$x", 1.0)));
        assertEquals(13.0, eval("10 + 24 / $t", Map.of("$t", 8.0)));
    }

    @Test
    void precedenceAndParenthesesAsWritten() {
        assertEquals(14, eval("2 + 3 * 4", Map.of()));
        assertEquals(20, eval("(2 + 3) * 4", Map.of()));
        assertEquals(-1.0, eval("-$room", Map.of("$room", 1.0)));
        assertEquals(7.0 / 2 * 3, eval("7.0 / 2 * 3", Map.of()));  // left to right
    }

    @Test
    void mathFunctionsTernaryAndCasts() {
        // ceil(688.39264e15 / 312e12) = ceil(2206.39) = 2207
        assertEquals(2207.0, eval("Math.ceil($need / $gpu)", Map.of("$need", 688.39264e15, "$gpu", 312e12)));
        assertEquals(1.5, eval("$z == 3 ? 1.5 : 1", Map.of("$z", 3.0)));
        assertEquals(1, eval("$z == 3 ? 1.5 : 1", Map.of("$z", 1.0)));
        assertEquals(4e6, eval("Math.max(4e6, 1024 * $gpus)", Map.of("$gpus", 671.0)));
        assertEquals(3.0, eval("(long) $x", Map.of("$x", 3.7)));
    }

    @Test
    void aRuleFilesFunctionOrAnUnknownNameIsOpaque() {
        assertThrows(Expr.Opaque.class, () -> eval("bytesPerElement($dtype)", Map.of("$dtype", "bf16")));
        assertThrows(Expr.Opaque.class, () -> eval("$a + $b", Map.of("$a", 1.0)));
    }

    @Test
    void whatIsNotAnExpressionIsNotParsed() {
        assertTrue(Expr.parse("if ($x > 1) { y = 2; }").isEmpty());
        assertTrue(Expr.parse("$x +").isEmpty());
        assertTrue(Expr.parse("($x").isEmpty());
    }

    @Test
    void commentsAndNumbersInTheTextAreRead() {
        assertEquals(2.5e-3 * 2, eval("2.5e-3 /* a comment */ * 2 // and another", Map.of()));
        assertEquals(1000, eval("1_000", Map.of()));
    }
}

package llmcap.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Answers are kept from the second time their question is asked; a question asked once keeps nothing. */
class ResponseCacheTest {

    @Test
    void aQuestionAskedOnceKeepsNoAnswerOneAskedAgainDoes() {
        ResponseCache c = new ResponseCache(512, 64L << 20);
        c.put("v1 /api/estimate?set=x%3D1", "{\"a\":1}");
        assertTrue(c.get("v1 /api/estimate?set=x%3D1").isEmpty(), "asked once: not kept");
        c.put("v1 /api/estimate?set=x%3D1", "{\"a\":1}");
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), c.get("v1 /api/estimate?set=x%3D1").orElseThrow());
    }

    @Test
    void manyQuestionsAskedOnceKeepNothingAndAreForgottenInTime() {
        ResponseCache c = new ResponseCache(512, 64L << 20);
        for (int i = 0; i < 3 * ResponseCache.ASKED_ONCE; i++) {
            c.put("v1 /api/estimate?set=x%3D" + i, "{}");
        }
        for (int i = 0; i < 3 * ResponseCache.ASKED_ONCE; i++) {
            assertTrue(c.get("v1 /api/estimate?set=x%3D" + i).isEmpty());
        }
        c.put("v1 /api/estimate?set=x%3D0", "{}"); // long forgotten: counts as a first time again
        assertTrue(c.get("v1 /api/estimate?set=x%3D0").isEmpty());
        String recent = "v1 /api/estimate?set=x%3D" + (3 * ResponseCache.ASKED_ONCE - 1);
        c.put(recent, "{}");
        assertTrue(c.get(recent).isPresent(), "a recent question asked again is kept");
    }
}

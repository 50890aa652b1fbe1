package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/checkpoint.drl: disk size by linear scaling from a reference checkpoint (the article, #1-#2). */
class CheckpointRulesTest {

    @Test
    void gpt35ScaledFromYolov5x() {
        Estimate e = RuleFixture.of("checkpoint.drl")
                .given("model.params", 175e9, "param")
                .given("reference.params", 87.6e6, "param")
                .given("reference.checkpoint_bytes", 166e6, "B")
                .run();
        // 175e9 / 87.6e6 = 1997.7169; 166e6 B x 1997.7169 = 331.62 GB (seed-figures.md #1, #2 exact column).
        Derivation ratio = assertDerived(e, "checkpoint.param_ratio", 175e9 / 87.6e6, "1",
                "checkpoint.param_ratio = model.params / reference.params");
        assertEquals(List.of("model.params", "reference.params"), ratio.inputs());
        assertDerived(e, "checkpoint.bytes", 331.62100456621e9, "B",
                "checkpoint.bytes = reference.checkpoint_bytes x checkpoint.param_ratio");
    }

    @Test
    void noReferenceModelNoScaledSize() {
        Estimate e = RuleFixture.of("checkpoint.drl").given("model.params", 175e9, "param").run();
        assertEquals(false, e.get("checkpoint.bytes").isPresent());
    }
}

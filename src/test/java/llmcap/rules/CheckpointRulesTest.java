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
        // 175e9 / 87.6e6 = 1997.7169; 166e6 B x 1997.7169 = 331.62 GB (docs/article.md #1, #2).
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

    private static Estimate paramsTimesBytes(double params, String dtype) {
        return RuleFixture.of("checkpoint.drl", "precision.drl").given("model.params", params, "param")
                .givenSetting("inference.weight_dtype", dtype).givenSetting("inference.kv_dtype", "bf16")
                .given("training.optimizer_bytes_per_param", 12, "B/param").run();
    }

    @Test
    void gptJ6bIs24_2GBInFp32And12_1GBInFp16() {
        // EleutherAI/gpt-j-6b: 6,053,381,344 parameters; released checkpoints 24.2 GB (fp32) and 12.1 GB (fp16).
        double fp32 = paramsTimesBytes(6_053_381_344.0, "fp32").value("checkpoint.weights_bytes").orElseThrow();
        double fp16 = paramsTimesBytes(6_053_381_344.0, "fp16").value("checkpoint.weights_bytes").orElseThrow();
        assertEquals(24.2e9, fp32, 0.05e9);
        assertEquals(12.1e9, fp16, 0.05e9);
    }

    @Test
    void llama2_7bFp16WeightsFromItsParameterCount() {
        // meta-llama/Llama-2-7b-hf: 6,738,415,616 parameters (sum of its tensor shapes); its
        // model.safetensors.index.json states total_size 13,476,839,424 bytes, which also counts the rotary
        // inv_freq buffers: 32 layers x 64 fp32 values x 4 B = 8,192 B that are not parameters.
        Estimate e = paramsTimesBytes(6_738_415_616.0, "fp16");
        assertDerived(e, "checkpoint.weights_bytes", 13_476_831_232.0, "B", "checkpoint.weights_bytes = model.params x checkpoint.bytes_per_param");
        assertEquals(13_476_839_424.0, e.value("checkpoint.weights_bytes").orElseThrow() + 32 * 64 * 4);
    }

    @Test
    void aTrainingCheckpointAddsTheOptimizerStates() {
        // bf16 weights (2 B) + fp32 master copy and Adam moments (12 B) = 14 B per parameter: 7e9 x 14 = 98 GB.
        assertDerived(paramsTimesBytes(7e9, "bf16"), "checkpoint.training_bytes", 98e9, "B",
                "checkpoint.training_bytes = model.params x (checkpoint.bytes_per_param + training.optimizer_bytes_per_param)");
    }
}

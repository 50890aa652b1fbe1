package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/inference.drl: weights in GPU memory, GPUs to hold them, FLOP per token (the article, #3-#4). */
class InferenceRulesTest {

    private static Estimate run(double params, double memory) {
        return RuleFixture.of("inference.drl")
                .given("model.params", params, "param")
                .given("inference.bytes_per_param", 4, "B/param")
                .given("inference.flops_per_param_token", 2, "FLOP/param/token")
                .given("gpu.memory_bytes", memory, "B")
                .run();
    }

    @Test
    void gpt35WeightsInFp32NeedNineA100() {
        Estimate e = run(175e9, 80e9);
        // 175e9 x 4 B = 700 GB; 700 / 80 = 8.75 -> 9 (seed-figures.md #3, #4).
        assertDerived(e, "inference.weights_bytes", 700e9, "B", "inference.weights_bytes = model.params x inference.bytes_per_param");
        assertDerived(e, "inference.gpus", 9, "GPU", "inference.gpus = ceil(inference.weights_bytes / gpu.memory_bytes)");
        // 2 x 175e9 = 3.5e11 FLOP per token (Kaplan et al. 2020: forward pass ~ 2N).
        assertDerived(e, "inference.flops_per_token", 3.5e11, "FLOP/token",
                "inference.flops_per_token = inference.flops_per_param_token x model.params");
    }

    @Test
    void weightsThatFillGpusExactlyNeedNoExtraGpu() {
        // 40e9 params x 4 B = 160 GB = exactly 2 x 80 GB.
        assertDerived(run(40e9, 80e9), "inference.gpus", 2, "GPU", "inference.gpus = ceil(inference.weights_bytes / gpu.memory_bytes)");
    }
}

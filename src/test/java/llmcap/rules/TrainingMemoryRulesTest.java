package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/**
 * rules/training_memory.drl: model states with ZeRO, activations (Korthikanti et al. 2022), and the
 * fewest GPUs that hold a run. GPT-3 175B shapes: 96 layers, hidden 12288, 96 heads, 2048 tokens.
 */
class TrainingMemoryRulesTest {

    private static RuleFixture gpt3(int zero, double tensorParallel, String recompute) {
        return RuleFixture.of("training_memory.drl")
                .given("model.params", 175e9, "param").given("model.layers", 96, "1")
                .given("model.hidden_size", 12288, "1").given("model.attention_heads", 96, "1")
                .given("training.bytes_per_param", 16, "B/param").given("training.weight_bytes_per_param", 2, "B/param")
                .given("training.grad_bytes_per_param", 2, "B/param").given("training.zero_stage", zero, "1")
                .given("training.tensor_parallel", tensorParallel, "GPU").given("training.pipeline_parallel", 1, "GPU")
                .given("training.micro_batch", 1, "1").given("training.sequence_tokens", 2048, "token")
                .givenSetting("training.recompute", recompute).given("gpu.usable_bytes", 72e9, "B");
    }

    @Test
    void sixteenBytesPerParameterSplitIntoWeightsGradientsAndOptimizer() {
        // Transformer Math 101: 2 (fp16 weights) + 2 (fp16 gradients) + 12 (fp32 copy, momentum, variance).
        Estimate e = gpt3(3, 1, "full").run();
        assertDerived(e, "training.optimizer_bytes_per_param", 12, "B/param",
                "training.optimizer_bytes_per_param = training.bytes_per_param - weights - gradients");
        assertDerived(e, "training.model_state_bytes", 2.8e12, "B", "training.model_state_bytes = model.params x training.bytes_per_param");
    }

    @Test
    void zero3WithFullRecomputeFitsGpt3On42A100() {
        Estimate e = gpt3(3, 1, "full").run();
        // Full recompute keeps each layer's input: 2sbh = 2 x 2048 x 1 x 12288 B per layer, x 96 layers = 4.83 GB.
        assertDerived(e, "training.activation_bytes_per_layer", 2.0 * 2048 * 12288, "B",
                "training.activation_bytes_per_layer = 2sbh (full recompute: each layer's input only)");
        assertDerived(e, "training.activation_bytes_per_gpu", 2.0 * 2048 * 12288 * 96, "B",
                "training.activation_bytes_per_gpu = training.activation_bytes_per_layer x model.layers");
        // Room: 72e9 - 4.832e9 = 67.168e9 B; ranks = ceil(175e9 x 16 / 67.168e9) = ceil(41.69) = 42.
        assertDerived(e, "training.gpus_memory", 42, "GPU",
                "training.gpus_memory = model parallel x ceil(params x sharded bytes / (model parallel x room))");
    }

    @Test
    void zero1NeedsTheWeightsAndGradientsOnEveryGpuAndDoesNotFit() {
        // ZeRO-1 at tensor parallel 8: (2 + 2) B x 175e9 / 8 = 87.5 GB unsharded per GPU, more than 72 GB.
        Estimate e = gpt3(1, 8, "full").run();
        assertDerived(e, "training.unsharded_bytes_per_param", 4, "B/param", "ZeRO stage 1: optimizer states sharded over data-parallel ranks");
        double shortfall = 87.5e9 + 2.0 * 2048 * 12288 * 96 - 72e9;
        assertDerived(e, "training.memory_shortfall_bytes", shortfall, "B",
                "training.memory_shortfall_bytes = what does not fit on one GPU at any data-parallel size");
        assertFalse(e.get("training.gpus_memory").isPresent());
    }

    @Test
    void noRecomputeActivationsFollowKorthikantiEquation() {
        // Korthikanti et al. 2022, tensor + sequence parallel: sbh(34/t + 5as/(ht)) per layer, t = 8.
        double s = 2048, h = 12288, a = 96, t = 8;
        Estimate e = gpt3(3, 8, "none").run();
        assertDerived(e, "training.activation_bytes_per_layer", s * h * (34 / t + 5 * a * s / (h * t)), "B",
                "training.activation_bytes_per_layer = sbh(34/t + 5as/(ht)) (no recompute)");
    }

    @Test
    void selectiveRecomputeDropsTheAttentionTerm() {
        Estimate e = gpt3(3, 8, "selective").run();
        assertDerived(e, "training.activation_bytes_per_layer", 34 * 2048 * 12288 / 8.0, "B",
                "training.activation_bytes_per_layer = 34sbh/t (selective recompute)");
    }

    @Test
    void zero0FitsWhenTheWholeStateFitsOnTheModelParallelGroup() {
        // A 1B model: 16 GB of states + activations fit on one GPU, so one GPU (no data parallelism needed).
        Estimate e = RuleFixture.of("training_memory.drl")
                .given("model.params", 1e9, "param").given("model.layers", 24, "1").given("model.hidden_size", 2048, "1")
                .given("model.attention_heads", 16, "1").given("training.bytes_per_param", 16, "B/param")
                .given("training.weight_bytes_per_param", 2, "B/param").given("training.grad_bytes_per_param", 2, "B/param")
                .given("training.zero_stage", 0, "1").given("training.tensor_parallel", 1, "GPU")
                .given("training.pipeline_parallel", 1, "GPU").given("training.micro_batch", 1, "1")
                .given("training.sequence_tokens", 2048, "token").givenSetting("training.recompute", "full")
                .given("gpu.usable_bytes", 72e9, "B").run();
        assertEquals(1, e.value("training.gpus_memory").orElseThrow());
    }
}

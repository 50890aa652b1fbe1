package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static llmcap.rules.RuleFixture.assertSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/**
 * rules/training_memory.drl: model states with ZeRO, activations (Korthikanti et al. 2022), memory per
 * GPU at the layout, and the fewest GPUs that hold a run. GPT-3 175B shapes: 96 layers, hidden 12288,
 * 96 heads, 2048 tokens.
 */
class TrainingMemoryRulesTest {

    private static RuleFixture gpt3(int zero, double tensorParallel, double dataParallel, String recompute) {
        return RuleFixture.of("training_memory.drl")
                .given("model.params", 175e9, "param").given("model.layers", 96, "1")
                .given("model.hidden_size", 12288, "1").given("model.attention_heads", 96, "1")
                .given("training.weight_bytes_per_param", 2, "B/param").given("training.grad_bytes_per_param", 4, "B/param")
                .given("training.optimizer_bytes_per_param", 12, "B/param").given("training.zero_stage", zero, "1")
                .given("training.tensor_parallel", tensorParallel, "GPU").given("training.pipeline_parallel", 1, "GPU")
                .given("training.expert_parallel", 1, "GPU").given("training.context_parallel", 1, "GPU")
                .given("training.model_parallel", tensorParallel, "GPU").given("training.data_parallel", dataParallel, "GPU")
                .given("training.micro_batch", 1, "1").given("training.sequence_tokens", 2048, "token")
                .givenSetting("training.recompute", recompute).givenSetting("training.sequence_parallel", "yes")
                .given("gpu.usable_bytes", 72e9, "B");
    }

    @Test
    void eighteenBytesPerParameterAreTheSumOfWeightsGradientsAndOptimizer() {
        // Hugging Face model_memory_anatomy: "18 bytes per model parameter": 2 (16-bit weights) + 4 (fp32
        // gradients) + 12 (fp32 copy, momentum, variance). A 4-byte gradient no longer shrinks the optimizer.
        Estimate e = gpt3(3, 1, 64, "full").run();
        assertDerived(e, "training.bytes_per_param", 18, "B/param", "training.bytes_per_param = weights + gradients + optimizer");
        assertDerived(e, "training.model_state_bytes", 175e9 * 18, "B", "training.model_state_bytes = model.params x training.bytes_per_param");
    }

    @Test
    void deepSpeedsZero3EstimateForT5_3bOnEightGpus() {
        // DeepSpeed docs (memory.rst, estimate_zero3_model_states_mem_needs_all_live): t5-3b, 2851M parameters, 8 GPUs,
        // no offload: "4 x largest_layer_params + 18 x params / total_gpus" = 6.09 GiB per GPU. llmcap's sharded 18 B:
        // 2851e6 x 18 / 8 = 6.415e9 B = 5.97 GiB; DeepSpeed adds the largest layer's 32M parameters gathered live (0.12 GiB).
        Estimate e = RuleFixture.of("training_memory.drl").given("model.params", 2851e6, "param")
                .given("training.weight_bytes_per_param", 2, "B/param").given("training.grad_bytes_per_param", 4, "B/param")
                .given("training.optimizer_bytes_per_param", 12, "B/param").given("training.zero_stage", 3, "1")
                .given("training.tensor_parallel", 1, "GPU").given("training.pipeline_parallel", 1, "GPU")
                .given("training.expert_parallel", 1, "GPU").given("training.data_parallel", 8, "GPU").run();
        double states = e.value("training.model_state_bytes_per_gpu").orElseThrow();
        assertEquals(2851e6 * 18 / 8, states, 1);
        assertEquals(6.09, (states + 4 * 32e6) / Math.pow(2, 30), 0.01);
    }

    @Test
    void zero1OnEightWayTensorParallelAndSixtyFourDataParallelRanks() {
        // ZeRO-1: (2 + 4) B x 175e9 / 8 = 131.25 GB unsharded per GPU, + 12 B x 175e9 / 8 / 64 = 4.1 GB of optimizer.
        Estimate e = gpt3(1, 8, 64, "full").run();
        assertDerived(e, "training.unsharded_bytes_per_param", 6, "B/param", "ZeRO stage 1: optimizer states sharded over data-parallel ranks");
        assertDerived(e, "training.model_state_bytes_per_gpu", 175e9 / 8 * (6 + 12.0 / 64), "B",
                "training.model_state_bytes_per_gpu = params / (t p e) x (unsharded + sharded / data parallel)");
        // 131.25 GB alone is more than 72 GB: no data-parallel size helps; the layout does not fit and says so.
        assertSetting(e, "training.fits", "no", "training.fits = no (the layout needs more memory per GPU than the GPU has)");
        double act = 2.0 * 2048 * 12288 / 8 * 96;
        assertDerived(e, "training.memory_shortfall_bytes", 175e9 * 6 / 8 + act - 72e9, "B",
                "training.memory_shortfall_bytes = what does not fit on one GPU at any data-parallel size");
        assertFalse(e.get("training.gpus_memory").isPresent());
    }

    @Test
    void zero3WithFullRecomputeFitsGpt3On47A100() {
        Estimate e = gpt3(3, 1, 64, "full").run();
        // Full recompute with sequence parallelism keeps each layer's input: 2sbh/t = 2 x 2048 x 12288 B (t = 1), x 96.
        assertDerived(e, "training.activation_bytes_per_layer", 2.0 * 2048 * 12288, "B",
                "training.activation_bytes_per_layer = 2sbh/t (full recompute: each layer's input only, sequence parallel)");
        assertDerived(e, "training.activation_bytes_per_gpu", 2.0 * 2048 * 12288 * 96, "B",
                "training.activation_bytes_per_gpu = training.activation_bytes_per_layer x model.layers");
        // Room: 72e9 - 4.832e9 = 67.168e9 B; ranks = ceil(175e9 x 18 / 67.168e9) = ceil(46.9) = 47.
        assertDerived(e, "training.gpus_memory", 47, "GPU",
                "training.gpus_memory = model parallel x ceil(params x sharded bytes / (t p e x room))");
        // At 64 ranks: 175e9 x 18 / 64 = 49.2 GB + 4.8 GB of activations: it fits.
        assertDerived(e, "training.memory_per_gpu_bytes", 175e9 * 18 / 64 + 2.0 * 2048 * 12288 * 96, "B",
                "training.memory_per_gpu_bytes = model states + activations per GPU");
        assertSetting(e, "training.fits", "yes", "training.fits = yes (the layout holds the run)");
    }

    @Test
    void fullRecomputeWithoutSequenceParallelismKeepsTheWholeInput() {
        // Korthikanti et al. 2022: without sequence parallelism the layer input is not split over tensor ranks: 2sbh.
        Estimate e = gpt3(1, 8, 64, "full").givenSetting("training.sequence_parallel", "no").run();
        assertDerived(e, "training.activation_bytes_per_layer", 2.0 * 2048 * 12288, "B",
                "training.activation_bytes_per_layer = 2sbh (full recompute: each layer's input only, no sequence parallelism)");
    }

    @Test
    void noRecomputeActivationsFollowKorthikantiEquations() {
        double s = 2048, h = 12288, a = 96, t = 8;
        // Tensor + sequence parallel: sbh(34/t + 5as/(ht)); tensor only: sbh(10 + 24/t + 5as/(ht)).
        assertDerived(gpt3(3, 8, 8, "none").run(), "training.activation_bytes_per_layer", s * h * (34 / t + 5 * a * s / (h * t)), "B",
                "training.activation_bytes_per_layer = sbh(34/t + 5as/(ht)) (no recompute, sequence parallel)");
        assertDerived(gpt3(3, 8, 8, "none").givenSetting("training.sequence_parallel", "no").run(), "training.activation_bytes_per_layer",
                s * h * (10 + 24 / t + 5 * a * s / (h * t)), "B",
                "training.activation_bytes_per_layer = sbh(10 + 24/t + 5as/(ht)) (no recompute, no sequence parallelism)");
    }

    @Test
    void selectiveRecomputeDropsTheAttentionTerm() {
        assertDerived(gpt3(3, 8, 8, "selective").run(), "training.activation_bytes_per_layer", 34 * 2048 * 12288 / 8.0, "B",
                "training.activation_bytes_per_layer = 34sbh/t (selective recompute, sequence parallel)");
        assertDerived(gpt3(3, 8, 8, "selective").givenSetting("training.sequence_parallel", "no").run(),
                "training.activation_bytes_per_layer", 2048 * 12288 * (10 + 24 / 8.0), "B",
                "training.activation_bytes_per_layer = sbh(10 + 24/t) (selective recompute, no sequence parallelism)");
    }

    @Test
    void contextParallelismSplitsTheSequence() {
        Estimate e = gpt3(3, 8, 8, "selective").given("training.context_parallel", 4, "GPU").run();
        assertDerived(e, "training.activation_tokens", 512, "token", "training.activation_tokens = training.sequence_tokens / training.context_parallel");
    }
}

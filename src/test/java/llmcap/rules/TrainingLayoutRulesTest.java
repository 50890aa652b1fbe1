package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/training_layout.drl: the sequence, the GPUs the layout is planned for, and the parallel degrees. */
class TrainingLayoutRulesTest {

    /** GPT-3 175B (Brown et al. 2020, Table D.1: 174,600M parameters) on A100 80GB: 81,920 MiB, 10 % reserved. */
    private static RuleFixture gpt3OnA100() {
        return RuleFixture.of("training_layout.drl", "training_assumptions.drl")
                .given("model.params", 174.6e9, "param").given("model.context_length", 2048, "1")
                .given("gpu.usable_bytes", 81920.0 * 1024 * 1024 * 0.9, "B").given("inference.gpus_per_node", 8, "GPU");
    }

    private static final String TP =
            "training.tensor_parallel = smallest power of two in a node with weights + gradients under half a GPU (chosen by llmcap)";
    private static final String PP = "training.pipeline_parallel = fewest stages with weights + gradients under half a GPU (chosen by llmcap)";

    @Test
    void tensorParallelFillsTheNodeThenPipelineStagesTakeTheRest() {
        // (2 + 4) B x 174.6e9 = 1.0476e12 B of weights and gradients; half of 77.31 GB = 38.65 GB: 27 GPUs' worth,
        // so tensor parallel stops at the node's 8 and ceil(1.0476e12 / (8 x 38.65e9)) = ceil(3.39) = 4 stages.
        Estimate e = gpt3OnA100().given("training.cluster_gpus", 1024, "GPU").run();
        assertDerived(e, "training.tensor_parallel", 8, "GPU", TP);
        assertDerived(e, "training.pipeline_parallel", 4, "GPU", PP);
        assertDerived(e, "training.model_parallel", 32, "GPU", "training.model_parallel = tensor x pipeline x context parallel");
        // 1024 GPUs / 32 = 32 data-parallel ranks; 4M tokens / (2048 x 1 x 32) = 61.0 micro-batches per step.
        assertDerived(e, "training.data_parallel", 32, "GPU",
                "training.data_parallel = floor(training.layout_gpus / training.model_parallel) (the rest of the GPUs)");
        assertDerived(e, "training.global_batch_tokens", 4e6, "token",
                "training.global_batch_tokens = max(4M, 1,024 tokens per GPU) (LLaMA's 4M; Llama 3's 16M on 16,384 GPUs)");
        assertDerived(e, "training.micro_batches", 4e6 / (2048 * 32), "1",
                "training.micro_batches = global batch / (sequence x micro-batch x data parallel), at least 1");
        assertDerived(e, "training.virtual_pipeline", 2, "1",
                "training.virtual_pipeline = 2 (pipelined: the interleaved schedule with two chunks per GPU)");
    }

    @Test
    void aSmallModelNeedsNoModelParallelism() {
        // LLaMA-7B: 6 B x 6.7e9 = 40.2 GB on one A100 is more than half of 77.31 GB: tensor parallel 2, one stage.
        Estimate e = gpt3OnA100().given("model.params", 6.7e9, "param").given("training.cluster_gpus", 64, "GPU").run();
        assertDerived(e, "training.tensor_parallel", 2, "GPU", TP);
        assertDerived(e, "training.pipeline_parallel", 1, "GPU", PP);
        assertDerived(e, "training.virtual_pipeline", 1, "1", "training.virtual_pipeline = 1 (no pipeline stages to interleave)");
    }

    @Test
    void theBatchGrowsWithTheCluster() {
        // Llama 3 (Dubey et al. 2024, section 3.4.1): 16M tokens on 16,384 GPUs: 1,024 x 16,384 = 16.8M.
        Estimate e = gpt3OnA100().given("training.cluster_gpus", 16384, "GPU").run();
        assertEquals(1024 * 16384, e.value("training.global_batch_tokens").orElseThrow());
    }

    @Test
    void withoutAClusterTheLayoutIsPlannedForTheDeadline() {
        // 3.145e23 FLOP at 150 TFLOP/s for 30 days: 3.145e23 / (150e12 x 30 x 86400) = 808.9 -> 809 GPUs.
        Estimate e = gpt3OnA100().given("training.flops", 3.145e23, "FLOP").given("training.compute_rate_per_gpu", 150e12, "FLOP/s")
                .given("training.days", 30, "day").run();
        assertDerived(e, "training.layout_gpus", 809, "GPU", "training.layout_gpus = GPUs the deadline needs at the compute rate alone");
    }

    @Test
    void theSequenceIsThePreTrainingLengthNotTheLongestContext() {
        // Llama 3.1: a 131,072-token context, pre-trained on sequences of 8,192 (Dubey et al. 2024, section 3.4.1).
        Estimate e = gpt3OnA100().given("model.context_length", 131072, "1").given("model.training_sequence_tokens", 8192, "token").run();
        assertDerived(e, "training.sequence_tokens", 8192, "token",
                "training.sequence_tokens = model.training_sequence_tokens (the pre-training sequence length)");
        Estimate f = gpt3OnA100().given("model.context_length", 131072, "1").run();
        assertDerived(f, "training.sequence_tokens", 4096, "token",
                "training.sequence_tokens = min(4096, model.context_length) (no pre-training length published)");
    }
}

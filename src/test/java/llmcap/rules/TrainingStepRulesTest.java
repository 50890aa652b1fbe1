package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/**
 * rules/training_step.drl, worked by hand for one published row: Megatron-LM (Narayanan et al. 2021),
 * Table 1, 145.6B parameters (80 layers, hidden 12,288, 96 heads), TP 8, PP 8, 1,536 A100, batch 2,304
 * sequences of 2,048 tokens, full recompute: 148 TFLOP/s per GPU, recompute counted.
 */
class TrainingStepRulesTest {

    static final double N = 145.6e9;
    static final double MODEL = 6 * N + 12.0 * 80 * 12288 * 2048; // PaLM's attention term, included
    static final double HARDWARE = MODEL * 8 / 6;                // full recompute

    private static RuleFixture megatron145b() {
        return RuleFixture.of("training_step.drl")
                .givenSetting("training.compute_dtype", "bf16").given("gpu.flops_bf16", 312e12, "FLOP/s")
                .given("gpu.peak_flops", 312e12, "FLOP/s").given("family.training_compute_efficiency_bf16", 0.58, "1")
                .given("training.model_flops_per_token", MODEL, "FLOP/token")
                .given("training.hardware_flops_per_token", HARDWARE, "FLOP/token")
                .given("model.params", N, "param").given("model.layers", 80, "1").given("model.hidden_size", 12288, "1")
                .given("training.tensor_parallel", 8, "GPU").given("training.pipeline_parallel", 8, "GPU")
                .given("training.context_parallel", 1, "GPU").given("training.expert_parallel", 1, "GPU")
                .given("training.data_parallel", 24, "GPU").given("training.used_gpus", 1536, "GPU")
                .given("training.virtual_pipeline", 2, "1").given("training.micro_batch", 1, "1")
                .given("training.sequence_tokens", 2048, "token").given("training.global_batch_tokens", 2304.0 * 2048, "token")
                .given("training.micro_batches", 96, "1").given("training.grad_bytes_per_param", 4, "B/param")
                .given("training.zero_stage", 0, "1").givenSetting("training.recompute", "full")
                .givenSetting("training.dp_overlap", "none").given("inference.gpus_per_node", 8, "GPU")
                .given("gpu.interconnect_bytes_per_s_each_way", 300e9, "B/s").given("gpu.network_bytes_per_s", 25e9, "B/s")
                .given("collective.efficiency", 0.8, "1");
    }

    @Test
    void everyTermOfTheStepByHand() {
        Estimate e = megatron145b().run();
        assertDerived(e, "training.compute_efficiency", 0.58, "1",
                "training.compute_efficiency = the GPU family's measured fraction at training.compute_dtype");
        // Compute: 1.197e12 FLOP x 4.719e6 tokens / (1536 x 312e12 x 0.58) = 20.32 s.
        double compute = HARDWARE * 2304 * 2048 / (1536 * 312e12 * 0.58);
        assertDerived(e, "training.compute_s", compute, "s",
                "training.compute_s = hardware FLOP per token x global batch / (GPUs x peak x efficiency)");
        // TP: 96 micro-batches x 10 layers x 6 all-reduces x (2048 x 12288 x 2 B x 2 x 7/8) / (300 GB/s x 0.8) = 2.58 s.
        double tp = 96 * 10 * 6 * (2048.0 * 12288 * 2 * 2 * 7 / 8) / (300e9 * 0.8);
        assertDerived(e, "training.tp_comm_s", tp, "s",
                "training.tp_comm_s = micro-batches x layers / stages x all-reduces x b s/c h x 2 B x 2(t-1)/t / (link x efficiency)");
        // Bubble: (8 - 1) / (96 x 2) = 3.6 %.
        assertDerived(e, "training.bubble_fraction", 7.0 / 192, "1",
                "training.bubble_fraction = (pipeline stages - 1) / (micro-batches x virtual stages)");
        // DP: 145.6e9 / 64 x 4 B = 9.1 GB; 2 x 23/24 x 9.1e9 / (25 GB/s x 0.8) = 0.872 s, after the backward pass.
        double dp = 2 * 23.0 / 24 * (N / 64 * 4) / (25e9 * 0.8);
        assertDerived(e, "training.dp_comm_s", dp, "s", "training.dp_comm_s = 2 (d - 1) / d x training.dp_bytes_per_gpu / (link x efficiency)");
        assertDerived(e, "training.dp_exposed_s", dp, "s", "training.dp_exposed_s = training.dp_comm_s (dp_overlap = none: after the backward pass)");
        double step = (compute + tp) * (1 + 7.0 / 192) + dp;
        assertDerived(e, "training.step_time_s", step, "s",
                "training.step_time_s = (compute + TP all-reduces) x (1 + bubble) + exposed DP + expert all-to-all");
        double mfu = MODEL * 2304 * 2048 / (1536 * step * 312e12);
        assertDerived(e, "training.predicted_mfu", mfu, "1",
                "training.predicted_mfu = model FLOP per token x global batch / (GPUs x step time x 16-bit peak)");
        // Hardware FLOP/s per GPU: 0.58 x 312 x compute share = about 146 TFLOP/s beside the published 148.
        assertEquals(148e12, mfu * 312e12 * 8 / 6, 148e12 * 0.10);
    }

    @Test
    void overlappedGradientReductionHidesBehindTheBackwardPass() {
        // Backward = 2/3 of the compute (20.3 s x 2/3 = 13.5 s) outlasts the 0.87 s reduction: nothing shows.
        Estimate e = megatron145b().givenSetting("training.dp_overlap", "backward").run();
        assertDerived(e, "training.dp_exposed_s", 0, "s",
                "training.dp_exposed_s = what of training.dp_comm_s outlasts the backward pass (dp_overlap = backward)");
    }

    @Test
    void aGpuWithoutAFamilyMeasurementTakesTheStatedDefault() {
        Estimate e = megatron145b().given("family.training_compute_efficiency_bf16", 0.58, "1").givenSetting("training.compute_dtype", "fp8")
                .given("gpu.flops_fp8", 1979e12, "FLOP/s").run();
        assertDerived(e, "training.compute_efficiency", 0.5, "1", "training.compute_efficiency: 0.5 (no measurement for this GPU family and precision)");
        assertDerived(e, "training.peak_flops_per_gpu", 1979e12, "FLOP/s", "training.peak_flops_per_gpu = the GPU's dense peak at training.compute_dtype");
    }

    @Test
    void expertsAllToAllOverTheNetwork() {
        // DeepSeek-V3's shape: 61 layers, hidden 7168, 8 experts per token; 16 stages, experts over 64 GPUs, 128 DP ranks,
        // 62.9M tokens: 4 x 61/16 x 491,520 tokens x 8 x 7168 x 2 B x 63/64 / (50 GB/s x 0.8) = 21.2 s.
        Estimate e = megatron145b().given("model.experts_per_token", 8, "1").given("model.layers", 61, "1")
                .given("model.hidden_size", 7168, "1").given("training.pipeline_parallel", 16, "GPU")
                .given("training.expert_parallel", 64, "GPU").given("training.data_parallel", 128, "GPU")
                .given("training.global_batch_tokens", 62914560, "token").given("gpu.network_bytes_per_s", 50e9, "B/s").run();
        double tokens = 62914560.0 / 128;
        assertDerived(e, "training.ep_comm_s", 4 * 61.0 / 16 * tokens * 8 * 7168 * 2 * 63 / 64 / (50e9 * 0.8), "s",
                "training.ep_comm_s = 4 x layers / stages x tokens per GPU x top-k x hidden x 2 B x (e-1)/e / (network x efficiency)");
    }
}

package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/training.drl: total compute, GPU-days, GPUs for a deadline (the article, #8-#13). */
class TrainingRulesTest {

    private static final String FROM_PF_DAYS = "training.flops = model.training_pf_days x 1e15 FLOP/s x 86400 s (published compute)";
    private static final String FROM_6ND =
            "training.flops = training.flops_per_param_token x model.compute_params x training.tokens (no published compute)";

    private static RuleFixture a100() {
        return RuleFixture.of("training.drl")
                .given("gpu.peak_flops", 312e12, "FLOP/s")
                .given("training.utilization", 0.514, "1")
                .given("training.days", 30, "day")
                .given("training.flops_per_param_token", 6, "FLOP/param/token")
                .givenSetting("training.compute_source", "published");
    }

    @Test
    void gpt3PublishedComputeOnA100InThirtyDays() {
        Estimate e = a100().given("model.params", 175e9, "param").given("model.training_pf_days", 3640, "PF-day").run();
        // 3640 PF-days x 1e15 x 86400 = 3.145e23 FLOP (#9; Brown et al. 2020 Table D.1 rounds to 3.14e23).
        assertDerived(e, "training.flops", 3.14496e23, "FLOP", FROM_PF_DAYS);
        // 312 TFLOP/s x 0.514 = 160.368 TFLOP/s (#10).
        assertDerived(e, "training.flops_per_gpu", 160.368e12, "FLOP/s", "training.flops_per_gpu = gpu.peak_flops x training.utilization");
        // 3640 / 0.160368 = 22697.8 GPU-days (#11, exact column); / 30 = 756.6 -> 757 (#12).
        assertDerived(e, "training.gpu_days", 3640 / 0.160368, "GPU-day", "training.gpu_days = training.flops / (training.flops_per_gpu x 86400 s)");
        assertDerived(e, "training.gpus_compute", 757, "GPU", "training.gpus_compute = ceil(training.gpu_days / training.days)");
        // No architecture, so no memory bound: the compute bound stands alone.
        assertDerived(e, "training.gpus", 757, "GPU",
                "training.gpus = training.gpus_compute (no memory bound: architecture unknown or states do not fit)");
        assertDerived(e, "training.gpus_adopted", 757, "GPU", "training.gpus_adopted = training.gpus (no judgement given)");
    }

    @Test
    void gpt3From6ParamsTimesTokensMatchesTableD1() {
        // Brown et al. 2020 Table D.1: GPT-3 175B, 174,600M params, 300B tokens, 3.14E+23 FLOP.
        Estimate e = a100().given("model.params", 174.6e9, "param").given("model.compute_params", 174.6e9, "param").given("model.training_tokens", 300e9, "token").run();
        assertDerived(e, "training.tokens", 300e9, "token", "training.tokens = model.training_tokens (published)");
        assertDerived(e, "training.flops", 6 * 174.6e9 * 300e9, "FLOP", FROM_6ND);
        assertEquals(3.14e23, e.value("training.flops").orElseThrow(), 0.01e23);
    }

    @Test
    void gpt3XlFrom6ParamsTimesTokensMatchesTableD1() {
        // Brown et al. 2020 Table D.1: GPT-3 XL, 1,320M params, 300B tokens, 2.38E+21 FLOP (27.5 PF-days).
        Estimate e = a100().given("model.params", 1.32e9, "param").given("model.compute_params", 1.32e9, "param").given("model.training_tokens", 300e9, "token").run();
        assertEquals(2.38e21, e.value("training.flops").orElseThrow(), 0.01e21);
    }

    @Test
    void publishedFlopsAreTakenAsGiven() {
        Estimate e = a100().given("model.params", 175e9, "param").given("model.training_flops", 3.14e23, "FLOP").run();
        assertDerived(e, "training.flops", 3.14e23, "FLOP", "training.flops = model.training_flops (published compute)");
    }

    @Test
    void publishedComputeWinsOverParamsTimesTokens() {
        Estimate e = a100().given("model.params", 174.6e9, "param").given("model.compute_params", 174.6e9, "param").given("model.training_tokens", 300e9, "token")
                .given("model.training_pf_days", 3640, "PF-day").run();
        assertDerived(e, "training.flops", 3.14496e23, "FLOP", FROM_PF_DAYS);
    }

    @Test
    void paramsTimesTokensCanBeAskedForEvenWithPublishedCompute() {
        // GPT-3 175B: 6 x 174.6e9 x 300e9 = 3.1428e23 FLOP = 3637.5 PF-days (Table D.1 publishes 3640).
        Estimate e = RuleFixture.of("training.drl")
                .given("gpu.peak_flops", 312e12, "FLOP/s").given("training.utilization", 0.514, "1")
                .given("training.days", 30, "day").given("training.flops_per_param_token", 6, "FLOP/param/token")
                .givenSetting("training.compute_source", "params-x-tokens")
                .given("model.params", 174.6e9, "param").given("model.compute_params", 174.6e9, "param")
                .given("model.training_tokens", 300e9, "token").given("model.training_pf_days", 3640, "PF-day").run();
        assertDerived(e, "training.flops", 6 * 174.6e9 * 300e9, "FLOP",
                "training.flops = training.flops_per_param_token x model.compute_params x training.tokens");
        assertDerived(e, "training.pf_days", 6 * 174.6e9 * 300e9 / 8.64e19, "PF-day", "training.pf_days = training.flops / (1e15 FLOP/s x 86400 s)");
        assertEquals(3640, e.value("training.pf_days").orElseThrow(), 3640 * 0.001);
    }

    @Test
    void aRunOnAGivenClusterTakesGpuDaysOverItsGpus() {
        // LLaMA-65B: 2048 A100, 1.4T tokens, about 380 tokens/s/GPU (Touvron et al. 2023, section 2.4).
        // 6 x 65.2e9 x 1.4e12 = 5.4768e23 FLOP at 160.368 TFLOP/s = 39,527 GPU-days: 19.3 days on 2048 GPUs.
        Estimate e = a100().given("model.params", 65.2e9, "param").given("model.compute_params", 65.2e9, "param")
                .given("model.training_tokens", 1.4e12, "token").given("training.cluster_gpus", 2048, "GPU").run();
        double gpuDays = 6 * 65.2e9 * 1.4e12 / (160.368e12 * 86400);
        assertDerived(e, "training.gpu_hours", gpuDays * 24, "GPU-h", "training.gpu_hours = training.gpu_days x 24 h");
        assertDerived(e, "training.days_on_cluster", gpuDays / 2048, "day", "training.days_on_cluster = training.gpu_days / training.cluster_gpus");
        assertDerived(e, "training.tokens_per_s_per_gpu", 1.4e12 / (gpuDays * 86400), "token/s",
                "training.tokens_per_s_per_gpu = training.tokens / (training.gpu_days x 86400 s)");
        assertDerived(e, "training.cluster_tokens_per_s", 1.4e12 / (gpuDays * 86400) * 2048, "token/s",
                "training.cluster_tokens_per_s = training.tokens_per_s_per_gpu x training.cluster_gpus");
    }

    @Test
    void megatronEquation4Gpt3On1024A100At140Tflops() {
        // Narayanan et al. 2021 eq. 4: 8TP/(nX) = 8 x 300e9 x 175e9 / (1024 x 140e12) s = 34 days.
        // The factor 8 counts activation recompute, so it is set in place of the default 6.
        Estimate e = RuleFixture.of("training.drl")
                .given("gpu.peak_flops", 312e12, "FLOP/s").given("training.utilization", 140.0 / 312, "1")
                .given("training.days", 34, "day").given("training.flops_per_param_token", 8, "FLOP/param/token")
                .givenSetting("training.compute_source", "published")
                .given("model.params", 175e9, "param").given("model.compute_params", 175e9, "param")
                .given("training.tokens", 300e9, "token").run();
        double days = e.value("training.gpu_days").orElseThrow() / 1024;
        assertEquals(34, days, 34 * 0.01, "days on 1024 GPUs");
    }

    @Test
    void withoutPublishedTokensTwentyPerParameter() {
        // Hoffmann et al. 2022 Table 3: 10B parameters -> 205.1B tokens compute-optimal; the rule of thumb gives 200B.
        Estimate e = a100().given("model.params", 10e9, "param").given("model.compute_params", 10e9, "param")
                .given("training.tokens_per_param", 20, "token/param").run();
        assertDerived(e, "training.tokens", 200e9, "token",
                "training.tokens = training.tokens_per_param x model.params (compute-optimal; no published compute)");
        assertEquals(205.1e9, e.value("training.tokens").orElseThrow(), 205.1e9 * 0.03);
        assertDerived(e, "training.flops", 6 * 10e9 * 200e9, "FLOP", FROM_6ND);
    }

    @Test
    void mixtureOfExpertsTrainsItsActiveParameters() {
        // DeepSeek-V3: 37B active of 671B, 14.8T tokens (DeepSeek-V3 report): 6 x 37e9 x 14.8e12 = 3.2856e24 FLOP.
        Estimate e = a100().given("model.params", 671e9, "param").given("model.compute_params", 37e9, "param")
                .given("model.training_tokens", 14.8e12, "token").run();
        assertDerived(e, "training.flops", 3.2856e24, "FLOP", FROM_6ND);
    }

    @Test
    void theMemoryBoundBindsWhenItIsLarger() {
        Estimate e = a100().given("model.params", 175e9, "param").given("model.training_pf_days", 3640, "PF-day")
                .given("training.gpus_memory", 1024, "GPU").run();
        String max = "training.gpus = max(training.gpus_compute, training.gpus_memory)";
        assertDerived(e, "training.gpus", 1024, "GPU", max);
        RuleFixture.assertSetting(e, "training.binding_bound", "memory", max);
    }

    @Test
    void opt175bCrossCheckUtilization() {
        // Zhang et al. 2022: 147 TFLOP/s per A100 against a 312 TFLOP/s peak = 47 % (seed-figures.md #13).
        Estimate e = RuleFixture.of("training.drl")
                .given("crosscheck.run_achieved_flops_per_gpu", 147e12, "FLOP/s")
                .given("crosscheck.gpu.flops_bf16", 312e12, "FLOP/s").run();
        assertDerived(e, "crosscheck.utilization", 147.0 / 312, "1",
                "crosscheck.utilization = achieved FLOP/s per GPU / that GPU's dense BF16 peak");
    }

    @Test
    void aJudgementForAdoptedGpusIsKept() {
        Estimate e = a100().given("model.params", 175e9, "param").given("model.training_pf_days", 3640, "PF-day")
                .given("training.gpus_adopted", 1000, "GPU").run();
        assertEquals(1000, e.value("training.gpus_adopted").orElseThrow());
    }
}

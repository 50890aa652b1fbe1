package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static llmcap.rules.RuleFixture.assertSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/training.drl: total compute, the rate a GPU achieves, GPU-hours with goodput, GPUs for a deadline. */
class TrainingRulesTest {

    private static final String FROM_PF_DAYS = "training.flops = model.training_pf_days x 1e15 FLOP/s x 86400 s (published compute)";
    private static final String FROM_TOKENS = "training.flops = training.model_flops_per_token x training.tokens";

    /** An A100 (312 TFLOP/s dense BF16), 30 days, 6 FLOP per parameter and token, the article's MFU. */
    private static RuleFixture a100() {
        return RuleFixture.of("training.drl")
                .given("gpu.peak_flops", 312e12, "FLOP/s")
                .given("training.mfu", 0.514, "1")
                .given("training.goodput", 1, "1")
                .given("training.days", 30, "day")
                .given("training.flops_per_param_token", 6, "FLOP/param/token")
                .givenSetting("training.compute_source", "published")
                .givenSetting("training.attention_flops", "excluded")
                .givenSetting("training.recompute", "selective");
    }

    @Test
    void gpt3PublishedComputeOnA100InThirtyDays() {
        Estimate e = a100().given("model.params", 175e9, "param").given("model.compute_params", 175e9, "param")
                .given("model.training_pf_days", 3640, "PF-day").run();
        assertSetting(e, "training.compute_method", "published",
                "training.compute_method = published (the catalog states the model's training compute in PF-days)");
        // 3640 PF-days x 1e15 x 86400 = 3.145e23 FLOP (#9; Brown et al. 2020 Table D.1 rounds to 3.14e23).
        assertDerived(e, "training.flops", 3.14496e23, "FLOP", FROM_PF_DAYS);
        // 312 TFLOP/s x 0.514 = 160.368 TFLOP/s (#10).
        assertDerived(e, "training.flops_per_gpu", 160.368e12, "FLOP/s",
                "training.flops_per_gpu = training.mfu x gpu.peak_flops (model FLOP/s each GPU achieves)");
        // 3.14496e23 / 160.368e12 / 3600 = 544,747 GPU-h; at goodput 1 the same wall time; 22,697.8 GPU-days (#11).
        assertDerived(e, "training.ideal_gpu_hours", 3.14496e23 / 160.368e12 / 3600, "GPU-h",
                "training.ideal_gpu_hours = training.flops / training.flops_per_gpu / 3600 s");
        assertDerived(e, "training.gpu_days", 3640 / 0.160368, "GPU-day", "training.gpu_days = training.gpu_hours / 24 h");
        // / 30 = 756.6 -> 757 (#12); no architecture, so no memory bound.
        assertDerived(e, "training.gpus_compute", 757, "GPU", "training.gpus_compute = ceil(training.gpu_days / training.days)");
        assertDerived(e, "training.gpus", 757, "GPU", "training.gpus = training.gpus_compute (the model's architecture is unknown: no memory bound)");
        assertDerived(e, "training.gpus_adopted", 757, "GPU", "training.gpus_adopted = training.gpus (no judgement given)");
    }

    @Test
    void goodputTurnsIdealTimeIntoWallTime() {
        // Llama 3 (Dubey et al. 2024, section 3.3.4): over 90 % effective training time: 544,747 / 0.9 = 605,274 GPU-h.
        Estimate e = a100().given("training.goodput", 0.9, "1").given("model.params", 175e9, "param")
                .given("model.compute_params", 175e9, "param").given("model.training_pf_days", 3640, "PF-day").run();
        assertDerived(e, "training.gpu_hours", 3.14496e23 / 160.368e12 / 3600 / 0.9, "GPU-h",
                "training.gpu_hours = training.ideal_gpu_hours / training.goodput");
    }

    @Test
    void gpt3From6ParamsTimesTokensMatchesTableD1() {
        // Brown et al. 2020 Table D.1: GPT-3 175B, 174,600M params, 300B tokens, 3.14E+23 FLOP.
        Estimate e = a100().given("model.params", 174.6e9, "param").given("model.compute_params", 174.6e9, "param")
                .given("model.training_tokens", 300e9, "token").run();
        assertSetting(e, "training.compute_method", "tokens-x-flops", "training.compute_method = tokens-x-flops (no published compute)");
        assertDerived(e, "training.tokens", 300e9, "token", "training.tokens = model.training_tokens (published)");
        assertDerived(e, "training.model_flops_per_token", 6 * 174.6e9, "FLOP/token",
                "training.model_flops_per_token = training.flops_per_param_token x model.compute_params (attention excluded)");
        assertDerived(e, "training.flops", 6 * 174.6e9 * 300e9, "FLOP", FROM_TOKENS);
        assertEquals(3.14e23, e.value("training.flops").orElseThrow(), 0.01e23);
    }

    @Test
    void gpt3XlFrom6ParamsTimesTokensMatchesTableD1() {
        // Brown et al. 2020 Table D.1: GPT-3 XL, 1,320M params, 300B tokens, 2.38E+21 FLOP (27.5 PF-days).
        Estimate e = a100().given("model.params", 1.32e9, "param").given("model.compute_params", 1.32e9, "param")
                .given("model.training_tokens", 300e9, "token").run();
        assertEquals(2.38e21, e.value("training.flops").orElseThrow(), 0.01e21);
    }

    @Test
    void publishedComputeWinsUnlessParamsTimesTokensIsAskedFor() {
        RuleFixture f = a100().given("model.params", 175e9, "param").given("model.compute_params", 175e9, "param")
                .given("model.training_pf_days", 3640, "PF-day").given("model.training_tokens", 300e9, "token");
        assertDerived(f.run(), "training.flops", 3.14496e23, "FLOP", FROM_PF_DAYS);
        Estimate e = f.givenSetting("training.compute_source", "params-x-tokens").run();
        assertDerived(e, "training.flops", 6 * 175e9 * 300e9, "FLOP", FROM_TOKENS);
    }

    @Test
    void withoutPublishedTokensTwentyPerParameter() {
        // Hoffmann et al. 2022, Table 3: about 20 tokens per parameter at the compute optimum.
        Estimate e = a100().given("model.params", 7e9, "param").given("model.compute_params", 7e9, "param")
                .given("training.tokens_per_param", 20, "token/param").run();
        assertDerived(e, "training.tokens", 140e9, "token",
                "training.tokens = training.tokens_per_param x model.params (compute-optimal, Hoffmann et al. 2022)");
    }

    @Test
    void mixtureOfExpertsTrainsItsActiveParameters() {
        // DeepSeek-V3: 37B of 671B active per token, 14.8T tokens: 6 x 37e9 x 14.8e12 = 3.2856e24 FLOP.
        Estimate e = a100().given("model.params", 671e9, "param").given("model.compute_params", 37e9, "param")
                .given("model.training_tokens", 14.8e12, "token").run();
        assertDerived(e, "training.flops", 6 * 37e9 * 14.8e12, "FLOP", FROM_TOKENS);
    }

    @Test
    void megatronEquation4Gpt3On1024A100At140HardwareTflops() {
        // Narayanan et al. 2021, eq. 4: 8TP/(nX) = 8 x 300e9 x 175e9 / (1024 x 140e12) s = 33.9 days. As MFU:
        // 140/312 x 6/8 = 0.3365 (full recompute runs the forward pass twice: 8 FLOP per parameter, 6 of them model).
        Estimate e = RuleFixture.of("training.drl").given("gpu.peak_flops", 312e12, "FLOP/s")
                .given("training.measured_hfu", 140.0 / 312, "1").given("training.goodput", 1, "1")
                .given("training.days", 30, "day").given("training.flops_per_param_token", 6, "FLOP/param/token")
                .givenSetting("training.compute_source", "params-x-tokens").givenSetting("training.attention_flops", "excluded")
                .givenSetting("training.recompute", "full").given("model.params", 175e9, "param")
                .given("model.compute_params", 175e9, "param").given("model.training_tokens", 300e9, "token")
                .given("training.cluster_gpus", 1024, "GPU").run();
        assertDerived(e, "training.hardware_flops_per_token", 8 * 175e9, "FLOP/token",
                "training.hardware_flops_per_token = model FLOP + 2N (full recompute: the forward pass again)");
        assertDerived(e, "training.mfu", 140.0 / 312 * 6 / 8, "1",
                "training.mfu = training.measured_hfu x model FLOP / hardware FLOP (a measured HFU converted)");
        assertDerived(e, "training.hfu", 140.0 / 312, "1", "training.hfu = training.mfu x hardware FLOP / model FLOP");
        assertEquals(33.9, e.value("training.days_on_cluster").orElseThrow(), 0.05);
    }

    @Test
    void llama65bTokensPerSecondFollowFromTheRate() {
        // LLaMA-65B (Touvron et al. 2023, section 2.4): about 380 tokens/s per GPU = 380 x 6 x 65.2e9 = 148.7 TFLOP/s,
        // 47.6 % of 312: at that MFU the rule gives the 380 back.
        double mfu = 380 * 6 * 65.2e9 / 312e12;
        Estimate e = a100().given("training.mfu", mfu, "1").given("model.params", 65.2e9, "param")
                .given("model.compute_params", 65.2e9, "param").given("model.training_tokens", 1.4e12, "token")
                .given("training.cluster_gpus", 2048, "GPU").run();
        assertDerived(e, "training.tokens_per_s_per_gpu", 380, "token/s",
                "training.tokens_per_s_per_gpu = training.flops_per_gpu / training.model_flops_per_token");
        assertDerived(e, "training.cluster_tokens_per_s", 380 * 2048, "token/s",
                "training.cluster_tokens_per_s = training.tokens_per_s_per_gpu x training.cluster_gpus");
    }

    @Test
    void palmsAttentionTermIsTwelveLayersHeadsHeadSizeSequence() {
        // PaLM 540B (Chowdhery et al. 2022, appendix B): 118 layers, 48 heads of 256, sequence 2048; MFU 46.2 % with
        // attention, 45.7 % without: the attention term adds 12 x 118 x 12288 x 2048 = 3.56e10 FLOP to 6N = 3.242e12.
        Estimate e = a100().givenSetting("training.attention_flops", "included").given("model.params", 540.35e9, "param")
                .given("model.compute_params", 540.35e9, "param").given("model.layers", 118, "1")
                .given("model.attention_heads", 48, "1").given("model.head_dim", 256, "1").given("model.hidden_size", 18432, "1")
                .given("training.sequence_tokens", 2048, "token").given("model.training_tokens", 780e9, "token").run();
        double f = 6 * 540.35e9 + 12.0 * 118 * 12288 * 2048;
        assertDerived(e, "training.model_flops_per_token", f, "FLOP/token",
                "training.model_flops_per_token = 6N + 12 x layers x heads x head size x sequence (attention included, PaLM)");
        assertEquals(46.2 / 45.7, f / (6 * 540.35e9), 0.002);
    }

    @Test
    void theMemoryBoundBindsWhenItIsLarger() {
        Estimate e = a100().given("model.params", 175e9, "param").given("model.compute_params", 175e9, "param")
                .given("model.training_pf_days", 3640, "PF-day").given("model.layers", 96, "1")
                .given("training.gpus_memory", 1000, "GPU").run();
        assertDerived(e, "training.gpus", 1000, "GPU", "training.gpus = max(training.gpus_compute, training.gpus_memory)");
        assertSetting(e, "training.binding_bound", "memory", "training.gpus = max(training.gpus_compute, training.gpus_memory)");
    }

    @Test
    void opt175bCrossCheckUtilization() {
        // Zhang et al. 2022: 147 TFLOP/s per A100 (312): 47.1 % (docs/article.md #13).
        Estimate e = RuleFixture.of("training.drl").given("crosscheck.run_achieved_flops_per_gpu", 147e12, "FLOP/s")
                .given("crosscheck.gpu.flops_bf16", 312e12, "FLOP/s").run();
        assertDerived(e, "crosscheck.utilization", 147.0 / 312, "1", "crosscheck.utilization = achieved FLOP/s per GPU / that GPU's dense BF16 peak");
    }

    @Test
    void aJudgementForAdoptedGpusIsKept() {
        Estimate e = a100().given("model.params", 175e9, "param").given("model.compute_params", 175e9, "param")
                .given("model.training_pf_days", 3640, "PF-day").given("training.gpus_adopted", 1000, "GPU").run();
        assertEquals(1000, e.value("training.gpus_adopted").orElseThrow());
        assertEquals(llmcap.domain.Origin.Kind.COMMAND_LINE, e.get("training.gpus_adopted").orElseThrow().origin().kind());
    }
}

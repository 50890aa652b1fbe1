package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;

import llmcap.domain.Origin;
import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/assumptions.drl: the article's defaults (docs/article.md, "The chain's assumptions"). */
class AssumptionsRulesTest {

    @Test
    void weightsDefaultTo16BitsTheArticlesFp32IsItsScenariosJudgement() {
        RuleFixture.assertSetting(RuleFixture.of("assumptions.drl").run(), "inference.weight_dtype", "bf16",
                "inference.weight_dtype: bf16 (16-bit weights, as released and served)");
    }

    @Test
    void withNothingGivenEveryDefaultIsTheArticlesValue() {
        Estimate e = RuleFixture.of("assumptions.drl").run();
        // Each value as the article states it (docs/article.md assumptions list).
        assertDerived(e, "inference.flops_per_param_token", 2, "FLOP/param/token", "inference.flops_per_param_token: 2 (forward pass, Kaplan et al. 2020)");
        assertDerived(e, "training.flops_per_param_token", 6, "FLOP/param/token", "training.flops_per_param_token: 6 (forward + backward, Kaplan et al. 2020)");
        assertDerived(e, "serving.tokens_per_char", 4.0 / 3.0, "token/char", "serving.tokens_per_char: 4/3 (the article: 13e9 characters = 17.33e9 tokens)");
        assertDerived(e, "serving.load_hours_per_day", 24, "h", "serving.load_hours_per_day: 24 (load spread evenly over the day)");
        assertDerived(e, "serving.utilization", 0.51, "1", "serving.utilization: 0.51 (the article's serving utilization)");
        assertDerived(e, "serving.peak_factor", 5, "1", "serving.peak_factor: 5 (peak traffic = 5 x the daily mean)");
        assertDerived(e, "training.days", 30, "day", "training.days: 30 (one month of training)");
    }

    @Test
    void defaultsAreAssumptionsNotFormulas() {
        Estimate e = RuleFixture.of("assumptions.drl").run();
        e.all().forEach(d -> assertEquals(Origin.Kind.DEFAULT_RULE, d.origin().kind(), d.name()));
    }

    @Test
    void defaultsBeyondTheArticleCarryTheirPublishedValues() {
        Estimate e = RuleFixture.of("assumptions.drl").run();
        Estimate t = RuleFixture.of("training_assumptions.drl").run();
        // Mixed-precision AdamW: 2 + 4 + 12 = 18 B/param (Hugging Face model_memory_anatomy, DeepSpeed, EleutherAI).
        assertDerived(t, "training.weight_bytes_per_param", 2, "B/param", "training.weight_bytes_per_param: 2 (16-bit working weights)");
        assertDerived(t, "training.grad_bytes_per_param", 4, "B/param",
                "training.grad_bytes_per_param: 4 (fp32 gradients, as HF, DeepSpeed and Megatron keep them)");
        assertDerived(t, "training.optimizer_bytes_per_param", 12, "B/param",
                "training.optimizer_bytes_per_param: 12 (fp32 master weights and Adam's two moments)");
        // Hoffmann et al. 2022 Table 3: 1B -> 20.2B tokens, 10B -> 205.1B, i.e. about 20 per parameter.
        assertDerived(t, "training.tokens_per_param", 20, "token/param", "training.tokens_per_param: 20 (compute-optimal, read off Hoffmann et al. 2022 Table 3)");
        // Llama 3 (Dubey et al. 2024, section 3.3.4): more than 90 % effective training time.
        assertDerived(t, "training.goodput", 0.9, "1", "training.goodput: 0.9 (Llama 3: over 90 % effective training time, 466 interruptions in 54 days)");
        // PUE 1.1; vLLM's gpu_memory_utilization 0.9 (its engine arguments) leaves a 10 % reserve; 8 GPUs per node.
        assertDerived(e, "energy.pue", 1.1, "1", "energy.pue: 1.1 (power usage effectiveness of a modern data center)");
        assertDerived(e, "inference.memory_reserve_fraction", 0.1, "1",
                "inference.memory_reserve_fraction: 0.1 (runtime reserve; vLLM's default gpu_memory_utilization 0.9)");
        assertDerived(e, "inference.gpus_per_node", 8, "GPU", "inference.gpus_per_node: 8 (one HGX/DGX node: tensor parallelism stays inside it)");
        // EIA: US industrial average 2023, 8.06 cents per kWh.
        assertDerived(e, "energy.usd_per_kwh", 0.0806, "USD/kWh", "energy.usd_per_kwh: 0.0806 (US industrial average 2023, EIA)");
    }

    @Test
    void aGivenValueWinsOverTheDefault() {
        Estimate e = RuleFixture.of("assumptions.drl").given("serving.peak_factor", 3, "1").run();
        assertEquals(3, e.value("serving.peak_factor").orElseThrow());
        assertEquals(Origin.Kind.COMMAND_LINE, e.get("serving.peak_factor").orElseThrow().origin().kind());
    }
}

package llmcap.rules;

import static llmcap.ArticleChain.SERVING_GPUS;
import static llmcap.ArticleChain.SERVING_GPUS_AT_PEAK_3;
import static llmcap.rules.RuleFixture.assertDerived;
import static llmcap.rules.RuleFixture.assertSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import llmcap.engine.Estimate;
import llmcap.engine.RuleException;
import org.junit.jupiter.api.Test;

/** rules/serving.drl: the article's compute bound (#5-#7) and which method sizes the fleet. */
class ServingRulesTest {

    private static RuleFixture chatgpt(String bounds) {
        return RuleFixture.of("serving.drl", "traffic.drl")
                .given("serving.daily_users", 13e6, "user")
                .given("serving.chars_per_user", 1000, "char/user")
                .given("serving.tokens_per_char", 4.0 / 3.0, "token/char")
                .given("serving.input_tokens", 1020, "token").given("serving.output_tokens", 129, "token")
                .given("inference.flops_per_token", 3.5e11, "FLOP/token")
                .given("serving.load_hours_per_day", 24, "h")
                .given("serving.utilization", 0.51, "1")
                .given("gpu.peak_flops", 312e12, "FLOP/s")
                .givenSetting("serving.bounds", bounds);
    }

    private static final String COMPUTE = "serving.gpus_compute = ceil(serving.peak_flops / gpu.peak_flops)";
    private static final String BY_COMPUTE = "serving.gpus = serving.gpus_compute (sized by compute)";

    @Test
    void chatgptJanuary2023OnA100() {
        Estimate e = chatgpt("compute").given("serving.peak_factor", 5, "1").run();
        double daily = 1.3e10 * 4 / 3 * 3.5e11;
        assertDerived(e, "serving.daily_flops", daily, "FLOP/day", "serving.daily_flops = serving.daily_tokens x inference.flops_per_token");
        // 6.0667e21 / (24 x 3600 s x 0.51) = 137.68 PFLOP/s (docs/article.md #6).
        double sustained = daily / (86400 * 0.51);
        assertEquals(137.68e15, sustained, 0.01e15);
        assertDerived(e, "serving.sustained_flops", sustained, "FLOP/s",
                "serving.sustained_flops = serving.daily_flops / (load hours x 3600 s x serving.utilization)");
        assertDerived(e, "serving.peak_flops", sustained * 5, "FLOP/s", "serving.peak_flops = serving.sustained_flops x serving.peak_factor");
        // 688.39 PFLOP/s / 312 TFLOP/s = 2206.4 -> 2207 (#7; the article's rounded chain gives 2195).
        assertEquals(List.of("serving.peak_flops", "gpu.peak_flops"), assertDerived(e, "serving.gpus_compute", SERVING_GPUS, "GPU", COMPUTE).inputs());
        assertSetting(e, "serving.sizing", "compute", "serving.sizing = compute (serving.bounds = compute: the article's method)");
        assertDerived(e, "serving.gpus", SERVING_GPUS, "GPU", BY_COMPUTE);
        assertSetting(e, "serving.binding_constraint", "compute", BY_COMPUTE);
    }

    @Test
    void peakFactorThreeNeedsFewerGpus() {
        // 137.6785e15 x 3 / 312e12 = 1323.8 -> 1324.
        assertDerived(chatgpt("compute").given("serving.peak_factor", 3, "1").run(), "serving.gpus", SERVING_GPUS_AT_PEAK_3, "GPU", BY_COMPUTE);
    }

    @Test
    void withoutTheArchitectureTheThroughputMethodFallsBackToCompute() {
        Estimate e = chatgpt("throughput").given("serving.peak_factor", 5, "1").run();
        assertSetting(e, "serving.sizing", "compute", "serving.sizing = compute (the model's architecture is unknown: only the compute bound applies)");
        assertDerived(e, "serving.gpus", SERVING_GPUS, "GPU", BY_COMPUTE);
    }

    @Test
    void withTheArchitectureTheFleetIsReplicasOfTheThroughputModel() {
        // 140 replicas of 16 GPUs (throughput.drl computes them; here they are given).
        Estimate e = chatgpt("throughput").given("serving.peak_factor", 5, "1").given("model.layers", 96, "1")
                .given("serving.gpus_throughput", 2240, "GPU").given("inference.gpus_per_replica", 16, "GPU")
                .givenSetting("serving.batch_binding", "memory").run();
        assertSetting(e, "serving.sizing", "throughput", "serving.sizing = throughput (serving.bounds = throughput and the model's architecture is known)");
        assertDerived(e, "serving.gpus", 2240, "GPU", "serving.gpus = serving.gpus_throughput (sized by replica throughput)");
        assertSetting(e, "serving.binding_constraint", "memory", "serving.binding_constraint = serving.batch_binding (the model's rate)");
        assertDerived(e, "serving.replicas", 140, "replica", "serving.replicas = ceil(serving.gpus / inference.gpus_per_replica)");
        // The article's compute bound is still shown beside it.
        assertEquals(SERVING_GPUS, e.value("serving.gpus_compute").orElseThrow());
    }

    @Test
    void aMeasuredRateIsNamedAsWhatSizesTheFleet() {
        Estimate e = chatgpt("throughput").given("serving.peak_factor", 5, "1").given("model.layers", 96, "1")
                .given("serving.gpus_throughput", 64, "GPU").given("serving.measured_tokens_per_s_per_gpu", 2000, "token/s")
                .givenSetting("serving.batch_binding", "compute").run();
        assertSetting(e, "serving.binding_constraint", "measured", "serving.binding_constraint = measured (a measured rate sizes the fleet)");
    }

    @Test
    void anUnknownBoundsWordIsAnError() {
        RuleException ex = assertThrows(RuleException.class, () -> chatgpt("compute-and-bandwidth").given("serving.peak_factor", 5, "1").run());
        assertTrue(ex.getMessage().contains("expected compute or throughput"), ex.getMessage());
    }
}

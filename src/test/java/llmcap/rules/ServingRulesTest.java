package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/serving.drl: daily traffic to serving GPUs (the article, #5-#7). */
class ServingRulesTest {

    private static RuleFixture chatgpt() {
        return chatgpt("compute");
    }

    private static RuleFixture chatgpt(String bounds) {
        return RuleFixture.of("serving.drl")
                .given("serving.daily_users", 13e6, "user")
                .given("serving.chars_per_user", 1000, "char/user")
                .given("serving.tokens_per_char", 4.0 / 3.0, "token/char")
                .given("inference.flops_per_token", 3.5e11, "FLOP/token")
                .given("serving.load_hours_per_day", 24, "h")
                .given("serving.utilization", 0.51, "1")
                .given("gpu.peak_flops", 312e12, "FLOP/s")
                .givenSetting("serving.bounds", bounds);
    }

    private static final String COMPUTE = "serving.gpus_compute = ceil(serving.peak_flops / gpu.peak_flops)";
    private static final String ARTICLE = "serving.gpus = serving.gpus_compute (serving.bounds = compute: the article's method)";

    @Test
    void chatgptJanuary2023OnA100() {
        Estimate e = chatgpt().given("serving.peak_factor", 5, "1").run();
        // 13e6 users x 1000 chars = 1.3e10 chars; x 4/3 = 1.7333e10 tokens (seed-figures.md #5).
        assertDerived(e, "serving.daily_chars", 1.3e10, "char/day", "serving.daily_chars = serving.daily_users x serving.chars_per_user");
        assertDerived(e, "serving.daily_tokens", 1.3e10 * 4 / 3, "token/day", "serving.daily_tokens = serving.daily_chars x serving.tokens_per_char");
        double daily = 1.3e10 * 4 / 3 * 3.5e11;
        assertDerived(e, "serving.daily_flops", daily, "FLOP/day", "serving.daily_flops = serving.daily_tokens x inference.flops_per_token");
        // 6.0667e21 / (24 x 3600 s x 0.51) = 137.68 PFLOP/s (#6, exact column).
        double sustained = daily / (86400 * 0.51);
        assertEquals(137.68e15, sustained, 0.01e15);
        assertDerived(e, "serving.sustained_flops", sustained, "FLOP/s",
                "serving.sustained_flops = serving.daily_flops / (load hours x 3600 s x serving.utilization)");
        assertDerived(e, "serving.peak_flops", sustained * 5, "FLOP/s", "serving.peak_flops = serving.sustained_flops x serving.peak_factor");
        // 688.39 PFLOP/s / 312 TFLOP/s = 2206.4 -> 2207 (#7, exact column; the article's rounded chain gives 2195).
        assertEquals(List.of("serving.peak_flops", "gpu.peak_flops"),
                assertDerived(e, "serving.gpus_compute", 2207, "GPU", COMPUTE).inputs());
        assertDerived(e, "serving.gpus", 2207, "GPU", ARTICLE);
        RuleFixture.assertSetting(e, "serving.binding_bound", "compute", ARTICLE);
    }

    @Test
    void peakFactorThreeNeedsFewerGpus() {
        // 137.6785e15 x 3 / 312e12 = 1323.8 -> 1324.
        assertDerived(chatgpt().given("serving.peak_factor", 3, "1").run(), "serving.gpus", 1324, "GPU", ARTICLE);
    }

    /** A 70B dense model in bf16 on A100 80GB, 4 GPUs per replica, 32 requests, 10 GB of KV cache. */
    private static RuleFixture seventyB(String bounds) {
        return RuleFixture.of("serving.drl")
                .given("serving.daily_users", 13e6, "user").given("serving.chars_per_user", 1000, "char/user")
                .given("serving.tokens_per_char", 4.0 / 3.0, "token/char")
                .given("inference.flops_per_token", 1.4e11, "FLOP/token")
                .given("serving.load_hours_per_day", 24, "h").given("serving.utilization", 0.51, "1")
                .given("serving.peak_factor", 5, "1").given("gpu.peak_flops", 312e12, "FLOP/s")
                .given("inference.concurrent_requests", 32, "request").given("inference.gpus_per_replica", 4, "GPU")
                .given("gpu.bandwidth_bytes_per_s", 2.039e12, "B/s").given("serving.bandwidth_utilization", 0.8, "1")
                .given("inference.weights_bytes", 140e9, "B").given("kv.bytes_per_replica", 10e9, "B")
                .givenSetting("serving.bounds", bounds);
    }

    @Test
    void memoryBandwidthBindsForA70bModel() {
        Estimate e = seventyB("compute-and-bandwidth").run();
        // Peak: 1.7333e10 tokens / 86400 s x 5 = 1.00309e6 token/s.
        assertDerived(e, "serving.peak_tokens_per_s", 1.3e10 * 4 / 3 / 86400 * 5, "token/s",
                "serving.peak_tokens_per_s = serving.daily_tokens / (load hours x 3600 s) x serving.peak_factor");
        // A replica: 32 x 4 x 2.039e12 B/s x 0.8 / (140e9 + 10e9) B = 1391.96 token/s.
        double perReplica = 32 * 4 * 2.039e12 * 0.8 / 150e9;
        assertDerived(e, "serving.replica_tokens_per_s", perReplica, "token/s",
                "serving.replica_tokens_per_s = requests x GPUs x bandwidth x utilization / (weights + KV cache)");
        // ceil(1.00309e6 / 1391.96) = ceil(720.6) = 721 replicas x 4 = 2884 GPUs.
        assertDerived(e, "serving.replicas_bandwidth", 721, "replica",
                "serving.replicas_bandwidth = ceil(serving.peak_tokens_per_s / serving.replica_tokens_per_s)");
        assertDerived(e, "serving.gpus_bandwidth", 2884, "GPU", "serving.gpus_bandwidth = serving.replicas_bandwidth x inference.gpus_per_replica");
        // Compute: 1.7333e10 x 1.4e11 / (86400 x 0.51) x 5 / 312e12 = 882.6 -> 883.
        assertDerived(e, "serving.gpus_compute", 883, "GPU", COMPUTE);
        String max = "serving.gpus = max(serving.gpus_compute, serving.gpus_bandwidth)";
        assertDerived(e, "serving.gpus", 2884, "GPU", max);
        RuleFixture.assertSetting(e, "serving.binding_bound", "memory-bandwidth", max);
        assertDerived(e, "serving.replicas", 721, "replica", "serving.replicas = ceil(serving.gpus / inference.gpus_per_replica)");
    }

    @Test
    void theArticlesMethodIgnoresTheBandwidthBoundButStillShowsIt() {
        Estimate e = seventyB("compute").run();
        assertDerived(e, "serving.gpus", 883, "GPU", ARTICLE);
        assertEquals(2884, e.value("serving.gpus_bandwidth").orElseThrow());
    }

    @Test
    void withoutTheArchitectureOnlyTheComputeBoundSizesTheFleet() {
        Estimate e = chatgpt("compute-and-bandwidth").given("serving.peak_factor", 5, "1").run();
        assertDerived(e, "serving.gpus", 2207, "GPU", "serving.gpus = serving.gpus_compute (no bandwidth bound: the model's architecture is unknown)");
    }

    @Test
    void anUnknownBoundsWordIsAnError() {
        llmcap.engine.RuleException ex = org.junit.jupiter.api.Assertions.assertThrows(llmcap.engine.RuleException.class,
                () -> chatgpt("both").given("serving.peak_factor", 5, "1").run());
        org.junit.jupiter.api.Assertions.assertTrue(ex.getMessage().contains("expected compute or compute-and-bandwidth"), ex.getMessage());
    }
}

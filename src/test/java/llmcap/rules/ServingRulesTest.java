package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/serving.drl: daily traffic to serving GPUs (the article, #5-#7). */
class ServingRulesTest {

    private static RuleFixture chatgpt() {
        return RuleFixture.of("serving.drl")
                .given("serving.daily_users", 13e6, "user")
                .given("serving.chars_per_user", 1000, "char/user")
                .given("serving.tokens_per_char", 4.0 / 3.0, "token/char")
                .given("inference.flops_per_token", 3.5e11, "FLOP/token")
                .given("serving.load_hours_per_day", 24, "h")
                .given("serving.utilization", 0.51, "1")
                .given("gpu.peak_flops", 312e12, "FLOP/s");
    }

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
        assertDerived(e, "serving.gpus", 2207, "GPU", "serving.gpus = ceil(serving.peak_flops / gpu.peak_flops)")
                .inputs().containsAll(List.of("serving.peak_flops", "gpu.peak_flops"));
    }

    @Test
    void peakFactorThreeNeedsFewerGpus() {
        // 137.6785e15 x 3 / 312e12 = 1323.8 -> 1324.
        assertDerived(chatgpt().given("serving.peak_factor", 3, "1").run(), "serving.gpus", 1324, "GPU",
                "serving.gpus = ceil(serving.peak_flops / gpu.peak_flops)");
    }
}

package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static llmcap.rules.RuleFixture.assertSetting;
import static org.junit.jupiter.api.Assertions.assertFalse;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/traffic.drl: traffic stated three ways, each to requests per day and at the peak. */
class TrafficRulesTest {

    private static RuleFixture base() {
        return RuleFixture.of("traffic.drl")
                .given("serving.input_tokens", 1020, "token").given("serving.output_tokens", 129, "token")
                .given("serving.load_hours_per_day", 24, "h").given("serving.peak_factor", 5, "1");
    }

    private static final String PEAK = "serving.peak_requests_per_s = serving.daily_requests / (load hours x 3600 s) x serving.peak_factor";

    @Test
    void theArticlesCharactersPerUserBecomeTokensThenRequests() {
        Estimate e = base().given("serving.daily_users", 13e6, "user").given("serving.chars_per_user", 1000, "char/user")
                .given("serving.tokens_per_char", 4.0 / 3.0, "token/char").run();
        // 13e6 users x 1000 chars = 1.3e10 chars; x 4/3 = 1.7333e10 tokens (docs/article.md #5).
        assertDerived(e, "serving.daily_chars", 1.3e10, "char/day", "serving.daily_chars = serving.daily_users x serving.chars_per_user");
        assertDerived(e, "serving.daily_tokens", 1.3e10 * 4 / 3, "token/day", "serving.daily_tokens = serving.daily_chars x serving.tokens_per_char");
        assertSetting(e, "serving.traffic_basis", "daily-tokens",
                "serving.traffic_basis = daily-tokens (serving.daily_tokens, given or from characters per user)");
        // 1.7333e10 / (1020 + 129) = 1.5086e7 requests a day; / 86,400 s x 5 = 873.0 requests/s at the peak.
        assertDerived(e, "serving.tokens_per_request", 1149, "token", "serving.tokens_per_request = serving.input_tokens + serving.output_tokens");
        assertDerived(e, "serving.daily_requests", 1.3e10 * 4 / 3 / 1149, "request/day", "serving.daily_requests = serving.daily_tokens / serving.tokens_per_request");
        assertDerived(e, "serving.peak_requests_per_s", 1.3e10 * 4 / 3 / 1149 / 86400 * 5, "request/s", PEAK);
        // 873.0 x 129 = 112,617 output tokens/s at the peak.
        assertDerived(e, "serving.peak_output_tokens_per_s", 1.3e10 * 4 / 3 / 1149 / 86400 * 5 * 129, "token/s",
                "serving.peak_output_tokens_per_s = serving.peak_requests_per_s x serving.output_tokens");
    }

    @Test
    void usersTimesRequestsPerUser() {
        // 2 million users x 10 requests = 2e7 a day; / 86,400 x 5 = 1,157.4 requests/s at the peak; tokens follow.
        Estimate e = base().given("serving.daily_users", 2e6, "user").given("serving.requests_per_user", 10, "request/user").run();
        assertSetting(e, "serving.traffic_basis", "daily-requests", "serving.traffic_basis = daily-requests (serving.daily_users x serving.requests_per_user)");
        assertDerived(e, "serving.daily_requests", 2e7, "request/day", "serving.daily_requests = serving.daily_users x serving.requests_per_user");
        assertDerived(e, "serving.peak_requests_per_s", 2e7 / 86400 * 5, "request/s", PEAK);
        assertDerived(e, "serving.daily_tokens", 2e7 * 1149, "token/day", "serving.daily_tokens = serving.daily_requests x serving.tokens_per_request");
    }

    @Test
    void aPeakRateIsTakenAsGivenAndWinsOverDailyFigures() {
        Estimate e = base().given("serving.requests_per_s", 100, "request/s")
                .given("serving.daily_users", 13e6, "user").given("serving.chars_per_user", 1000, "char/user")
                .given("serving.tokens_per_char", 4.0 / 3.0, "token/char").run();
        assertSetting(e, "serving.traffic_basis", "peak-requests", "serving.traffic_basis = peak-requests (serving.requests_per_s is given)");
        assertDerived(e, "serving.peak_requests_per_s", 100, "request/s", "serving.peak_requests_per_s = serving.requests_per_s (given)");
        // Read backwards: 100 / 5 x 86,400 s = 1.728e6 requests a day.
        assertDerived(e, "serving.daily_requests", 100.0 / 5 * 86400, "request/day",
                "serving.daily_requests = serving.requests_per_s / serving.peak_factor x load hours x 3600 s");
        assertFalse(e.get("serving.daily_chars").isPresent(), "the article's characters are not used");
    }

    @Test
    void tokensPerDayGivenDirectly() {
        Estimate e = base().given("serving.daily_tokens", 1.149e9, "token/day").run();
        assertDerived(e, "serving.daily_requests", 1e6, "request/day", "serving.daily_requests = serving.daily_tokens / serving.tokens_per_request");
    }
}

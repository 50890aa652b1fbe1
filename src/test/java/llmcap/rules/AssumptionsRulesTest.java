package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;

import llmcap.domain.Origin;
import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/assumptions.drl: the article's defaults (seed-figures.md, "The chain's assumptions"). */
class AssumptionsRulesTest {

    @Test
    void withNothingGivenEveryDefaultIsTheArticlesValue() {
        Estimate e = RuleFixture.of("assumptions.drl").run();
        // Each value as the article states it (seed-figures.md assumptions list).
        assertDerived(e, "inference.bytes_per_param", 4, "B/param", "inference.bytes_per_param: 4 B (fp32 weights, as the article)");
        assertDerived(e, "inference.flops_per_param_token", 2, "FLOP/param/token", "inference.flops_per_param_token: 2 (forward pass, Kaplan et al. 2020)");
        assertDerived(e, "training.flops_per_param_token", 6, "FLOP/param/token", "training.flops_per_param_token: 6 (forward + backward, Kaplan et al. 2020)");
        assertDerived(e, "serving.tokens_per_char", 4.0 / 3.0, "token/char", "serving.tokens_per_char: 4/3 (the article: 13e9 characters = 17.33e9 tokens)");
        assertDerived(e, "serving.load_hours_per_day", 24, "h", "serving.load_hours_per_day: 24 (load spread evenly over the day)");
        assertDerived(e, "serving.utilization", 0.51, "1", "serving.utilization: 0.51 (the article's serving utilization)");
        assertDerived(e, "serving.peak_factor", 5, "1", "serving.peak_factor: 5 (peak traffic = 5 x the daily mean)");
        assertDerived(e, "training.utilization", 0.514, "1", "training.utilization: 0.514 (Megatron-LM on A100, Narayanan et al. 2021)");
        assertDerived(e, "training.days", 30, "day", "training.days: 30 (one month of training)");
    }

    @Test
    void defaultsAreAssumptionsNotFormulas() {
        Estimate e = RuleFixture.of("assumptions.drl").run();
        e.all().forEach(d -> assertEquals(Origin.Kind.DEFAULT_RULE, d.origin().kind(), d.name()));
    }

    @Test
    void aGivenValueWinsOverTheDefault() {
        Estimate e = RuleFixture.of("assumptions.drl").given("serving.peak_factor", 3, "1").run();
        assertEquals(3, e.value("serving.peak_factor").orElseThrow());
        assertEquals(Origin.Kind.COMMAND_LINE, e.get("serving.peak_factor").orElseThrow().origin().kind());
    }
}

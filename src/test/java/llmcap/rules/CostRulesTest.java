package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/cost.drl: the fleet and its rental cost (the article, #14-#16). */
class CostRulesTest {

    private static RuleFixture article() {
        return RuleFixture.of("cost.drl")
                .given("serving.gpus", 2195, "GPU")
                .given("training.gpus_adopted", 1000, "GPU");
    }

    @Test
    void articlesFleetAndDailyRent() {
        Estimate e = article().given("fleet.gpus_planned", 10000, "GPU").given("cost.usd_per_gpu_hour", 1.5, "USD/GPU-h")
                .given("training.gpu_days", 22750, "GPU-day").run();
        // 2195 + 1000 = 3195 (#14); 10000 x 24 x 1.5 = $360,000 per day (#16).
        assertDerived(e, "fleet.gpus", 3195, "GPU", "fleet.gpus = serving.gpus + training.gpus_adopted");
        assertDerived(e, "cost.fleet_gpus", 10000, "GPU", "cost.fleet_gpus = fleet.gpus_planned (judgement)");
        assertDerived(e, "cost.fleet_daily_usd", 360000, "USD/day", "cost.fleet_daily_usd = cost.fleet_gpus x 24 h x cost.usd_per_gpu_hour");
        // 2195 x 24 x 1.5 = 79,020; 22750 GPU-days x 24 x 1.5 = 819,000.
        assertDerived(e, "cost.serving_daily_usd", 79020, "USD/day", "cost.serving_daily_usd = serving.gpus x 24 h x cost.usd_per_gpu_hour");
        assertDerived(e, "cost.training_run_usd", 819000, "USD", "cost.training_run_usd = training.gpu_days x 24 h x cost.usd_per_gpu_hour");
    }

    @Test
    void withoutAPlannedFleetTheComputedFleetIsCostedAtTheCatalogPrice() {
        // AWS p4de.24xlarge $27.44705/h for 8 A100 80GB = $3.4309 per GPU-hour (catalog, 2026-11-09).
        Estimate e = article().given("gpu.rental_usd_per_hour", 3.4309, "USD/GPU-h").run();
        assertDerived(e, "cost.fleet_gpus", 3195, "GPU", "cost.fleet_gpus = fleet.gpus (no planned fleet given)");
        assertDerived(e, "cost.usd_per_gpu_hour", 3.4309, "USD/GPU-h", "cost.usd_per_gpu_hour = gpu.rental_usd_per_hour (catalog price)");
        assertDerived(e, "cost.fleet_daily_usd", 3195 * 24 * 3.4309, "USD/day",
                "cost.fleet_daily_usd = cost.fleet_gpus x 24 h x cost.usd_per_gpu_hour");
    }

    @Test
    void costPerMillionTokensServed() {
        // $79,020 a day for 1.7333e10 tokens a day: 79020 / 17333.3 = $4.559 per million tokens.
        Estimate e = RuleFixture.of("cost.drl").given("cost.serving_daily_usd", 79020, "USD/day")
                .given("serving.daily_tokens", 1.3e10 * 4 / 3, "token/day").run();
        assertDerived(e, "cost.usd_per_million_tokens", 79020 / (1.3e10 * 4 / 3 / 1e6), "USD/Mtoken",
                "cost.usd_per_million_tokens = cost.serving_daily_usd / (serving.daily_tokens / 1e6)");
    }

    @Test
    void owningAnA100AtTheArticlesPriceAgainstRentingIt() {
        // $12,500 (the article: $10,000-15,000) over 5 years of 8760 h = $0.28539/h; energy 0.4 kW x 1.1 x $0.0806 = $0.03546/h.
        Estimate e = RuleFixture.of("cost.drl").given("gpu.purchase_usd", 12500, "USD").given("cost.amortization_years", 5, "year")
                .given("gpu.tdp_w", 400, "W").given("energy.pue", 1.1, "1").given("energy.usd_per_kwh", 0.0806, "USD/kWh")
                .given("cost.usd_per_gpu_hour", 1.5, "USD/GPU-h").given("cost.fleet_gpus", 10000, "GPU").run();
        double own = 12500 / (5 * 8760.0) + 0.4 * 1.1 * 0.0806;
        assertDerived(e, "cost.own_usd_per_gpu_hour", own, "USD/GPU-h",
                "cost.own_usd_per_gpu_hour = purchase / (years x 8760 h) + TDP x PUE x energy price");
        assertDerived(e, "cost.rent_to_own_ratio", 1.5 / own, "1", "cost.rent_to_own_ratio = cost.usd_per_gpu_hour / cost.own_usd_per_gpu_hour");
        assertDerived(e, "cost.fleet_capex_usd", 125_000_000, "USD", "cost.fleet_capex_usd = cost.fleet_gpus x gpu.purchase_usd");
    }
}

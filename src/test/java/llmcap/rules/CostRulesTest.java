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
}

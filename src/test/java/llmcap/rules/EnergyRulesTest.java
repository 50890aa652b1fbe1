package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/energy.drl: TDP x hours x PUE, and what that energy costs. */
class EnergyRulesTest {

    @Test
    void gpt3TrainingOnA100() {
        Estimate e = RuleFixture.of("energy.drl")
                .given("gpu.tdp_w", 400, "W").given("training.gpu_days", 22750, "GPU-day").given("serving.gpus", 2195, "GPU")
                .given("energy.pue", 1.1, "1").given("energy.usd_per_kwh", 0.08, "USD/kWh").run();
        // 400 W x 22750 GPU-days x 24 h x 1.1 / 1000 = 240,240 kWh; x $0.08 = $19,219.20.
        assertDerived(e, "energy.training_kwh", 240_240, "kWh", "energy.training_kwh = gpu.tdp_w x training.gpu_days x 24 h x energy.pue / 1000");
        assertDerived(e, "cost.training_energy_usd", 19_219.2, "USD", "cost.training_energy_usd = energy.training_kwh x energy.usd_per_kwh");
        // 400 W x 2195 GPUs x 24 h x 1.1 / 1000 = 23,179.2 kWh per day; x $0.08 = $1,854.34.
        assertDerived(e, "energy.serving_kwh_per_day", 23_179.2, "kWh/day", "energy.serving_kwh_per_day = gpu.tdp_w x serving.gpus x 24 h x energy.pue / 1000");
        assertDerived(e, "cost.serving_energy_daily_usd", 1_854.336, "USD/day", "cost.serving_energy_daily_usd = energy.serving_kwh_per_day x energy.usd_per_kwh");
    }
}

package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertFalse;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/hardware.drl: which catalog peak the estimates divide by. */
class HardwareRulesTest {

    @Test
    void a100UsesItsDenseBf16Peak() {
        // A100 80GB SXM datasheet: 312 TFLOP/s BF16 dense, 19.5 TFLOP/s FP32.
        Estimate e = RuleFixture.of("hardware.drl")
                .given("gpu.flops_bf16", 312e12, "FLOP/s").given("gpu.flops_fp16", 312e12, "FLOP/s")
                .given("gpu.flops_fp32", 19.5e12, "FLOP/s").run();
        assertDerived(e, "gpu.peak_flops", 312e12, "FLOP/s", "gpu.peak_flops = dense BF16 tensor peak");
    }

    @Test
    void v100WithoutBf16UsesItsFp16TensorPeak() {
        // V100 SXM2: 125 TFLOP/s FP16 tensor, no BF16 (Volta whitepaper).
        Estimate e = RuleFixture.of("hardware.drl").given("gpu.flops_fp16", 125e12, "FLOP/s").run();
        assertDerived(e, "gpu.peak_flops", 125e12, "FLOP/s", "gpu.peak_flops = dense FP16 tensor peak (GPU without BF16)");
    }

    @Test
    void noSixteenBitPeakNoPeak() {
        Estimate e = RuleFixture.of("hardware.drl").given("gpu.flops_fp32", 19.5e12, "FLOP/s").run();
        assertFalse(e.get("gpu.peak_flops").isPresent());
    }
}

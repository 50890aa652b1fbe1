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

    @Test
    void theComputeDtypePicksThePeak() {
        // H100 SXM: 1,979 TFLOP/s FP8 dense, 989 BF16.
        Estimate e = RuleFixture.of("hardware.drl").given("gpu.flops_bf16", 989e12, "FLOP/s").given("gpu.flops_fp8", 1979e12, "FLOP/s")
                .givenSetting("inference.compute_dtype", "fp8").run();
        assertDerived(e, "inference.peak_flops_per_gpu", 1979e12, "FLOP/s", "inference.peak_flops_per_gpu = the GPU's dense peak at inference.compute_dtype");
    }

    @Test
    void nvlinkBothWaysIsHalvedForOneDirection() {
        // H100 SXM: 18 x 4th-gen NVLink, 900 GB/s (MLPerf v4.0 system descriptions): 450 GB/s each way.
        Estimate e = RuleFixture.of("hardware.drl").given("gpu.interconnect_bytes_per_s", 900e9, "B/s").run();
        assertDerived(e, "gpu.interconnect_bytes_per_s_each_way", 450e9, "B/s", "gpu.interconnect_bytes_per_s_each_way = gpu.interconnect_bytes_per_s / 2");
    }

    @Test
    void aFamilysMeasuredEfficiencyAtTheComputeDtypeIsUsed() {
        // catalog/families.yaml: Hopper FP8 0.50 and 0.84 of HBM bandwidth (fitted on TensorRT-LLM v0.6.1).
        Estimate e = RuleFixture.of("hardware.drl").givenSetting("inference.compute_dtype", "fp8")
                .given("family.serving_compute_efficiency_fp8", 0.5, "1").given("family.serving_bandwidth_efficiency", 0.84, "1").run();
        assertDerived(e, "serving.compute_efficiency", 0.5, "1", "serving.compute_efficiency = the GPU family's measured fraction at inference.compute_dtype");
        assertDerived(e, "serving.bandwidth_efficiency", 0.84, "1", "serving.bandwidth_efficiency = the GPU family's measured fraction of HBM bandwidth");
    }

    @Test
    void aPrecisionTheFamilyHasNoMeasurementForTakesTheStatedDefault() {
        // Hopper has FP8 measured, not BF16: a BF16 plan gets the default, and its rule says so.
        Estimate e = RuleFixture.of("hardware.drl").givenSetting("inference.compute_dtype", "bf16")
                .given("family.serving_compute_efficiency_fp8", 0.5, "1").run();
        assertDerived(e, "serving.compute_efficiency", 0.5, "1",
                "serving.compute_efficiency: 0.5 (no measurement for this GPU family and precision; Hopper FP8's fitted value)");
        assertDerived(e, "serving.bandwidth_efficiency", 0.8, "1", "serving.bandwidth_efficiency: 0.8 (no measurement for this GPU family)");
    }
}

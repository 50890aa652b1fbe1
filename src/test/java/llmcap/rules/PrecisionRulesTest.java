package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static llmcap.rules.RuleFixture.assertSetting;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import llmcap.engine.Estimate;
import llmcap.engine.RuleException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** rules/precision.drl: data types to bytes (Transformer Math 101: int8 1, fp16/bf16 2, fp32 4). */
class PrecisionRulesTest {

    @ParameterizedTest(name = "{0} = {1} B")
    @CsvSource({"fp32, 4", "tf32, 4", "bf16, 2", "fp16, 2", "fp8, 1", "int8, 1", "fp4, 0.5", "int4, 0.5"})
    void weightDtypeGivesBytesPerParameter(String dtype, double bytes) {
        Estimate e = RuleFixture.of("precision.drl").givenSetting("inference.weight_dtype", dtype)
                .givenSetting("inference.kv_dtype", dtype).run();
        assertDerived(e, "inference.bytes_per_param", bytes, "B/param", "inference.bytes_per_param = bytes of inference.weight_dtype");
        assertDerived(e, "inference.kv_bytes_per_element", bytes, "B/element", "inference.kv_bytes_per_element = bytes of inference.kv_dtype");
        assertSetting(e, "checkpoint.dtype", dtype, "checkpoint.dtype = inference.weight_dtype (checkpoints stored as served)");
        assertDerived(e, "checkpoint.bytes_per_param", bytes, "B/param", "checkpoint.bytes_per_param = bytes of checkpoint.dtype");
    }

    @Test
    void aGivenBytesPerParameterWinsOverTheDtype() {
        Estimate e = RuleFixture.of("precision.drl").givenSetting("inference.weight_dtype", "fp32")
                .given("inference.bytes_per_param", 2, "B/param").givenSetting("inference.kv_dtype", "bf16").run();
        org.junit.jupiter.api.Assertions.assertEquals(2, e.value("inference.bytes_per_param").orElseThrow());
    }

    @Test
    void anUnknownDtypeIsAnErrorNamingTheRuleAndTheKnownOnes() {
        RuleException ex = assertThrows(RuleException.class, () -> RuleFixture.of("precision.drl")
                .givenSetting("inference.weight_dtype", "fp12").givenSetting("inference.kv_dtype", "bf16").run());
        assertTrue(ex.getMessage().contains("unknown data type 'fp12'"), ex.getMessage());
        assertTrue(ex.getMessage().contains("rules/precision.drl:"), ex.getMessage());
    }

    // ---- inference.compute_dtype --------------------------------------------------------------------

    private static Estimate onH100(String weights) {
        // H100 SXM product page: 989 TFLOP/s BF16 dense, 1,979 FP8, 1,979 INT8 TOPS.
        return RuleFixture.of("precision.drl").givenSetting("inference.weight_dtype", weights).givenSetting("inference.kv_dtype", "bf16")
                .given("gpu.flops_bf16", 989e12, "FLOP/s").given("gpu.flops_fp16", 989e12, "FLOP/s")
                .given("gpu.flops_fp8", 1979e12, "FLOP/s").given("gpu.flops_int8", 1979e12, "FLOP/s").run();
    }

    private static final String SAME = "inference.compute_dtype = inference.weight_dtype (the GPU has a tensor peak at that precision)";
    private static final String SIXTEEN = "inference.compute_dtype = 16 bits (16- or 32-bit weights: mixed precision on the 16-bit tensor peak)";
    private static final String WEIGHT_ONLY =
            "inference.compute_dtype = 16 bits (the GPU has no tensor peak at the weights' precision: weight-only quantization)";

    @Test
    void fp8WeightsOnHopperComputeInFp8() {
        assertSetting(onH100("fp8"), "inference.compute_dtype", "fp8", SAME);
    }

    @Test
    void fp32AndBf16WeightsComputeOnTheBf16Peak() {
        assertSetting(onH100("fp32"), "inference.compute_dtype", "bf16", SIXTEEN);
        assertSetting(onH100("bf16"), "inference.compute_dtype", "bf16", SIXTEEN);
    }

    @Test
    void fp8WeightsOnAnA100AreWeightOnlyQuantization() {
        // The A100 datasheet states no FP8 peak: the weights are stored in 1 byte and computed at 16 bits.
        Estimate e = RuleFixture.of("precision.drl").givenSetting("inference.weight_dtype", "fp8").givenSetting("inference.kv_dtype", "bf16")
                .given("gpu.flops_bf16", 312e12, "FLOP/s").run();
        assertSetting(e, "inference.compute_dtype", "bf16", WEIGHT_ONLY);
        assertDerived(e, "inference.bytes_per_param", 1, "B/param", "inference.bytes_per_param = bytes of inference.weight_dtype");
    }

    @Test
    void aV100WithoutBf16ComputesInFp16() {
        Estimate e = RuleFixture.of("precision.drl").givenSetting("inference.weight_dtype", "bf16").givenSetting("inference.kv_dtype", "bf16")
                .given("gpu.flops_fp16", 125e12, "FLOP/s").run();
        assertSetting(e, "inference.sixteen_bit_dtype", "fp16", "inference.sixteen_bit_dtype = fp16 (the GPU has no BF16 tensor peak)");
        assertSetting(e, "inference.compute_dtype", "fp16", SIXTEEN);
    }
}

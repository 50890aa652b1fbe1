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
}

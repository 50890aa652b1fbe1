package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static llmcap.rules.RuleFixture.assertSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/throughput.drl: the batch (memory and latency targets), what binds, rates and replicas. */
class ThroughputRulesTest {

    // The step of StepRulesTest (LLaMA 70B on 2 H100, FP8, per-query-head kernel), term by term:
    // GEMM a = 69.71 us/request, weights w = 12.256 ms, KV 44.72 us + all-reduce 7.28 us per request, 1.6 ms fixed.
    static final double A = 2 * StepRulesTest.WEIGHTS / 1.979e15;
    static final double W = StepRulesTest.WEIGHTS / 5.628e12;
    static final double KV = 163_840.0 * 192 * 8 / 5.628e12;
    static final double AR = 2.0 * 80 * 8192 * 2 / (450e9 * 0.8);

    private static RuleFixture replica(double maxBatch) {
        return RuleFixture.of("throughput.drl")
                .given("serving.gemm_s_per_request", A, "s/request").given("serving.weight_read_s", W, "s")
                .given("serving.attention_s_per_request", 2.54e-7, "s/request").given("serving.kv_read_s_per_request", KV, "s/request")
                .given("serving.allreduce_s_per_request", AR, "s/request").given("serving.allreduce_fixed_s", 1.6e-3, "s")
                .given("serving.max_batch_memory", maxBatch, "request");
    }

    private static final String BATCH = "serving.batch_size = min(serving.max_batch_memory, serving.batch_limit_latency), at least 1";

    @Test
    void withoutTargetsTheBatchIsWhatMemoryHolds() {
        Estimate e = replica(1200).run();
        assertDerived(e, "serving.batch_limit_tpot", 1200, "request", "serving.batch_limit_tpot = serving.max_batch_memory (no TPOT target)");
        assertDerived(e, "serving.batch_size", 1200, "request", BATCH);
        // At 1200: compute 1200 x (69.71 + 0.25) us = 83.9 ms > memory 12.26 ms + 1200 x 44.72 us = 65.9 ms.
        assertSetting(e, "serving.batch_binding", "compute", "serving.batch_binding = what limits the replica at its batch");
    }

    @Test
    void aTpotTargetCutsTheBatch() {
        // Step(b) = max(b a, w) + b (44.72 + 7.28) us + 1.6 ms <= 50 ms:
        // by compute (50 - 1.6) / (69.71 + 52.00) us = 397.7; by memory (50 - 12.26 - 1.6) / 52.00 us = 695.0 -> 397.
        Estimate e = replica(1200).given("serving.tpot_target_s", 0.05, "s").run();
        double m = KV + AR;
        double expected = Math.floor(Math.min((0.05 - 1.6e-3) / (A + m), (0.05 - W - 1.6e-3) / m));
        assertEquals(397, expected);
        assertDerived(e, "serving.batch_limit_tpot", 397, "request", "serving.batch_limit_tpot = largest batch whose decode step meets serving.tpot_target_s");
        assertDerived(e, "serving.batch_size", 397, "request", BATCH);
        assertSetting(e, "serving.batch_binding", "latency-target", "serving.batch_binding = what limits the replica at its batch");
        assertSetting(e, "serving.targets_met", "yes", "serving.targets_met = yes");
    }

    @Test
    void aTtftTargetLeavesRoomForOnePrefill() {
        // 200 ms for the first token, 100 ms of it a prefill: the step must fit in 100 ms -> floor((0.1 - 0.0016) / 121.71 us) = 808.
        Estimate e = replica(1200).given("serving.ttft_target_s", 0.2, "s").given("serving.prefill_one_s", 0.1, "s").run();
        assertDerived(e, "serving.batch_limit_ttft", 808, "request",
                "serving.batch_limit_ttft = largest batch whose step leaves room for one prefill within serving.ttft_target_s");
    }

    @Test
    void aTargetNoBatchCanMeetIsSaidAndOneRequestIsPlanned() {
        // 10 ms per token is less than reading the weights once (12.26 ms).
        Estimate e = replica(1200).given("serving.tpot_target_s", 0.01, "s").run();
        assertSetting(e, "serving.targets_met", "no", "serving.targets_met = no (even one request alone misses a latency target)");
        assertDerived(e, "serving.batch_size", 1, "request", BATCH);
    }

    @Test
    void aReplicaThatCannotHoldOneRequestDoesNotFit() {
        Estimate e = replica(0).run();
        assertSetting(e, "serving.fits", "no", "serving.fits = no (the replica cannot hold the weights and one whole request)");
        assertEquals(false, e.get("serving.batch_size").isPresent());
    }

    @Test
    void aBatchCutByMemoryWhileReadingMemoryIsBoundByMemory() {
        // At 100 requests: compute 100 x 69.96 us = 7.0 ms < memory 12.26 ms + 100 x 44.72 us = 16.7 ms.
        assertSetting(replica(100).run(), "serving.batch_binding", "memory", "serving.batch_binding = what limits the replica at its batch");
    }

    @Test
    void aGivenBatchSpentReadingMemoryIsBoundByBandwidth() {
        assertSetting(replica(1200).given("serving.batch_size", 100, "request").run(), "serving.batch_binding", "bandwidth",
                "serving.batch_binding = what limits the replica at its batch");
    }

    @Test
    void replicasForThePeak() {
        // 2,496 tokens/s per GPU x 2 GPUs = 4,992 per replica; 112,617 tokens/s at the peak -> ceil(22.56) = 23 replicas, 46 GPUs.
        Estimate e = RuleFixture.of("throughput.drl").given("serving.batch_output_tokens_per_s_per_gpu", 2496, "token/s")
                .given("inference.gpus_per_replica", 2, "GPU").given("serving.peak_output_tokens_per_s", 112_617, "token/s").run();
        assertDerived(e, "serving.output_tokens_per_s_per_gpu", 2496, "token/s",
                "serving.output_tokens_per_s_per_gpu = serving.batch_output_tokens_per_s_per_gpu (the model's rate)");
        assertDerived(e, "serving.output_tokens_per_s_per_replica", 4992, "token/s",
                "serving.output_tokens_per_s_per_replica = serving.output_tokens_per_s_per_gpu x inference.gpus_per_replica");
        assertDerived(e, "serving.replicas_throughput", 23, "replica",
                "serving.replicas_throughput = ceil(serving.peak_output_tokens_per_s / serving.output_tokens_per_s_per_replica)");
        assertDerived(e, "serving.gpus_throughput", 46, "GPU", "serving.gpus_throughput = serving.replicas_throughput x inference.gpus_per_replica");
    }

    @Test
    void aMeasuredRateReplacesTheModels() {
        Estimate e = RuleFixture.of("throughput.drl").given("serving.batch_output_tokens_per_s_per_gpu", 2496, "token/s")
                .given("serving.measured_tokens_per_s_per_gpu", 2657, "token/s").run();
        assertDerived(e, "serving.output_tokens_per_s_per_gpu", 2657, "token/s",
                "serving.output_tokens_per_s_per_gpu = serving.measured_tokens_per_s_per_gpu (a measured rate replaces the model's)");
    }

    @Test
    void aGivenBatchLargerThanMemoryHoldsIsRefused() {
        llmcap.engine.RuleException ex = org.junit.jupiter.api.Assertions.assertThrows(llmcap.engine.RuleException.class,
                () -> replica(35).given("serving.batch_size", 64, "request").run());
        org.junit.jupiter.api.Assertions.assertTrue(ex.getMessage().contains("serving.batch_size 64 does not fit: the replica's memory holds 35"),
                ex.getMessage());
    }
}

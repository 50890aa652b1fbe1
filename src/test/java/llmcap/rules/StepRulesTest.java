package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertEquals;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/**
 * rules/step.drl, worked by hand for one published row: TensorRT-LLM v0.6.1, H100 SXM FP8, LLaMA 70B
 * (Llama 2: 80 layers, hidden 8192, 64 query and 8 KV heads of 128), TP 2, batch 1024, 128 in / 128 out,
 * published 2,657 output tokens/s per GPU (NVIDIA/TensorRT-LLM docs/source/performance.md).
 */
class StepRulesTest {

    static final double WEIGHTS = 68_976_648_192.0; // FP8: one byte per parameter
    static final double PEAK = 1979e12;             // H100 SXM FP8 dense
    static final double BW = 3.35e12;               // H100 SXM HBM3

    static RuleFixture llama70bOnTwoH100(String kernel) {
        return RuleFixture.of("step.drl")
                .given("inference.gpus_per_replica", 2, "GPU").given("inference.tensor_parallel", 2, "GPU")
                .given("inference.pipeline_parallel", 1, "GPU")
                .given("inference.peak_flops_per_gpu", PEAK, "FLOP/s").given("serving.compute_efficiency", 0.5, "1")
                .given("gpu.bandwidth_bytes_per_s", BW, "B/s").given("serving.bandwidth_efficiency", 0.84, "1")
                .given("gpu.interconnect_bytes_per_s_each_way", 450e9, "B/s").given("collective.efficiency", 0.8, "1")
                .given("collective.latency_s", 10e-6, "s").given("serving.activation_bytes", 2, "B/element")
                .given("inference.weights_bytes", WEIGHTS, "B").given("inference.flops_per_token", 2 * WEIGHTS, "FLOP/token")
                .given("model.layers", 80, "1").given("model.hidden_size", 8192, "1")
                .given("model.attention_heads", 64, "1").given("kv.kv_heads", 8, "1")
                .given("kv.bytes_per_token", 2 * 80 * 8 * 128, "B/token").given("kv.tensor_parallel_copies", 1, "1")
                .given("serving.input_tokens", 128, "token").given("serving.output_tokens", 128, "token")
                .given("serving.batch_size", 1024, "request")
                .givenSetting("serving.attention_kernel", kernel);
    }

    @Test
    void everyTermOfTheStepByHand() {
        Estimate e = llama70bOnTwoH100("per-query-head").run();
        // Replica: 2 x 1,979 TFLOP/s x 0.5 = 1.979 PFLOP/s; 2 x 3.35 TB/s x 0.84 = 5.628 TB/s.
        assertDerived(e, "serving.replica_flops", 1.979e15, "FLOP/s",
                "serving.replica_flops = inference.gpus_per_replica x inference.peak_flops_per_gpu x serving.compute_efficiency");
        assertDerived(e, "serving.replica_bandwidth", 5.628e12, "B/s",
                "serving.replica_bandwidth = inference.gpus_per_replica x gpu.bandwidth_bytes_per_s x serving.bandwidth_efficiency");
        // Weights once per step: 68.98 GB / 5.628 TB/s = 12.256 ms.
        assertDerived(e, "serving.weight_read_s", WEIGHTS / 5.628e12, "s", "serving.weight_read_s = inference.weights_bytes / serving.replica_bandwidth");
        // 2 x 68.98e9 FLOP per token / 1.979e15 = 69.71 us per request.
        assertDerived(e, "serving.gemm_s_per_request", 2 * WEIGHTS / 1.979e15, "s/request",
                "serving.gemm_s_per_request = inference.flops_per_token / serving.replica_flops");
        // Average context 128 + 128/2 = 192 tokens.
        assertDerived(e, "serving.decode_context_tokens", 192, "token", "serving.decode_context_tokens = serving.input_tokens + serving.output_tokens / 2");
        // Attention: 4 x 80 x 8192 x 192 = 5.03e8 FLOP -> 0.254 us; KV: 163,840 B x 192 x 8 reads = 251.7 MB -> 44.72 us.
        assertDerived(e, "serving.attention_s_per_request", 4.0 * 80 * 8192 * 192 / 1.979e15, "s/request",
                "serving.attention_s_per_request = 4 x layers x hidden x decode context / serving.replica_flops");
        assertDerived(e, "serving.kv_reads_per_step", 8, "1",
                "serving.kv_reads_per_step = model.attention_heads / kv.kv_heads (a KV head read for each query head)");
        double kv = 163_840.0 * 192 * 8 / 5.628e12;
        assertDerived(e, "serving.kv_read_s_per_request", kv, "s/request",
                "serving.kv_read_s_per_request = kv.bytes_per_token x decode context x reads x copies / serving.replica_bandwidth");
        // All-reduce: 2 x 80 x 8192 x 2 B x 2(2-1)/2 = 2.621 MB per token over 450 GB/s x 0.8 = 7.28 us; 160 calls x 10 us = 1.6 ms.
        double ar = 2.0 * 80 * 8192 * 2 / (450e9 * 0.8);
        assertDerived(e, "serving.allreduce_s_per_request", ar, "s/request",
                "serving.allreduce_s_per_request = 2 x layers / stages x hidden x bytes x 2(t-1)/t / (link x efficiency)");
        assertDerived(e, "serving.allreduce_fixed_s", 1.6e-3, "s", "serving.allreduce_fixed_s = 2 x layers / stages x collective.latency_s");
        // Step at 1024: max(71.38 ms, 12.26 ms) + 1024 x 44.72 us + 1024 x 7.28 us + 1.6 ms = 126.2 ms.
        double step = 1024 * 2 * WEIGHTS / 1.979e15 + 1024 * kv + 1024 * ar + 1.6e-3;
        assertEquals(0.1262, step, 0.0001);
        assertDerived(e, "serving.decode_step_s", step, "s",
                "serving.decode_step_s = max(batch x GEMM, weight read) + batch x max(attention, KV read) + batch x all-reduce + fixed");
        // Prefill of 1024 x 128 tokens at (1.3795e11 + 2 x 80 x 8192 x 128) / 1.979e15 = 69.79 us each: 9.148 s, + 0.954 s all-reduce.
        double perToken = (2 * WEIGHTS + 2.0 * 80 * 8192 * 128) / 1.979e15;
        double prefill = 1024 * 128 * perToken + 1024 * 128 * ar + 1.6e-3;
        assertEquals(10.10, prefill, 0.01);
        assertDerived(e, "serving.prefill_s", prefill, "s",
                "serving.prefill_s = max(batch x input x per token, weight read) + batch x input x all-reduce + fixed");
        // 1024 x 128 tokens / (10.10 s + 128 x 0.1262 s) / 2 GPUs = 2,496 per GPU (published 2,657: -6 %).
        double rate = 1024 * 128 / (prefill + 128 * step) / 2;
        assertEquals(2496, rate, 1);
        assertDerived(e, "serving.batch_output_tokens_per_s_per_gpu", rate, "token/s",
                "serving.batch_output_tokens_per_s_per_gpu = batch x output tokens / serving.batch_time_s / GPUs");
        // A user sees a token every step, and the first after a prefill of 128 tokens plus the step in flight.
        assertDerived(e, "serving.tpot_s", step, "s", "serving.tpot_s = serving.decode_step_s (every request of the batch gets a token per step)");
        double one = Math.max(128 * perToken, WEIGHTS / 5.628e12) + 128 * ar + 1.6e-3;
        assertDerived(e, "serving.ttft_s", one + step, "s", "serving.ttft_s = serving.prefill_one_s + serving.decode_step_s");
    }

    @Test
    void aGqaAwareKernelReadsEachKvHeadOnce() {
        Estimate e = llama70bOnTwoH100("gqa-aware").run();
        assertDerived(e, "serving.kv_reads_per_step", 1, "1", "serving.kv_reads_per_step = 1 (a GQA-aware kernel reads each KV head once)");
        assertEquals(163_840.0 * 192 / 5.628e12, e.value("serving.kv_read_s_per_request").orElseThrow(), 1e-15);
    }

    @Test
    void oneGpuHasNoAllReduce() {
        Estimate e = llama70bOnTwoH100("gqa-aware").given("inference.tensor_parallel", 1, "GPU").run();
        assertDerived(e, "serving.allreduce_s_per_request", 0, "s/request",
                "serving.allreduce_s_per_request = 0 (one GPU per stage: no tensor-parallel all-reduce)");
    }

    @Test
    void aSmallBatchReadsItsWeightsEveryStep() {
        // Batch 1: the weights (12.26 ms) dominate the step, not the arithmetic (69.7 us).
        Estimate e = llama70bOnTwoH100("gqa-aware").given("serving.batch_size", 1, "request").run();
        double kv = 163_840.0 * 192 / 5.628e12;
        double ar = 2.0 * 80 * 8192 * 2 / (450e9 * 0.8);
        assertEquals(WEIGHTS / 5.628e12 + kv + ar + 1.6e-3, e.value("serving.decode_step_s").orElseThrow(), 1e-12);
    }
}

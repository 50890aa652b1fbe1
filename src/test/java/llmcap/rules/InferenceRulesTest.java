package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/inference.drl: weights in GPU memory, GPUs to hold them, FLOP per token (the article, #3-#4). */
class InferenceRulesTest {

    private static Estimate run(double params, double memory) {
        return RuleFixture.of("inference.drl")
                .given("model.params", params, "param")
                .given("model.compute_params", params, "param")
                .given("inference.bytes_per_param", 4, "B/param")
                .given("inference.flops_per_param_token", 2, "FLOP/param/token")
                .given("gpu.memory_bytes", memory, "B")
                .run();
    }

    @Test
    void gpt35WeightsInFp32NeedNineA100() {
        Estimate e = run(175e9, 80e9);
        // 175e9 x 4 B = 700 GB; 700 / 80 = 8.75 -> 9 (docs/article.md #3, #4).
        assertDerived(e, "inference.weights_bytes", 700e9, "B", "inference.weights_bytes = model.params x inference.bytes_per_param");
        assertDerived(e, "inference.gpus", 9, "GPU", "inference.gpus = ceil(inference.weights_bytes / gpu.memory_bytes)");
        // 2 x 175e9 = 3.5e11 FLOP per token (Kaplan et al. 2020: forward pass ~ 2N).
        assertDerived(e, "inference.flops_per_token", 3.5e11, "FLOP/token",
                "inference.flops_per_token = inference.flops_per_param_token x model.compute_params");
    }

    @Test
    void mixtralRunsItsActiveParametersButStoresAllOfThem() {
        // Mixtral 8x7B: 46.7B parameters in memory, 12.9B used per token (Mistral AI, 2023-12-11).
        Estimate e = RuleFixture.of("inference.drl")
                .given("model.params", 46.7e9, "param").given("model.compute_params", 12.9e9, "param")
                .given("inference.bytes_per_param", 2, "B/param").given("inference.flops_per_param_token", 2, "FLOP/param/token")
                .given("gpu.memory_bytes", 80e9, "B").run();
        assertDerived(e, "inference.weights_bytes", 93.4e9, "B", "inference.weights_bytes = model.params x inference.bytes_per_param");
        assertDerived(e, "inference.flops_per_token", 25.8e9, "FLOP/token",
                "inference.flops_per_token = inference.flops_per_param_token x model.compute_params");
    }

    private static final String TP = "inference.tensor_parallel = smallest power of two whose GPUs hold the weights and one whole request";
    private static final String PP = "inference.pipeline_parallel = ceil((weights + one request) / (tensor_parallel x usable per GPU))";

    /** A replica on A100 80GB: 81,920 MiB as nvidia-smi reports it, 10 % reserved. */
    private static RuleFixture replica(double weights, double oneRequest) {
        return RuleFixture.of("inference.drl")
                .given("inference.weights_bytes", weights, "B").given("kv.bytes_per_request", oneRequest, "B")
                .given("kv.tensor_parallel_copies", 1, "1")
                .given("gpu.memory_bytes", 81920.0 * 1024 * 1024, "B").given("inference.memory_reserve_fraction", 0.1, "1")
                .given("inference.gpus_per_node", 8, "GPU");
    }

    @Test
    void llama65bInBf16FitsOnTwoA100() {
        // The example: 65.2e9 x 2 B = 130.4 GB of weights; one request of 1,149 tokens at
        // 2 x 80 layers x 8192 x 2 B = 2,621,440 B/token = 3.012 GB. One A100 80GB: 85.90 GB x 0.9 = 77.31 GB;
        // two hold 154.6 GB >= 133.4 GB, so tensor parallel 2, not 4.
        double oneRequest = 2_621_440.0 * 1149;
        Estimate e = replica(130.4e9, oneRequest).run();
        double usable = 81920.0 * 1024 * 1024 * 0.9;
        assertDerived(e, "gpu.usable_bytes", usable, "B", "gpu.usable_bytes = gpu.memory_bytes x (1 - inference.memory_reserve_fraction)");
        assertDerived(e, "inference.tensor_parallel", 2, "GPU", TP);
        assertDerived(e, "inference.pipeline_parallel", 1, "GPU", PP);
        assertDerived(e, "inference.gpus_per_replica", 2, "GPU", "inference.gpus_per_replica = inference.tensor_parallel x inference.pipeline_parallel");
        // KV room: 154.62 GB - 130.4 GB = 24.22 GB; / 3.012 GB per whole request = 8.04 -> 8 requests.
        assertDerived(e, "serving.kv_room_bytes", 2 * usable - 130.4e9, "B",
                "serving.kv_room_bytes = inference.gpus_per_replica x gpu.usable_bytes - inference.weights_bytes");
        assertDerived(e, "serving.max_batch_memory", Math.floor((2 * usable - 130.4e9) / oneRequest), "request",
                "serving.max_batch_memory = floor(serving.kv_room_bytes / (kv.bytes_per_request x kv.tensor_parallel_copies))");
        org.junit.jupiter.api.Assertions.assertEquals(8, e.value("serving.max_batch_memory").orElseThrow());
    }

    @Test
    void aReplicaGivenTooFewGpusHoldsNoRequestInsteadOfStopping() {
        // LLaMA-65B in bf16 (130.4 GB) with tensor and pipeline parallel set to 1 (left alone, the
        // pipeline rule would add a second stage): 77.31 GB - 130.4 GB = -53.09 GB of
        // KV room, so no request fits; the rule says 0 (serving.fits = no, throughput.drl) rather than
        // the run stopping on a negative size.
        double usable = 81920.0 * 1024 * 1024 * 0.9;
        Estimate e = replica(130.4e9, 3.012e9).given("inference.tensor_parallel", 1, "GPU")
                .given("inference.pipeline_parallel", 1, "GPU").run();
        assertDerived(e, "serving.kv_room_bytes", usable - 130.4e9, "B",
                "serving.kv_room_bytes = inference.gpus_per_replica x gpu.usable_bytes - inference.weights_bytes");
        assertDerived(e, "serving.max_batch_memory", 0, "request",
                "serving.max_batch_memory = 0 (the weights fill the replica: serving.kv_room_bytes <= 0)");
    }

    @Test
    void aModelLargerThanANodeIsPipelinedAcrossNodes() {
        // Llama 3.1 405B in bf16: 810.2 GB; 8 x 77.31 GB = 618.5 GB per node -> 2 pipeline stages of 8 GPUs.
        Estimate e = replica(810.2e9, 1e9).run();
        assertDerived(e, "inference.tensor_parallel", 8, "GPU", TP);
        assertDerived(e, "inference.pipeline_parallel", 2, "GPU", PP);
        assertDerived(e, "inference.gpus_per_replica", 16, "GPU", "inference.gpus_per_replica = inference.tensor_parallel x inference.pipeline_parallel");
    }

    @Test
    void opt13bOnA100_40gbLeavesAboutAThirdForTheKvCache() {
        // vLLM (Kwon et al. 2023) section 1: a 13B model on an A100 40GB holds about 65 % of the memory in
        // weights and about 30 % in KV cache. OPT-13B: 12.85e9 x 2 B = 25.7 GB; A100 40GB: 40,960 MiB;
        // 10 % reserved leaves 38.65 - 25.7 = 12.95 GB for the KV cache: 30.2 % of 42.95 GB.
        Estimate e = RuleFixture.of("inference.drl")
                .given("inference.weights_bytes", 25.7e9, "B").given("kv.bytes_per_request", 819_200.0 * 2048, "B")
                .given("kv.tensor_parallel_copies", 1, "1")
                .given("gpu.memory_bytes", 40960.0 * 1024 * 1024, "B").given("inference.memory_reserve_fraction", 0.1, "1")
                .given("inference.gpus_per_node", 8, "GPU").run();
        double share = e.value("serving.kv_room_bytes").orElseThrow() / (40960.0 * 1024 * 1024);
        org.junit.jupiter.api.Assertions.assertEquals(0.30, share, 0.01);
        org.junit.jupiter.api.Assertions.assertEquals(1, e.value("inference.tensor_parallel").orElseThrow());
    }

    @Test
    void aGivenTensorParallelDegreeIsKept() {
        // --set inference.tensor_parallel=4 for a model that one GPU holds: the replica has 4 GPUs.
        Estimate e = replica(13.5e9, 1e9).given("inference.tensor_parallel", 4, "GPU").run();
        assertDerived(e, "inference.gpus_per_replica", 4, "GPU", "inference.gpus_per_replica = inference.tensor_parallel x inference.pipeline_parallel");
    }

    @Test
    void weightsThatFillGpusExactlyNeedNoExtraGpu() {
        // 40e9 params x 4 B = 160 GB = exactly 2 x 80 GB.
        assertDerived(run(40e9, 80e9), "inference.gpus", 2, "GPU", "inference.gpus = ceil(inference.weights_bytes / gpu.memory_bytes)");
    }
}

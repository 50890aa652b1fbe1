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
        // 175e9 x 4 B = 700 GB; 700 / 80 = 8.75 -> 9 (seed-figures.md #3, #4).
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

    private static RuleFixture replica(double weights, double kv) {
        return RuleFixture.of("inference.drl")
                .given("inference.weights_bytes", weights, "B").given("kv.bytes_per_replica", kv, "B")
                .given("inference.overhead_fraction", 0.2, "1").given("gpu.memory_bytes", 80e9, "B")
                .given("inference.usable_memory_fraction", 0.9, "1").given("inference.gpus_per_node", 8, "GPU");
    }

    @Test
    void replicaIsRoundedUpToAPowerOfTwoInsideANode() {
        // (140 GB + 10 GB) x 1.2 = 180 GB; / 72 GB usable = 2.5 GPUs -> tensor parallel 4.
        Estimate e = replica(140e9, 10e9).run();
        assertDerived(e, "gpu.usable_bytes", 72e9, "B", "gpu.usable_bytes = gpu.memory_bytes x inference.usable_memory_fraction");
        assertDerived(e, "inference.replica_bytes", 180e9, "B", "inference.replica_bytes = (weights + KV cache of the replica) x (1 + overhead)");
        assertDerived(e, "inference.gpus_per_replica", 4, "GPU", "inference.gpus_per_replica = parallel degree for replica_bytes / gpu.usable_bytes");
    }

    @Test
    void replicaLargerThanANodeTakesWholeNodes() {
        // (700 GB + 50 GB) x 1.2 = 900 GB; / 72 GB = 12.5 GPUs: more than 8 -> 2 nodes = 16 GPUs.
        assertDerived(replica(700e9, 50e9).run(), "inference.gpus_per_replica", 16, "GPU",
                "inference.gpus_per_replica = parallel degree for replica_bytes / gpu.usable_bytes");
    }

    @Test
    void weightsThatFillGpusExactlyNeedNoExtraGpu() {
        // 40e9 params x 4 B = 160 GB = exactly 2 x 80 GB.
        assertDerived(run(40e9, 80e9), "inference.gpus", 2, "GPU", "inference.gpus = ceil(inference.weights_bytes / gpu.memory_bytes)");
    }
}

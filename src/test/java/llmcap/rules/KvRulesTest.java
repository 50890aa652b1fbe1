package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/kv.drl (with model.drl and precision.drl feeding it): the KV cache per token, request and replica. */
class KvRulesTest {

    private static final String GQA = "kv.bytes_per_token = 2 x layers x KV heads x head size x bytes (MHA / GQA)";
    private static final String MLA = "kv.bytes_per_token = layers x (kv_lora_rank + qk_rope_head_dim) x bytes (latent attention)";

    private static RuleFixture model(double layers, double hidden, double heads) {
        return RuleFixture.of("kv.drl", "model.drl", "precision.drl")
                .given("model.layers", layers, "1").given("model.hidden_size", hidden, "1").given("model.attention_heads", heads, "1")
                .givenSetting("inference.weight_dtype", "bf16").givenSetting("inference.kv_dtype", "fp16")
                .given("serving.input_tokens", 1024, "token").given("serving.output_tokens", 1024, "token")
                .given("serving.batch_size", 32, "request").given("inference.tensor_parallel", 1, "GPU");
    }

    @Test
    void opt13bIs800KiBPerTokenAnd1_6GBPerRequest() {
        // vLLM (Kwon et al. 2023) section 3: 2 (K,V) x 5120 x 40 layers x 2 B = 800 KB per token; 2048 tokens -> 1.6 GB.
        // 819,200 B is 800 KiB (binary); the paper's "1.6 GB" is 1.68e9 B = 1.56 GiB.
        Estimate e = model(40, 5120, 40).run();
        assertDerived(e, "kv.bytes_per_token", 819_200, "B/token", GQA);
        assertDerived(e, "kv.bytes_per_request", 819_200.0 * 2048, "B",
                "kv.bytes_per_request = kv.bytes_per_token x (serving.input_tokens + serving.output_tokens)");
        assertDerived(e, "kv.bytes_per_replica", 819_200.0 * 2048 * 32, "B",
                "kv.bytes_per_replica = kv.bytes_per_request x serving.batch_size x kv.tensor_parallel_copies");
    }

    @Test
    void llama2_70bGroupedQueryAttentionIsAnEighthOfMultiHead() {
        // Llama 2 70B: 80 layers, 64 query heads, 8 KV heads, head size 128: 2 x 80 x 8 x 128 x 2 B = 327,680 B.
        // Counting all 64 heads as KV heads (the common mistake) would give 2,621,440 B.
        Estimate e = model(80, 8192, 64).given("model.kv_heads", 8, "1").run();
        assertDerived(e, "kv.bytes_per_token", 327_680, "B/token", GQA);
    }

    @Test
    void aPublishedHeadSizeIsUsedNotHiddenOverHeads() {
        // Gemma-7B's config: 28 layers, hidden 3072, 16 heads, head_dim 256: 2 x 28 x 16 x 256 x 2 B = 458,752 B
        // (hidden / heads = 192 would give 344,064 B).
        Estimate e = model(28, 3072, 16).given("model.head_dim", 256, "1").run();
        assertDerived(e, "kv.bytes_per_token", 458_752, "B/token", GQA);
    }

    @Test
    void deepseekV3LatentAttentionCachesTheLatentAndRopeKey() {
        // DeepSeek-V3 config: 61 layers, kv_lora_rank 512, qk_rope_head_dim 64: 61 x (512 + 64) x 2 B = 70,272 B.
        Estimate e = model(61, 7168, 128).given("model.kv_lora_rank", 512, "1").given("model.qk_rope_head_dim", 64, "1").run();
        assertDerived(e, "kv.bytes_per_token", 70_272, "B/token", MLA);
    }

    @Test
    void fp8KvCacheHalvesIt() {
        Estimate e = RuleFixture.of("kv.drl", "model.drl", "precision.drl")
                .given("model.layers", 40, "1").given("model.hidden_size", 5120, "1").given("model.attention_heads", 40, "1")
                .givenSetting("inference.weight_dtype", "bf16").givenSetting("inference.kv_dtype", "fp8").run();
        assertDerived(e, "kv.bytes_per_token", 409_600, "B/token", GQA);
    }

    private static final String COPIES = "kv.tensor_parallel_copies = inference.tensor_parallel / min(inference.tensor_parallel, kv.kv_heads)";

    @Test
    void tensorParallelismSplitsKvHeadsUntilThereAreNoneLeftToSplit() {
        // Llama 2 70B has 8 KV heads: on 8 GPUs each holds one (1 copy); on 16 each KV head sits on 2 GPUs.
        assertDerived(model(80, 8192, 64).given("model.kv_heads", 8, "1").given("inference.tensor_parallel", 8, "GPU").run(),
                "kv.tensor_parallel_copies", 1, "1", COPIES);
        Estimate e = model(80, 8192, 64).given("model.kv_heads", 8, "1").given("inference.tensor_parallel", 16, "GPU").run();
        assertDerived(e, "kv.tensor_parallel_copies", 2, "1", COPIES);
    }

    @Test
    void aLatentCacheIsKeptWholeOnEveryTensorParallelGpu() {
        Estimate e = RuleFixture.of("kv.drl", "model.drl", "precision.drl")
                .given("model.layers", 61, "1").given("model.hidden_size", 7168, "1").given("model.attention_heads", 128, "1")
                .given("model.kv_lora_rank", 512, "1").given("model.qk_rope_head_dim", 64, "1")
                .givenSetting("inference.weight_dtype", "fp8").givenSetting("inference.kv_dtype", "bf16")
                .given("inference.tensor_parallel", 8, "GPU").run();
        assertDerived(e, "kv.tensor_parallel_copies", 8, "1",
                "kv.tensor_parallel_copies = inference.tensor_parallel (latent attention: the latent is not split)");
    }
}

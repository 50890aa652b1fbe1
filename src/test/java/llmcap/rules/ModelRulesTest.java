package llmcap.rules;

import static llmcap.rules.RuleFixture.assertDerived;
import static org.junit.jupiter.api.Assertions.assertFalse;

import llmcap.engine.Estimate;
import org.junit.jupiter.api.Test;

/** rules/model.drl: parameters a token uses, attention shape, default context lengths. */
class ModelRulesTest {

    @Test
    void denseModelComputesWithAllItsParameters() {
        Estimate e = RuleFixture.of("model.drl").given("model.params", 70e9, "param").run();
        assertDerived(e, "model.compute_params", 70e9, "param", "model.compute_params = model.params (dense model)");
    }

    @Test
    void mixtureOfExpertsComputesWithItsActiveParameters() {
        // Mixtral 8x7B: 46.7B total, 12.9B active (Mistral AI).
        Estimate e = RuleFixture.of("model.drl").given("model.params", 46.7e9, "param").given("model.active_params", 12.9e9, "param").run();
        assertDerived(e, "model.compute_params", 12.9e9, "param", "model.compute_params = model.active_params (mixture of experts)");
    }

    @Test
    void headSizeAsPublishedWinsOverHiddenOverHeads() {
        // Gemma-7B's config: hidden 3072, 16 heads, head_dim 256 (not 3072 / 16 = 192).
        Estimate e = RuleFixture.of("model.drl").given("model.hidden_size", 3072, "1").given("model.attention_heads", 16, "1")
                .given("model.head_dim", 256, "1").run();
        assertDerived(e, "kv.head_dim", 256, "1", "kv.head_dim = model.head_dim (as published)");
        assertDerived(e, "kv.kv_heads", 16, "1", "kv.kv_heads = model.attention_heads (multi-head attention: one KV head per query head)");
    }

    @Test
    void headSizeFromHiddenOverHeadsWhenNotPublished() {
        // OPT-13B: 5120 / 40 = 128 (vLLM paper section 3).
        Estimate e = RuleFixture.of("model.drl").given("model.hidden_size", 5120, "1").given("model.attention_heads", 40, "1").run();
        assertDerived(e, "kv.head_dim", 128, "1", "kv.head_dim = model.hidden_size / model.attention_heads (no head size published)");
    }

    @Test
    void groupedQueryAttentionKeepsItsKvHeads() {
        // Llama 2 70B: 64 query heads, 8 KV heads.
        Estimate e = RuleFixture.of("model.drl").given("model.attention_heads", 64, "1").given("model.kv_heads", 8, "1").run();
        assertDerived(e, "kv.kv_heads", 8, "1", "kv.kv_heads = model.kv_heads (grouped-query attention as published)");
    }

    @Test
    void latentAttentionHasNoKvHeads() {
        Estimate e = RuleFixture.of("model.drl").given("model.attention_heads", 128, "1").given("model.hidden_size", 7168, "1")
                .given("model.kv_lora_rank", 512, "1").run();
        assertFalse(e.get("kv.kv_heads").isPresent());
        assertFalse(e.get("kv.head_dim").isPresent());
    }

    @Test
    void trainingSequenceDefaultsWithoutAContextLength() {
        assertDerived(RuleFixture.of("model.drl").run(), "training.sequence_tokens", 2048, "token",
                "training.sequence_tokens = 2048 (model states no context length)");
    }

    @Test
    void aRequestLongerThanTheContextWindowIsRefused() {
        // Llama 2 has a 4,096-token window: 4,000 in + 200 out does not fit.
        llmcap.engine.RuleException ex = org.junit.jupiter.api.Assertions.assertThrows(llmcap.engine.RuleException.class,
                () -> RuleFixture.of("model.drl").given("model.context_length", 4096, "1")
                        .given("serving.input_tokens", 4000, "token").given("serving.output_tokens", 200, "token").run());
        org.junit.jupiter.api.Assertions.assertTrue(ex.getMessage().contains("4000 input + 200 output tokens does not fit in the model's context of 4096"),
                ex.getMessage());
    }
}

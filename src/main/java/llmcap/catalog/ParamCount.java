package llmcap.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parameter count of a decoder-only transformer, from its shapes: every weight matrix, bias and
 * RMSNorm weight the checkpoint holds for the layouts of {@link HfConfig}. Buffers that are not
 * parameters (rotary inv_freq) are not counted; neither are multi-token-prediction layers.
 *
 * <p>For a mixture of experts, {@code total} counts every expert and {@code active} what one token
 * uses: everything that is not a routed expert (embeddings, attention, norms, routers, shared
 * experts, lm_head) plus {@code experts_per_token} routed experts per MoE layer.
 */
public final class ParamCount {

    /** One group of equal blocks: {@code times} x {@code each} parameters, of which {@code activeEach} are used per token. */
    public record Part(String what, long times, long each, long activeEach) {
        public long total() {
            return Math.multiplyExact(times, each);
        }

        public long active() {
            return Math.multiplyExact(times, activeEach);
        }
    }

    /** The count and the parts it is the sum of. */
    public record Count(long total, long active, List<Part> parts) {
        public Count {
            parts = List.copyOf(parts);
        }

        /** "embeddings 131,072,000; 32 layers x 202,383,360; ..." for an entry's notes. */
        public String describe(boolean withActive) {
            List<String> out = new ArrayList<>();
            for (Part p : parts) {
                String s = p.times() == 1 ? p.what() + " " + grouped(p.each())
                        : p.times() + " " + p.what() + " x " + grouped(p.each());
                if (withActive && p.activeEach() != p.each()) {
                    s += " (" + grouped(p.activeEach()) + " active)";
                }
                out.add(s);
            }
            return String.join("; ", out);
        }
    }

    private ParamCount() {
    }

    // --- the terms ------------------------------------------------------------------------------------

    /** Token embedding table: one row of width h per vocabulary entry. */
    public static long embeddings(long vocab, long hidden) {
        return mul(vocab, hidden);
    }

    /** Output projection to the vocabulary (lm_head, V x h); none when it shares the embedding table. */
    public static long lmHead(long vocab, long hidden, boolean tied) {
        return tied ? 0 : mul(vocab, hidden);
    }

    /**
     * Multi-head / grouped-query attention: q_proj h x (heads*hd), k_proj and v_proj h x (kv_heads*hd)
     * each, o_proj (heads*hd) x h; plus a bias of each output width where the layout has one.
     */
    public static long attention(long hidden, long heads, long kvHeads, long headDim, boolean qkvBias, boolean oBias) {
        long q = mul(heads, headDim);
        long kv = mul(kvHeads, headDim);
        long weights = sum(mul(hidden, q),        // q_proj
                mul(2, hidden, kv),               // k_proj, v_proj
                mul(q, hidden));                  // o_proj
        long biases = sum(qkvBias ? sum(q, mul(2, kv)) : 0,  // q, k, v biases (Qwen2; Llama with attention_bias)
                oBias ? hidden : 0);                          // o_proj bias (Llama with attention_bias)
        return sum(weights, biases);
    }

    /**
     * Multi-head latent attention (DeepSeek-V3): queries through a low-rank bottleneck, keys and values
     * from one compressed latent plus a shared rotary key.
     *
     * @param qLoraRank 0 when the queries are not compressed (a plain q_proj)
     */
    public static long latentAttention(long hidden, long heads, long qLoraRank, long kvLoraRank, long nopeDim,
                                       long ropeDim, long vDim, boolean bias) {
        long qkHead = sum(nopeDim, ropeDim);
        long q = qLoraRank == 0
                ? mul(hidden, heads, qkHead)                   // q_proj: h x heads*(nope+rope)
                : sum(mul(hidden, qLoraRank),                  // q_a_proj: h x q_lora_rank
                        qLoraRank,                             // q_a_layernorm (RMSNorm weight)
                        mul(qLoraRank, heads, qkHead));        // q_b_proj: q_lora_rank x heads*(nope+rope)
        long kv = sum(mul(hidden, sum(kvLoraRank, ropeDim)),   // kv_a_proj_with_mqa: h x (kv_lora_rank + rope)
                kvLoraRank,                                    // kv_a_layernorm (RMSNorm weight)
                mul(kvLoraRank, heads, sum(nopeDim, vDim)));   // kv_b_proj: kv_lora_rank x heads*(nope+v)
        long o = mul(heads, vDim, hidden);                     // o_proj: heads*v x h
        long biases = bias
                ? sum(qLoraRank,                               // q_a_proj bias (q_proj has none: rank 0)
                        kvLoraRank, ropeDim,                   // kv_a_proj_with_mqa bias
                        hidden)                                // o_proj bias
                : 0;
        return sum(q, kv, o, biases);
    }

    /** SwiGLU MLP: gate_proj and up_proj h x ffn, down_proj ffn x h; biases (ffn, ffn, h) if any. */
    public static long swiGlu(long hidden, long ffn, boolean bias) {
        return sum(mul(3, hidden, ffn), bias ? sum(mul(2, ffn), hidden) : 0);
    }

    /** MoE router: a linear h x experts, plus a per-expert score correction bias (DeepSeek-V3 noaux_tc). */
    public static long router(long hidden, long experts, boolean scoreBias) {
        return sum(mul(hidden, experts), scoreBias ? experts : 0);
    }

    /** RMSNorm weights of one layer: before attention and before the MLP, h each. */
    public static long layerNorms(long hidden) {
        return mul(2, hidden);
    }

    /** The final RMSNorm before lm_head. */
    public static long finalNorm(long hidden) {
        return hidden;
    }

    // --- whole models -------------------------------------------------------------------------------

    /**
     * The count for a config, per its layout. Every product and sum is exact: a count beyond 2^63 - 1
     * is refused naming the config's largest shape field, never wrapped around to a negative number.
     */
    public static Count of(HfConfig c) {
        try {
            return count(c);
        } catch (ArithmeticException e) {
            String field = c.largestShapeField();
            throw new CatalogException(c.display() + ": field '" + field + "' is " + c.written(field) + ": with the"
                    + " other fields that makes more parameters than 2^63 - 1, the most llmcap can count");
        }
    }

    private static Count count(HfConfig c) {
        long h = c.hiddenSize();
        long v = c.vocabSize();
        long layers = c.layers();
        List<Part> parts = new ArrayList<>();
        long emb = embeddings(v, h);
        parts.add(new Part("embeddings", 1, emb, emb));
        switch (c.layout()) {
            case LLAMA, MISTRAL, QWEN2 -> {
                long layer = sum(attention(h, c.attentionHeads(), c.kvHeads(), c.headDim(), c.qkvBias(), c.outputBias()),
                        swiGlu(h, c.intermediateSize(), c.mlpBias()), layerNorms(h));
                parts.add(new Part("layers", layers, layer, layer));
            }
            case MIXTRAL -> {
                long shared = sum(attention(h, c.attentionHeads(), c.kvHeads(), c.headDim(), false, false),
                        router(h, c.experts(), false), layerNorms(h));
                long expert = swiGlu(h, c.intermediateSize(), false);
                parts.add(new Part("layers", layers, sum(shared, mul(c.experts(), expert)),
                        sum(shared, mul(c.expertsPerToken(), expert))));
            }
            case DEEPSEEK_V3 -> deepseek(c, parts);
        }
        long head = lmHead(v, h, c.tiedEmbeddings());
        if (head > 0) {
            parts.add(new Part("lm_head", 1, head, head));
        }
        parts.add(new Part("final norm", 1, finalNorm(h), finalNorm(h)));
        long total = 0;
        long active = 0;
        for (Part p : parts) {
            total = Math.addExact(total, p.total());
            active = Math.addExact(active, p.active());
        }
        return new Count(total, active, parts);
    }

    /** DeepSeek-V3: the first k layers have a dense MLP, the others routed + shared experts. */
    private static void deepseek(HfConfig c, List<Part> parts) {
        long h = c.hiddenSize();
        long attn = latentAttention(h, c.attentionHeads(), c.qLoraRank().orElse(0), c.kvLoraRank(),
                c.qkNopeHeadDim(), c.qkRopeHeadDim(), c.vHeadDim(), c.qkvBias());
        long common = sum(attn, layerNorms(h));
        long dense = sum(common, swiGlu(h, c.intermediateSize(), false));
        long expert = swiGlu(h, c.moeIntermediateSize(), false);
        long always = sum(common,
                router(h, c.experts(), c.routerScoreBias()),    // gate weight (+ e_score_correction_bias)
                mul(c.sharedExperts(), expert));                // shared experts, used by every token
        long moe = sum(always, mul(c.experts(), expert));
        long moeActive = sum(always, mul(c.expertsPerToken(), expert));
        long moeLayers = moeLayers(c.layers(), c.firstDenseLayers(), c.moeLayerFrequency());
        long denseLayers = c.layers() - moeLayers;
        if (denseLayers > 0) {
            parts.add(new Part("dense layers", denseLayers, dense, dense));
        }
        if (moeLayers > 0) {
            parts.add(new Part("MoE layers", moeLayers, moe, moeActive));
        }
    }

    /**
     * Layers {@code i} in [0, layers) with {@code i >= firstDense} and {@code i % frequency == 0}: the
     * multiples of {@code frequency} from the first one at or past {@code firstDense}, counted, not listed.
     */
    static long moeLayers(long layers, long firstDense, long frequency) {
        long first = (firstDense + frequency - 1) / frequency * frequency;
        return first >= layers ? 0 : (layers - 1 - first) / frequency + 1;
    }

    private static long mul(long... factors) {
        long out = 1;
        for (long f : factors) {
            out = Math.multiplyExact(out, f);
        }
        return out;
    }

    private static long sum(long... terms) {
        long out = 0;
        for (long t : terms) {
            out = Math.addExact(out, t);
        }
        return out;
    }

    /** 6738415616 -> "6,738,415,616". */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

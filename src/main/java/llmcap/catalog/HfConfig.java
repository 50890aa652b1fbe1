package llmcap.catalog;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import llmcap.domain.Excerpt;
import llmcap.domain.RegularFile;
import llmcap.domain.Utf8;

/**
 * A Hugging Face {@code config.json} of a causal language model, read strictly: the layout is
 * detected from {@code architectures[0]} (or, when that names no known class, {@code model_type}),
 * and the shape fields that layout needs are required. Every problem is one {@link CatalogException}
 * line naming the file: malformed JSON with file:line:column, an unknown layout with its
 * {@code model_type}, a missing or non-integer field with its name.
 *
 * <p>Supported layouts and the fields read (absent optional fields take the Transformers default):
 * <ul>
 * <li>llama, mistral, qwen2: num_hidden_layers, hidden_size, num_attention_heads,
 *     num_key_value_heads (absent: = heads, multi-head attention), head_dim (absent or null:
 *     hidden_size / heads), intermediate_size, vocab_size, max_position_embeddings,
 *     tie_word_embeddings (absent: false); llama also attention_bias and mlp_bias (absent: false).
 *     Qwen2 always has biases on the q, k and v projections.</li>
 * <li>mixtral: as mistral, plus num_local_experts and num_experts_per_tok; intermediate_size is
 *     the width of each expert.</li>
 * <li>deepseek_v3: as llama without head_dim / num_key_value_heads, plus n_routed_experts,
 *     num_experts_per_tok, n_shared_experts, moe_intermediate_size, first_k_dense_replace,
 *     moe_layer_freq (absent: 1), q_lora_rank (null: no query compression), kv_lora_rank,
 *     qk_rope_head_dim, qk_nope_head_dim, v_head_dim, topk_method (absent: noaux_tc) and
 *     num_nextn_predict_layers (the multi-token-prediction layers, never counted).</li>
 * </ul>
 */
public final class HfConfig {

    /** The model layouts import-hf understands. */
    public enum Layout {
        LLAMA("llama", "LlamaForCausalLM"),
        MISTRAL("mistral", "MistralForCausalLM"),
        MIXTRAL("mixtral", "MixtralForCausalLM"),
        QWEN2("qwen2", "Qwen2ForCausalLM"),
        DEEPSEEK_V3("deepseek_v3", "DeepseekV3ForCausalLM");

        /** The config's {@code model_type}. */
        public final String modelType;
        /** The Transformers class in {@code architectures[0]}. */
        public final String architecture;

        Layout(String modelType, String architecture) {
            this.modelType = modelType;
            this.architecture = architecture;
        }

        /** Mixture of experts: {@code active_params} differs from {@code params}. */
        public boolean moe() {
            return this == MIXTRAL || this == DEEPSEEK_V3;
        }
    }

    /** Hugging Face configs are a few kilobytes. */
    private static final long MAX_BYTES = 1 << 20;
    private static final Pattern GSON_WHERE =
            Pattern.compile("(.*?) at line (\\d+) column (\\d+)(?: path (\\S*))?");

    private final String display;
    private final JsonObject json;
    private final HfFields fields;
    private final Layout layout;
    private final String modelType;
    private final String architecture;

    private HfConfig(String display, JsonObject json) {
        this.display = display;
        this.json = json;
        this.fields = new HfFields(display, json, this::modelType);
        this.modelType = fields.optString("model_type");
        this.architecture = firstArchitecture();
        this.layout = detect();
    }

    /** Reads {@code file}; {@code display} is how messages name it (the path as the user gave it). */
    public static HfConfig read(Path file, String display) {
        byte[] bytes;
        try {
            bytes = RegularFile.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(display + ": no such file", e);
        } catch (RegularFile.Refused e) {
            if (e.getMessage().startsWith("larger")) {
                throw new CatalogException(display + ": " + e.getMessage() + "; a config.json this large is not plausible");
            }
            throw new UncheckedIOException(display + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(display + ": cannot read (" + e.getMessage() + ")", e);
        }
        String text = Utf8.decodeOrNull(bytes);
        if (text == null) {
            throw new CatalogException(display + ": not UTF-8 text, so not a config.json");
        }
        return parse(text, display);
    }

    /** Parses the text of a config.json; {@code display} names it in messages. */
    public static HfConfig parse(String text, String display) {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            root = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new CatalogException(display + ": malformed JSON: text after the top-level object");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CatalogException c) {
                throw c;
            }
            throw malformed(display, e);
        }
        if (!root.isJsonObject()) {
            throw new CatalogException(display + ": malformed config.json: expected a JSON object at the top, got "
                    + HfFields.kind(root));
        }
        return new HfConfig(display, root.getAsJsonObject());
    }

    /** One line {@code file:line:column: malformed JSON: reason}, without Gson's class names or links. */
    private static CatalogException malformed(String display, Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        message = message.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        Matcher m = GSON_WHERE.matcher(message.strip());
        if (!m.matches()) {
            return new CatalogException(display + ": malformed JSON: " + (message.isBlank() ? "cannot parse" : message));
        }
        String reason = m.group(1);
        if (reason.startsWith("Use JsonReader.setStrictness")) {
            reason = "not strict JSON (comments, unquoted names and words, single quotes and trailing text are refused)";
        } else if (reason.startsWith("End of input")) {
            reason = "unexpected end of file";
        }
        String path = m.group(4);
        return new CatalogException(display + ":" + m.group(2) + ":" + m.group(3) + ": malformed JSON: " + reason
                + (path == null || path.equals("$") ? "" : " (at " + path + ")"));
    }

    private Layout detect() {
        for (Layout l : Layout.values()) {
            if (l.architecture.equals(architecture)) {
                return l;
            }
        }
        for (Layout l : Layout.values()) {
            if (l.modelType.equals(modelType)) {
                return l;
            }
        }
        throw new CatalogException(display + ": unsupported model layout: model_type "
                + (modelType == null ? "(absent)" : "'" + Excerpt.of(modelType) + "'")
                + (architecture == null ? "" : ", architectures[0] '" + Excerpt.of(architecture) + "'")
                + "; import-hf reads " + supportedModelTypes());
    }

    private String firstArchitecture() {
        JsonElement a = json.get("architectures");
        if (a != null && a.isJsonArray() && !a.getAsJsonArray().isEmpty()) {
            JsonElement first = a.getAsJsonArray().get(0);
            if (first.isJsonPrimitive() && first.getAsJsonPrimitive().isString()) {
                return first.getAsString();
            }
        }
        return null;
    }

    public String display() {
        return display;
    }

    public Layout layout() {
        return layout;
    }

    /** {@code model_type} as written, or the layout's when the config omits it. */
    public String modelType() {
        return modelType != null ? modelType : layout.modelType;
    }

    /** {@code architectures[0]} as written, or the layout's class when absent. */
    public String architecture() {
        return architecture != null ? architecture : layout.architecture;
    }

    // --- shape fields -------------------------------------------------------------------------------

    public long layers() {
        return fields.required("num_hidden_layers");
    }

    public long hiddenSize() {
        return fields.required("hidden_size");
    }

    public long attentionHeads() {
        return fields.required("num_attention_heads");
    }

    /** {@code num_key_value_heads}; absent (or null) means multi-head attention: one KV head per head. */
    public long kvHeads() {
        return fields.optional("num_key_value_heads").orElse(attentionHeads());
    }

    /** {@code head_dim}; absent (or null) means hidden_size / num_attention_heads, which must divide. */
    public long headDim() {
        OptionalLong d = fields.optional("head_dim");
        if (d.isPresent()) {
            return d.getAsLong();
        }
        long h = hiddenSize();
        long heads = attentionHeads();
        if (h % heads != 0) {
            throw new CatalogException(display + ": field 'head_dim' is absent and hidden_size " + h
                    + " is not a multiple of num_attention_heads " + heads + "; give head_dim");
        }
        return h / heads;
    }

    /** {@code intermediate_size}: the MLP width (per expert for mixtral, of the dense layers for deepseek_v3). */
    public long intermediateSize() {
        return fields.required("intermediate_size");
    }

    public long vocabSize() {
        return fields.required("vocab_size");
    }

    public long contextLength() {
        return fields.required("max_position_embeddings");
    }

    /** {@code tie_word_embeddings}; absent means false (the default of all supported layouts). */
    public boolean tiedEmbeddings() {
        return fields.flag("tie_word_embeddings", false);
    }

    /** Biases on the q, k and v projections: always for qwen2, {@code attention_bias} for llama and deepseek_v3. */
    public boolean qkvBias() {
        return switch (layout) {
            case QWEN2 -> true;
            case LLAMA, DEEPSEEK_V3 -> fields.flag("attention_bias", false);
            case MISTRAL, MIXTRAL -> false;
        };
    }

    /** A bias on the output projection: llama and deepseek_v3 with {@code attention_bias}; never for qwen2. */
    public boolean outputBias() {
        return (layout == Layout.LLAMA || layout == Layout.DEEPSEEK_V3) && fields.flag("attention_bias", false);
    }

    /** Biases in the MLP (gate, up, down): llama with {@code mlp_bias}. */
    public boolean mlpBias() {
        return layout == Layout.LLAMA && fields.flag("mlp_bias", false);
    }

    /** Routed experts per MoE layer ({@code num_local_experts} or {@code n_routed_experts}); 0 for dense layouts. */
    public long experts() {
        return switch (layout) {
            case MIXTRAL -> fields.required("num_local_experts");
            case DEEPSEEK_V3 -> fields.required("n_routed_experts");
            default -> 0;
        };
    }

    /** Routed experts each token uses ({@code num_experts_per_tok}); 0 for dense layouts. */
    public long expertsPerToken() {
        return layout.moe() ? fields.required("num_experts_per_tok") : 0;
    }

    /** deepseek_v3: always-used shared experts per MoE layer ({@code n_shared_experts}, absent: 0). */
    public long sharedExperts() {
        return fields.optional("n_shared_experts").orElse(0);
    }

    /** deepseek_v3: width of each routed and shared expert. */
    public long moeIntermediateSize() {
        return fields.required("moe_intermediate_size");
    }

    /** deepseek_v3: the first this many layers are dense ({@code first_k_dense_replace}, absent: 0). */
    public long firstDenseLayers() {
        return fields.optionalZero("first_k_dense_replace");
    }

    /** deepseek_v3: a layer past the dense ones is MoE when its index is a multiple of this (absent: 1). */
    public long moeLayerFrequency() {
        return fields.optional("moe_layer_freq").orElse(1);
    }

    /** deepseek_v3: the query compression rank; empty when {@code q_lora_rank} is null (plain q_proj). */
    public OptionalLong qLoraRank() {
        return fields.optional("q_lora_rank");
    }

    public long kvLoraRank() {
        return fields.required("kv_lora_rank");
    }

    public long qkRopeHeadDim() {
        return fields.required("qk_rope_head_dim");
    }

    public long qkNopeHeadDim() {
        return fields.required("qk_nope_head_dim");
    }

    public long vHeadDim() {
        return fields.required("v_head_dim");
    }

    /** deepseek_v3: the router has a per-expert score correction bias ({@code topk_method} noaux_tc, the default). */
    public boolean routerScoreBias() {
        String m = fields.optString("topk_method");
        return m == null || m.equals("noaux_tc");
    }

    /** deepseek_v3: multi-token-prediction layers shipped in the checkpoint, not part of the model ({@code num_nextn_predict_layers}). */
    public long mtpLayers() {
        return fields.optionalZero("num_nextn_predict_layers");
    }

    /**
     * The sliding attention window, when the config has one in use: {@code sliding_window} set and
     * not switched off by {@code use_sliding_window: false} (Qwen2 ships a window it does not use).
     */
    public OptionalLong slidingWindow() {
        if (!fields.flag("use_sliding_window", true)) {
            return OptionalLong.empty();
        }
        return fields.optional("sliding_window");
    }

    /** A total parameter count stated by the config ({@code num_parameters}), which few configs give. */
    public OptionalLong statedParams() {
        return fields.optionalCount("num_parameters");
    }

    // --- typed access ---------------------------------------------------------------------------------

    /** The shape field with the largest value: the one to name when the parameter count overflows. */
    public String largestShapeField() {
        return fields.largestShapeField();
    }

    /** A field's value as the config writes it, shortened for a message. */
    public String written(String key) {
        return fields.written(key);
    }

    /** Every model_type import-hf reads, for messages and --help. */
    public static String supportedModelTypes() {
        return Arrays.stream(Layout.values()).map(l -> l.modelType).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return display + " (model_type " + modelType() + ")";
    }
}

package llmcap.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Turns a Hugging Face {@code config.json} into one {@code models.yaml} entry, as YAML text in the
 * catalog's own format (a list item under {@code models:}, two-space indents, text fields in double
 * quotes), which {@link ModelLoader} reads back unchanged.
 */
public final class HfImport {

    /** Plain YAML scalars that need no quotes: a letter first, then ordinary name characters. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._()+/-]*[A-Za-z0-9._()+/-]|[A-Za-z]");
    /** Words YAML 1.1 would read as booleans or null. */
    private static final Pattern YAML_WORDS = Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null");

    private HfImport() {
    }

    /** An import: the entry's id and name, the config it came from and the path as the user gave it. */
    public record Request(HfConfig config, String id, String name, String pathAsGiven) {
    }

    /**
     * The id derived from the folder that holds the config (Hugging Face repositories are cloned
     * into a folder named after the model): lowercased, every run of other characters turned into one
     * '-', so {@code Llama-2-7b-hf} gives {@code llama-2-7b-hf}. Empty when nothing usable is left.
     */
    public static String idFromFolder(String folder) {
        String s = folder.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.]+", "-")
                .replaceAll("[.-]*-[.-]*", "-")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("^[.-]+|[.-]+$", "");
        return EntryBuilder.ID.matcher(s).matches() ? s : "";
    }

    /** The name of the folder holding {@code configFile}, or "" when there is none (a file at the root). */
    public static String folderName(Path configFile) {
        Path parent = configFile.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }

    /** Whether {@code id} is a valid catalog id (lowercase kebab-case, dots allowed: qwen2.5-7b). */
    public static boolean validId(String id) {
        return EntryBuilder.ID.matcher(id).matches();
    }

    /** The entry as YAML text, ending with a newline. */
    public static String yaml(Request r) {
        HfConfig c = r.config();
        ParamCount.Count count = ParamCount.of(c);
        OptionalLong stated = c.statedParams();
        long params = stated.orElse(count.total());
        boolean moe = c.layout().moe();

        StringBuilder out = new StringBuilder();
        out.append("  - id: ").append(r.id()).append('\n');
        out.append("    name: ").append(scalar(r.name())).append('\n');
        out.append("    params: ").append(params).append('\n');
        if (moe) {
            out.append("    active_params: ").append(count.active()).append('\n');
        }
        out.append("    source: ").append(quoted("Hugging Face config.json (" + r.pathAsGiven()
                + "), imported by llmcap catalog import-hf; "
                + (stated.isPresent() ? "params as stated in the config (num_parameters)"
                        : "params computed from the architecture"))).append('\n');
        out.append("    notes: ").append(quoted(notes(c, count, stated))).append('\n');
        out.append("    architecture:\n");
        for (Map.Entry<String, Long> e : architecture(c).entrySet()) {
            out.append("      ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return loadable(out.toString(), c);
    }

    /** The entry, once llmcap's own loader has read it back: import-hf never prints what the catalog then refuses. */
    private static String loadable(String entry, HfConfig c) {
        try {
            ModelLoader.load(Yaml.parse("models:\n" + entry, "the imported entry"));
        } catch (CatalogException e) {
            throw new CatalogException(c.display() + ": import-hf made an entry llmcap's own loader refuses, so it"
                    + " prints none (a bug in llmcap): " + e.getMessage());
        }
        return entry;
    }

    /** The architecture block, in the catalog's field order; MLA models leave out kv_heads, head_dim and ffn_size. */
    static Map<String, Long> architecture(HfConfig c) {
        Map<String, Long> a = new LinkedHashMap<>();
        a.put("layers", c.layers());
        a.put("hidden_size", c.hiddenSize());
        a.put("attention_heads", c.attentionHeads());
        if (c.layout() != HfConfig.Layout.DEEPSEEK_V3) {
            a.put("kv_heads", c.kvHeads());
            a.put("head_dim", c.headDim());
            a.put("ffn_size", c.intermediateSize());
        }
        a.put("vocab_size", c.vocabSize());
        a.put("context_length", c.contextLength());
        if (c.layout().moe()) {
            a.put("experts", c.experts());
            a.put("experts_per_token", c.expertsPerToken());
        }
        if (c.layout() == HfConfig.Layout.DEEPSEEK_V3) {
            a.put("kv_lora_rank", c.kvLoraRank());
            a.put("qk_rope_head_dim", c.qkRopeHeadDim());
        }
        return a;
    }

    private static String notes(HfConfig c, ParamCount.Count count, OptionalLong stated) {
        List<String> s = new ArrayList<>();
        s.add("Imported from config.json: model_type " + c.modelType() + " (" + c.architecture() + ").");
        String sum = count.describe(c.layout().moe());
        if (stated.isPresent()) {
            s.add("params is the config's num_parameters; the architecture gives "
                    + ParamCount.grouped(count.total()) + " (" + sum + ").");
        } else {
            s.add("params = " + sum + (c.tiedEmbeddings() ? " (lm_head tied to the embeddings)." : "."));
        }
        switch (c.layout()) {
            case QWEN2 -> s.add("Counts the biases of the q, k and v projections.");
            case LLAMA -> {
                if (c.qkvBias() || c.mlpBias()) {
                    s.add("Counts the biases the config switches on ("
                            + (c.qkvBias() ? "attention_bias" : "") + (c.qkvBias() && c.mlpBias() ? ", " : "")
                            + (c.mlpBias() ? "mlp_bias" : "") + ").");
                }
            }
            case MIXTRAL -> s.add("ffn_size is per expert; active_params counts embeddings, attention, router, norms"
                    + " and lm_head plus " + c.expertsPerToken() + " of the " + c.experts() + " experts per layer.");
            case DEEPSEEK_V3 -> {
                long dense = count.parts().stream().filter(p -> p.what().equals("dense layers"))
                        .mapToLong(ParamCount.Part::times).sum();
                s.add("Multi-head latent attention: the KV cache per token and layer holds the kv_lora_rank latent plus"
                        + " the qk_rope_head_dim rotary key, so kv_heads and head_dim are left out. ffn_size is left out:"
                        + " " + dense + " dense layers have intermediate_size " + ParamCount.grouped(c.intermediateSize())
                        + ", the other " + (c.layers() - dense) + " are MoE with " + c.experts() + " routed experts of "
                        + ParamCount.grouped(c.moeIntermediateSize()) + " and " + c.sharedExperts()
                        + " shared; experts counts routed experts only. active_params counts everything but the"
                        + " routed experts, plus " + c.expertsPerToken() + " routed experts per MoE layer.");
                if (c.mtpLayers() > 0) {
                    s.add("The " + c.mtpLayers() + " multi-token-prediction layer" + (c.mtpLayers() == 1 ? "" : "s")
                            + " (num_nextn_predict_layers) the checkpoint also holds " + (c.mtpLayers() == 1 ? "is" : "are")
                            + " not counted.");
                }
            }
            case MISTRAL -> {
            }
        }
        c.slidingWindow().ifPresent(w -> s.add("Sliding-window attention over " + ParamCount.grouped(w)
                + " tokens (sliding_window), which bounds the KV cache per sequence."));
        s.add("context_length is max_position_embeddings.");
        return String.join(" ", s);
    }

    /** A name as a plain scalar where that is safe, else double-quoted. */
    static String scalar(String text) {
        return PLAIN.matcher(text).matches() && !YAML_WORDS.matcher(text).matches() ? text : quoted(text);
    }

    /** Whether the surrogate at {@code i} is half of a well-formed pair. */
    private static boolean pair(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** A YAML double-quoted scalar that llmcap's loader reads back as {@code text}: every character outside YAML's printable set escaped. */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (ch < 0x20 || ch >= 0x7f && ch <= 0x9f) { // C0, DEL, C1 (NEL too): not printable YAML
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) ch));
                    } else if (ch == 0xfeff || ch == 0xfffe || ch == 0xffff) { // BOM and non-characters
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else if (Character.isSurrogate(ch) && !pair(text, i)) {
                        b.append("\\ufffd"); // half a character cannot be written as UTF-8
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

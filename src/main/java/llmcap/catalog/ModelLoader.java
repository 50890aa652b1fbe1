package llmcap.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code models.yaml}: parameter counts (total, and active for mixtures of experts), the
 * published checkpoint size, the architecture, and published training figures and runs.
 */
final class ModelLoader {

    static final List<String> ARCHITECTURE = List.of("layers", "hidden_size", "attention_heads", "kv_heads",
            "head_dim", "ffn_size", "vocab_size", "context_length", "experts", "experts_per_token",
            "kv_lora_rank", "qk_rope_head_dim");
    private static final Set<String> FIELDS = Set.of("id", "name", "params", "active_params", "checkpoint_mb",
            "source", "sources", "unverified", "notes", "architecture", "training", "training_run");
    private static final Set<String> TRAINING = Set.of("compute_pf_days", "compute_flops", "tokens", "sequence_tokens", "source");
    private static final Set<String> RUN = Set.of("gpu", "gpus", "achieved_tflops_per_gpu", "gpu_hours", "days",
            "tokens", "source");

    private ModelLoader() {
    }

    static List<Entry> load(YNode root) {
        return EntryBuilder.items(root, "models").stream().map(ModelLoader::entry).toList();
    }

    static Entry entry(YNode node) {
        String id = EntryBuilder.id(new Fields(node, "model entry"));
        String ctx = "model '" + id + "'";
        Fields f = new Fields(node, ctx).allowOnly(FIELDS);
        EntryBuilder b = new EntryBuilder("model", f, id, knownPaths());
        b.required(f, "params", "params", 1, "param");
        b.optional(f, "active_params", "active_params", 1, "param");
        b.optional(f, "checkpoint_mb", "checkpoint_bytes", 1e6, "B");
        f.optMap("architecture", ctx + ": architecture").ifPresent(a -> {
            a.allowOnly(Set.copyOf(ARCHITECTURE));
            for (String k : ARCHITECTURE) {
                b.optional(a, "architecture." + k, k, 1, "1");
            }
        });
        f.optMap("training", ctx + ": training").ifPresent(t -> {
            t.allowOnly(TRAINING);
            t.text("source");
            if (t.has("compute_pf_days") && t.has("compute_flops")) {
                throw t.error("compute_flops", "give one of compute_pf_days and compute_flops, not both");
            }
            b.optional(t, "training.compute_pf_days", "training_pf_days", 1, "PF-day");
            b.optional(t, "training.compute_flops", "training_flops", 1, "FLOP");
            b.optional(t, "training.tokens", "training_tokens", 1, "token");
            b.optional(t, "training.sequence_tokens", "training_sequence_tokens", 1, "token");
        });
        f.optMap("training_run", ctx + ": training_run").ifPresent(r -> {
            r.allowOnly(RUN);
            r.text("source");
            b.info("training_run.gpu", r.text("gpu"));
            b.optional(r, "training_run.gpus", "run_gpus", 1, "GPU");
            b.optional(r, "training_run.achieved_tflops_per_gpu", "run_achieved_flops_per_gpu", 1e12, "FLOP/s");
            b.optional(r, "training_run.gpu_hours", "run_gpu_hours", 1, "GPU-h");
            b.optional(r, "training_run.days", "run_days", 1, "day");
            b.optional(r, "training_run.tokens", "run_tokens", 1, "token");
        });
        return b.build(f.text("name"));
    }

    /** Every figure path of an entry, as {@code sources} and {@code unverified} name them. */
    static Set<String> knownPaths() {
        Set<String> s = new HashSet<>(Set.of("params", "active_params", "checkpoint_mb"));
        ARCHITECTURE.forEach(k -> s.add("architecture." + k));
        TRAINING.forEach(k -> s.add("training." + k));
        RUN.forEach(k -> s.add("training_run." + k));
        return s;
    }
}

package llmcap.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code families.yaml}: what a GPU family achieves of its datasheet peaks, fitted once on
 * published measurements and cited, so that every GPU of the family ({@code family:} in
 * {@code gpus.yaml}) shares one figure per precision instead of one per case. The engine sees them
 * as {@code family.serving_compute_efficiency_fp8}, {@code family.serving_bandwidth_efficiency}, ...
 */
final class FamilyLoader {

    static final List<String> PRECISIONS = GpuLoader.PRECISIONS;
    private static final Set<String> FIELDS = Set.of("id", "name", "source", "sources", "unverified", "notes",
            "serving", "training");
    private static final Set<String> SERVING = Set.of("compute_efficiency", "bandwidth_efficiency");
    private static final Set<String> TRAINING = Set.of("compute_efficiency");

    private FamilyLoader() {
    }

    static Entry entry(YNode node) {
        String id = EntryBuilder.id(new Fields(node, "family entry"));
        String ctx = "family '" + id + "'";
        Fields f = new Fields(node, ctx).allowOnly(FIELDS);
        EntryBuilder b = new EntryBuilder("family", f, id, knownPaths());
        f.optMap("serving", ctx + ": serving").ifPresent(s -> {
            s.allowOnly(SERVING);
            perPrecision(b, s, "serving", ctx);
            fraction(s, "bandwidth_efficiency");
            b.optional(s, "serving.bandwidth_efficiency", "serving_bandwidth_efficiency", 1, "1");
        });
        f.optMap("training", ctx + ": training").ifPresent(t -> {
            t.allowOnly(TRAINING);
            perPrecision(b, t, "training", ctx);
        });
        return b.build(f.text("name"));
    }

    /** {@code compute_efficiency: {fp8: 0.5, bf16: 0.6}}: one figure per precision. */
    private static void perPrecision(EntryBuilder b, Fields block, String blockName, String ctx) {
        block.optMap("compute_efficiency", ctx + ": " + blockName + ".compute_efficiency").ifPresent(c -> {
            c.allowOnly(Set.copyOf(PRECISIONS));
            for (String p : PRECISIONS) {
                fraction(c, p);
                b.optional(c, blockName + ".compute_efficiency." + p, blockName + "_compute_efficiency_" + p, 1, "1");
            }
        });
    }

    /** An achieved share of a peak is more than 0 and at most 1. */
    private static void fraction(Fields f, String key) {
        if (f.has(key) && f.number(key) > 1) {
            throw f.error(key, f.number(key) + " is more than 1: an efficiency is a fraction of the peak");
        }
    }

    /** Every figure path of an entry, as {@code sources} and {@code unverified} name them. */
    static Set<String> knownPaths() {
        Set<String> s = new HashSet<>(Set.of("serving.bandwidth_efficiency"));
        for (String p : PRECISIONS) {
            s.add("serving.compute_efficiency." + p);
            s.add("training.compute_efficiency." + p);
        }
        return s;
    }
}

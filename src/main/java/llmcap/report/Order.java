package llmcap.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;

/**
 * Reading order for reports: by topic (model, GPU, checkpoint, inference, serving, training, fleet,
 * cost), and within a topic from the quantities computed first to those computed from them.
 */
final class Order {

    private static final List<String> TOPICS = List.of("model", "reference", "gpu", "checkpoint", "inference", "kv",
            "serving", "training", "crosscheck", "fleet", "energy", "cost");

    private Order() {
    }

    static List<Derivation> sort(Estimate estimate, List<Derivation> items) {
        Map<String, Integer> depth = new HashMap<>();
        Map<Derivation, Integer> topic = new java.util.IdentityHashMap<>(); // worked out once per item, not per comparison
        for (Derivation d : items) {
            topic.put(d, topic(d.name()));
        }
        List<Derivation> out = new ArrayList<>(items);
        out.sort(Comparator.comparingInt((Derivation d) -> topic.get(d))
                .thenComparingInt(d -> depth(estimate, d.name(), depth))
                .thenComparing(Derivation::name));
        return out;
    }

    private static int topic(String name) {
        int i = TOPICS.indexOf(name.substring(0, name.indexOf('.')));
        return i < 0 ? TOPICS.size() : i;
    }

    private static int depth(Estimate e, String name, Map<String, Integer> memo) {
        Integer known = memo.get(name);
        if (known != null) {
            return known;
        }
        memo.put(name, 0); // guards against a cycle, which the engine cannot produce anyway
        int d = 0;
        for (String in : e.get(name).map(Derivation::inputs).orElse(List.of())) {
            d = Math.max(d, depth(e, in, memo) + 1);
        }
        memo.put(name, d);
        return d;
    }
}

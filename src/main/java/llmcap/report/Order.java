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
        List<Keyed> keyed = new ArrayList<>(items.size()); // each key worked out once per item, not per comparison
        for (Derivation d : items) {
            keyed.add(new Keyed(topic(d.name()), depth(estimate, d.name(), depth), d));
        }
        keyed.sort(BY_KEY);
        List<Derivation> out = new ArrayList<>(keyed.size());
        keyed.forEach(k -> out.add(k.item()));
        return out;
    }

    /** An item with its place: topic, then depth, then name. */
    private record Keyed(int topic, int depth, Derivation item) {
    }

    private static final Comparator<Keyed> BY_KEY = Comparator.comparingInt(Keyed::topic).thenComparingInt(Keyed::depth)
            .thenComparing(k -> k.item().name());

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

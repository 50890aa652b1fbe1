package llmcap.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import llmcap.domain.Excerpt;
import llmcap.domain.Quantity;
import llmcap.domain.Unit;

/** Reads one scenario file. */
public final class ScenarioLoader {

    private static final Set<String> FIELDS = Set.of("id", "title", "source", "model", "gpu", "reference_model",
            "crosscheck_model", "kind", "assumptions", "judgements", "published");
    private static final Set<String> VALUE = Set.of("value", "unit", "source", "low", "mode", "high", "distribution");
    private static final Set<String> FIGURE = Set.of("figure", "quantity", "value", "label", "note");

    private ScenarioLoader() {
    }

    public static Scenario load(YNode root) {
        Fields f = new Fields(root, "scenario").allowOnly(FIELDS);
        String id = EntryBuilder.id(f);
        String ctx = "scenario '" + id + "'";
        f = new Fields(root, ctx);
        return new Scenario(id, f.text("title"), f.file(), f.text("source"), f.text("model"), f.text("gpu"),
                f.optText("reference_model"), f.optText("crosscheck_model"),
                values(f, "assumptions", ctx), values(f, "judgements", ctx), published(f, ctx), lines(f), kind(f));
    }

    /** {@code kind: serving | training | both}, default both. */
    private static Scenario.Kind kind(Fields f) {
        return f.optText("kind").map(k -> Scenario.Kind.of(k).orElseThrow(() -> f.error("kind", "'" + Excerpt.of(k)
                + "' is not a kind of scenario; use serving, training or both"))).orElse(Scenario.Kind.BOTH);
    }

    private static java.util.Map<String, Integer> lines(Fields f) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (String k : f.keys()) {
            out.put(k, f.line(k));
        }
        return out;
    }

    private static List<Scenario.Value> values(Fields f, String key, String ctx) {
        List<Scenario.Value> out = new ArrayList<>();
        if (!f.has(key)) {
            return out;
        }
        Fields block = f.map(key, ctx + ": " + key);
        for (String name : block.keys()) {
            if (!Quantity.isValidName(name)) {
                throw block.error(name, "is not a dotted quantity name such as serving.daily_users");
            }
            YNode node = block.node(name);
            if (node instanceof YNode.Mapping) {
                Fields v = block.map(name, ctx + ": " + key + "." + name).allowOnly(VALUE);
                String unit = v.optText("unit").orElse(null);
                if (unit != null && !Unit.isKnown(unit)) {
                    throw v.error("unit", "unknown unit '" + Excerpt.of(unit) + "' (known: " + Unit.symbols() + ")");
                }
                java.util.Optional<Distribution> dist = distribution(v);
                String text = dist.map(d -> Numbers.format(d.central())).orElseGet(() -> v.text("value"));
                out.add(new Scenario.Value(name, text, unit, v.optText("source").orElse(null), f.file(),
                        v.line(dist.isPresent() ? "low" : "value"), dist));
            } else {
                out.add(new Scenario.Value(name, block.text(name), null, null, f.file(), node.line()));
            }
        }
        return out;
    }

    /** A range instead of a value: {@code low}/{@code high}, with {@code mode} for a triangular one. */
    private static java.util.Optional<Distribution> distribution(Fields v) {
        boolean range = v.has("low") || v.has("high") || v.has("mode") || v.has("distribution");
        if (!range) {
            return java.util.Optional.empty();
        }
        if (v.has("value")) {
            throw v.error("value", "give either a value or a range (low, high), not both");
        }
        String kindText = v.optText("distribution").orElse(v.has("mode") ? "triangular" : "uniform");
        Distribution.Kind kind;
        try {
            kind = Distribution.Kind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            throw v.error("distribution", "'" + Excerpt.of(kindText)
                    + "' is not one of uniform, triangular, lognormal");
        }
        double low = v.number("low");
        double high = v.number("high");
        if (low > high) {
            throw v.error("low", "the range's low end " + Numbers.format(low) + " is above its high end "
                    + Numbers.format(high));
        }
        double mode = Double.NaN;
        if (kind == Distribution.Kind.triangular) {
            mode = v.number("mode");
            if (mode < low || mode > high) {
                throw v.error("mode", Numbers.format(mode) + " is outside the range " + Numbers.format(low) + ".."
                        + Numbers.format(high));
            }
        } else if (v.has("mode")) {
            throw v.error("mode", "only a triangular distribution has a mode");
        }
        if (kind == Distribution.Kind.lognormal && !(low > 0)) {
            throw v.error("low", "a lognormal range needs low > 0");
        }
        if (low < 0) { // every value the range can take must be one a plain value could be
            throw v.error("low", "the range's low end " + ((YNode.Scalar) v.node("low")).text().strip()
                    + " is negative; every input of llmcap is zero or more");
        }
        return java.util.Optional.of(new Distribution(kind, low, mode, high));
    }

    private static List<Scenario.PublishedFigure> published(Fields f, String ctx) {
        List<Scenario.PublishedFigure> out = new ArrayList<>();
        if (!f.has("published")) {
            return out;
        }
        for (YNode node : f.list("published")) {
            Fields p = new Fields(node, ctx + ": published figure").allowOnly(FIGURE);
            String q = p.text("quantity");
            if (!Quantity.isValidName(q)) {
                throw p.error("quantity", "'" + Excerpt.of(q) + "' is not a dotted quantity name");
            }
            out.add(new Scenario.PublishedFigure(p.text("figure"), q, p.positive("value"), p.text("label"),
                    p.optText("note").orElse(""), node.line()));
        }
        return out;
    }
}

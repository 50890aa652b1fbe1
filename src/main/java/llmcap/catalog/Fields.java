package llmcap.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import llmcap.domain.Excerpt;
import llmcap.domain.Suggest;

/**
 * Typed, validating access to the fields of one YAML mapping. Every error is one line:
 * {@code file:line: context: field 'name': problem}.
 */
public final class Fields {

    private final YNode.Mapping map;
    private final String context;

    public Fields(YNode node, String context) {
        if (!(node instanceof YNode.Mapping m)) {
            throw new CatalogException(node.where() + ": " + context + ": expected a mapping of fields, got "
                    + node.kind());
        }
        this.map = m;
        this.context = context;
    }

    public String context() {
        return context;
    }

    public int line() {
        return map.line();
    }

    public String file() {
        return map.file();
    }

    public Set<String> keys() {
        return map.fields().keySet();
    }

    public boolean has(String key) {
        YNode n = map.fields().get(key);
        return n != null && !(n instanceof YNode.Scalar s && s.isNull());
    }

    /** Line of the field's value, or of the mapping when the field is absent. */
    public int line(String key) {
        YNode n = map.fields().get(key);
        return n == null ? map.line() : n.line();
    }

    /** Refuses any key not in {@code allowed}, suggesting the closest known key. */
    public Fields allowOnly(Set<String> allowed) {
        for (Map.Entry<String, YNode> e : map.fields().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                int line = map.keyLines().getOrDefault(e.getKey(), e.getValue().line());
                throw new CatalogException(e.getValue().file() + ":" + line + ": " + context
                        + ": unknown field '" + Excerpt.of(e.getKey()) + "'" + Suggest.hint(e.getKey(), allowed));
            }
        }
        return this;
    }

    public String text(String key) {
        return optText(key).orElseThrow(() -> missing(key));
    }

    public Optional<String> optText(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        YNode n = map.fields().get(key);
        if (!(n instanceof YNode.Scalar s)) {
            throw error(key, "expected text, got " + n.kind());
        }
        if (s.text().isBlank()) {
            throw error(key, "must not be empty");
        }
        return Optional.of(s.text().strip());
    }

    public double number(String key) {
        OptionalDouble v = optNumber(key);
        if (v.isEmpty()) {
            throw missing(key);
        }
        return v.getAsDouble();
    }

    public OptionalDouble optNumber(String key) {
        if (!has(key)) {
            return OptionalDouble.empty();
        }
        YNode n = map.fields().get(key);
        if (!(n instanceof YNode.Scalar s)) {
            throw error(key, "expected a number, got " + n.kind());
        }
        try {
            return OptionalDouble.of(Numbers.parse(s.text()));
        } catch (NumberFormatException e) {
            throw error(key, e.getMessage() + hintForUnits(s.text()));
        }
    }

    /** A number that must be greater than zero. */
    public double positive(String key) {
        double v = number(key);
        return requirePositive(key, v);
    }

    public OptionalDouble optPositive(String key) {
        OptionalDouble v = optNumber(key);
        v.ifPresent(d -> requirePositive(key, d));
        return v;
    }

    public Fields map(String key, String subContext) {
        if (!has(key)) {
            throw missing(key);
        }
        return new Fields(map.fields().get(key), subContext);
    }

    public Optional<Fields> optMap(String key, String subContext) {
        return has(key) ? Optional.of(map(key, subContext)) : Optional.empty();
    }

    public List<YNode> list(String key) {
        if (!has(key)) {
            throw missing(key);
        }
        YNode n = map.fields().get(key);
        if (!(n instanceof YNode.Sequence s)) {
            throw error(key, "expected a list, got " + n.kind());
        }
        return s.items();
    }

    /** A list of plain text items (e.g. {@code unverified: [tdp_w]}), empty when absent. */
    public List<String> textList(String key) {
        if (!has(key)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YNode item : list(key)) {
            if (!(item instanceof YNode.Scalar s) || s.isNull()) {
                throw error(key, "expected a list of text, got an item " + item.kind());
            }
            out.add(s.text().strip());
        }
        return out;
    }

    /** Every key/value pair of a mapping whose values are plain text (e.g. {@code sources}). */
    public Map<String, String> textMap(String key) {
        if (!has(key)) {
            return Map.of();
        }
        Fields sub = map(key, context + ": " + key);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String k : new LinkedHashSet<>(sub.keys())) {
            out.put(k, sub.text(k));
        }
        return out;
    }

    public YNode node(String key) {
        return map.fields().get(key);
    }

    /** An error about {@code key}, at the field's own file and line (an overlay's, for a field an overlay gave). */
    public CatalogException error(String key, String problem) {
        YNode n = map.fields().get(key);
        String where = n == null ? map.where() : n.where();
        return new CatalogException(where + ": " + context + ": field '" + key + "': " + problem);
    }

    /** A required field that is absent, or present with no value (at the place it is written empty). */
    private CatalogException missing(String key) {
        YNode empty = map.fields().get(key);
        return new CatalogException((empty == null ? map.where() : empty.where()) + ": " + context
                + ": missing required field '" + key + "'");
    }

    private double requirePositive(String key, double v) {
        if (!(v > 0)) {
            throw error(key, "must be greater than zero, got " + Numbers.format(v));
        }
        return v;
    }

    private static String hintForUnits(String text) {
        return text.strip().matches("[0-9.]+\\s*[A-Za-z/]+") ? " (write the bare number; the unit is in the field name)" : "";
    }
}

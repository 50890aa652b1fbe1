package llmcap.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import llmcap.domain.Excerpt;

/**
 * Collects the figures of one catalog entry, attaching to each the citation that covers it: the
 * entry's {@code source}, or the field's own line in {@code sources}, and whether it is listed as
 * {@code unverified}.
 */
final class EntryBuilder {

    static final Pattern ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    private final String kind;
    private final Fields fields;
    private final String id;
    private final String source;
    private final Map<String, String> sources;
    private final List<String> unverified;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, String> info = new LinkedHashMap<>();

    EntryBuilder(String kind, Fields fields, String id, Set<String> knownFields) {
        this.kind = kind;
        this.fields = fields;
        this.id = id;
        this.source = fields.text("source");
        this.sources = fields.textMap("sources");
        this.unverified = fields.textList("unverified");
        knownFields = withBlocks(knownFields);
        for (String f : sources.keySet()) {
            requireKnown("sources", f, knownFields);
        }
        for (String f : unverified) {
            requireKnown("unverified", f, knownFields);
        }
        fields.optText("notes").ifPresent(n -> info.put("notes", n));
    }

    /** The entries of a file whose only key, {@code key}, holds the list of them. */
    static List<YNode> items(YNode root, String key) {
        return new Fields(root, key + " file").allowOnly(Set.of(key)).list(key);
    }

    static String id(Fields f) {
        String id = f.text("id");
        if (!ID.matcher(id).matches()) {
            throw f.error("id", "'" + Excerpt.of(id) + "' is not a lowercase kebab-case id such as a100-80gb-sxm");
        }
        return id;
    }

    /**
     * Adds {@code from.field} (scaled to base units) as figure {@code key} if present. {@code path} is
     * the field's place in the entry as {@code sources} and {@code unverified} name it: {@code tdp_w},
     * {@code dense_tflops.bf16}, {@code training.tokens}.
     */
    EntryBuilder optional(Fields from, String path, String key, double scale, String unit) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        OptionalDouble v = from.optPositive(field);
        if (v.isPresent()) {
            put(key, v.getAsDouble() * scale, unit, path, from == fields ? null : from.optText("source").orElse(null),
                    from.node(field));
        }
        return this;
    }

    EntryBuilder required(Fields from, String path, String key, double scale, String unit) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        from.number(field);
        return optional(from, path, key, scale, unit);
    }

    private void put(String key, double value, String unit, String path, String blockSource, YNode node) {
        String block = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        String cite = sources.getOrDefault(path, sources.getOrDefault(block, blockSource != null ? blockSource : source));
        boolean verified = !unverified.contains(path) && !unverified.contains(block);
        figures.put(key, new Figure(key, value, unit, path, cite, verified, node.file(), node.line()));
    }

    EntryBuilder info(String key, String value) {
        info.put(key, value);
        return this;
    }

    Entry build(String name) {
        info.put("source", source);
        return new Entry(kind, id, name, fields.file(), fields.line(), figures, info);
    }

    /** A citation or an unverified mark may name a whole block ({@code dense_tflops}) or one field in it. */
    private static Set<String> withBlocks(Set<String> paths) {
        Set<String> out = new java.util.TreeSet<>(paths);
        for (String p : paths) {
            if (p.contains(".")) {
                out.add(p.substring(0, p.indexOf('.')));
            }
        }
        return out;
    }

    private void requireKnown(String list, String field, Set<String> knownFields) {
        if (!knownFields.contains(field)) {
            throw fields.error(list, "names '" + Excerpt.of(field) + "', which is not a figure of this entry"
                    + llmcap.domain.Suggest.hint(field, knownFields));
        }
    }
}

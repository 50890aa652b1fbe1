package llmcap.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An entry of an overlay catalog laid over the entry with the same id below it, field by field, before
 * the entry is read: what the overlay writes wins, the rest stays. Each value keeps its own file and
 * line, so an error and a figure's provenance name the overlay for what the overlay gave; a mapping the
 * overlay gives (the entry, a block) takes the overlay's place, so an error about it as a whole (a field
 * missing, two that conflict) names the overlay, whose edit caused it.
 *
 * <ul>
 * <li>A field is replaced; a block of separate figures ({@code dense_tflops}, {@code architecture},
 *     a family's {@code serving}) is merged key by key; a block that cites its own {@code source}
 *     ({@code rental}, {@code purchase}, a model's {@code training}) describes one offer or run and is
 *     replaced whole, so a new price never stands beside the old offer's date.</li>
 * <li>Giving one of {@code memory_gb}, {@code memory_gib}, {@code memory_mib} replaces all three: they
 *     state one memory.</li>
 * <li>Every figure the overlay changes needs a citation of its own: its block's {@code source}, an
 *     entry in the overlay's {@code sources}, or the overlay entry's {@code source}; the entry below's
 *     citations and {@code unverified} marks of what was replaced are dropped.</li>
 * </ul>
 */
final class Overlay {

    private static final List<Set<String>> ALTERNATIVES = List.of(Set.of("memory_gb", "memory_gib", "memory_mib"));
    private static final Set<String> CITATIONS = Set.of("id", "source", "sources", "unverified");

    private Overlay() {
    }

    /**
     * {@code top} laid over {@code below}. {@code what} names the entry in errors ({@code gpu 'h100-sxm'});
     * {@code figurePaths} are the entry kind's figures, as {@code sources} names them.
     */
    static YNode.Mapping merge(YNode.Mapping below, YNode.Mapping top, String what, Set<String> figurePaths) {
        Map<String, YNode> fields = new LinkedHashMap<>(below.fields());
        Map<String, Integer> keyLines = new HashMap<>(below.keyLines());
        Set<String> given = new TreeSet<>(); // paths the overlay gives: fields, keys of merged blocks, whole blocks
        Set<String> gone = new TreeSet<>(); // paths of the entry below that no longer hold
        for (Map.Entry<String, YNode> e : top.fields().entrySet()) {
            String k = e.getKey();
            if (CITATIONS.contains(k)) {
                continue;
            }
            for (Set<String> alternatives : ALTERNATIVES) {
                if (alternatives.contains(k)) { // the entry below's, not what the overlay gives beside k
                    alternatives.stream().filter(a -> !top.fields().containsKey(a) && fields.remove(a) != null)
                            .forEach(gone::add);
                }
            }
            fields.put(k, layer(fields.get(k), e.getValue(), k, given));
            keyLines.put(k, top.keyLines().getOrDefault(k, e.getValue().line()));
        }
        gone.addAll(given);
        Map<String, YNode> cited = citations(below, top, what, given, figurePaths);
        put(fields, "sources", sources(below, top, gone, cited));
        put(fields, "unverified", unverified(below, top, given, gone, figurePaths));
        return new YNode.Mapping(top.file(), top.line(), fields, keyLines);
    }

    private static void put(Map<String, YNode> fields, String key, YNode value) {
        if (value == null) {
            fields.remove(key);
        } else {
            fields.put(key, value);
        }
    }

    /** The overlay's value laid over the value below at {@code path}; records the paths it gives. */
    private static YNode layer(YNode below, YNode top, String path, Set<String> given) {
        if (below instanceof YNode.Mapping b && top instanceof YNode.Mapping t && !b.fields().containsKey("source")
                && !t.fields().containsKey("source")) {
            Map<String, YNode> fields = new LinkedHashMap<>(b.fields());
            Map<String, Integer> keyLines = new HashMap<>(b.keyLines());
            for (Map.Entry<String, YNode> e : t.fields().entrySet()) {
                fields.put(e.getKey(), layer(fields.get(e.getKey()), e.getValue(), path + "." + e.getKey(), given));
                keyLines.put(e.getKey(), t.keyLines().getOrDefault(e.getKey(), e.getValue().line()));
            }
            return new YNode.Mapping(t.file(), t.line(), fields, keyLines);
        }
        given.add(path);
        return top;
    }

    /**
     * The citation of each figure the overlay gives that nothing more specific cites: the overlay entry's
     * {@code source}. A figure with no citation at all is an error at the overlay's line.
     */
    private static Map<String, YNode> citations(YNode.Mapping below, YNode.Mapping top, String what, Set<String> given,
                                                Set<String> figurePaths) {
        Map<String, YNode> own = fieldsOf(top.fields().get("sources"));
        YNode entrySource = top.fields().get("source");
        Map<String, YNode> out = new LinkedHashMap<>();
        for (String path : given) {
            String block = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (citesItself(top, block) || citesItself(below, block)) {
                continue; // a block that cites itself (rental, training): the loader asks for its source
            }
            for (String figure : figurePaths.stream().filter(f -> under(f, Set.of(path))).toList()) {
                if (own.containsKey(figure) || own.containsKey(block)) {
                    continue;
                }
                if (entrySource == null) {
                    throw new CatalogException(at(top, path).where() + ": " + what + ": field '" + path + "' overrides"
                            + " the catalog below (" + below.file() + "): cite its source, with source: in this entry or"
                            + " sources: {" + figure + ": ...}");
                }
                out.put(figure, entrySource);
            }
        }
        return out;
    }

    /**
     * The entry below's citations of what still holds, then {@code cited}, then the overlay's own; the overlay's
     * own value as it is when it is not a mapping (the loader refuses it at its line).
     */
    private static YNode sources(YNode.Mapping below, YNode.Mapping top, Set<String> gone, Map<String, YNode> cited) {
        YNode own = top.fields().get("sources");
        if (own != null && !(own instanceof YNode.Mapping)) {
            return own;
        }
        Map<String, YNode> out = new LinkedHashMap<>(fieldsOf(below.fields().get("sources")));
        out.keySet().removeIf(k -> under(k, gone));
        out.putAll(cited);
        out.putAll(fieldsOf(own));
        YNode at = own != null ? own : below.fields().getOrDefault("sources", top);
        return out.isEmpty() ? null : new YNode.Mapping(at.file(), at.line(), out);
    }

    private static Map<String, YNode> fieldsOf(YNode node) {
        return node instanceof YNode.Mapping m ? m.fields() : Map.of();
    }

    private static boolean citesItself(YNode.Mapping entry, String block) {
        return entry.fields().get(block) instanceof YNode.Mapping b && b.fields().containsKey("source");
    }

    /**
     * The entry below's {@code unverified} marks of what still holds (a block's mark split into its figures when
     * the overlay gives some of them), then the overlay's own; the overlay's own value as it is when it is not a
     * list (the loader refuses it at its line).
     */
    private static YNode unverified(YNode.Mapping below, YNode.Mapping top, Set<String> given, Set<String> gone,
                                    Set<String> figurePaths) {
        YNode own = top.fields().get("unverified");
        if (own != null && !(own instanceof YNode.Sequence)) {
            return own;
        }
        List<YNode> out = new ArrayList<>();
        for (YNode item : items(below.fields().get("unverified"))) {
            String marked = item instanceof YNode.Scalar s ? s.text().strip() : "";
            if (under(marked, gone)) {
                continue;
            }
            boolean blockPartlyGiven = !marked.contains(".") && given.stream().anyMatch(g -> g.startsWith(marked + "."));
            if (!blockPartlyGiven) {
                out.add(item);
                continue;
            }
            figurePaths.stream().filter(f -> f.startsWith(marked + ".") && !under(f, gone))
                    .forEach(f -> out.add(new YNode.Scalar(item.file(), item.line(), f, false)));
        }
        out.addAll(items(own));
        YNode at = own != null ? own : below.fields().getOrDefault("unverified", top);
        return out.isEmpty() ? null : new YNode.Sequence(at.file(), at.line(), out);
    }

    private static List<YNode> items(YNode node) {
        return node instanceof YNode.Sequence s ? s.items() : node == null ? List.of() : List.of(node);
    }

    /** True when {@code path} is one of {@code paths} or lies inside one of them. */
    private static boolean under(String path, Set<String> paths) {
        return paths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."));
    }

    /** The overlay's node at a dotted path, or the nearest mapping above it. */
    private static YNode at(YNode.Mapping top, String path) {
        YNode node = top;
        for (String part : path.split("\\.")) {
            if (!(node instanceof YNode.Mapping m) || !m.fields().containsKey(part)) {
                return node;
            }
            node = m.fields().get(part);
        }
        return node;
    }
}

package llmcap.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import llmcap.domain.Excerpt;
import llmcap.domain.RegularFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML file into a small tree of {@link YNode}s that remember their file and line, so every
 * error can name both. Only SnakeYAML's composer runs: no Java object is ever constructed from a
 * tag, and any tag beyond the standard scalar, list and map tags is refused.
 */
public final class Yaml {

    private static final Set<Tag> ALLOWED_TAGS = Set.of(Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT, Tag.FLOAT,
            Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private Yaml() {
    }

    /** Parses {@code file}; {@code display} is the name errors use (e.g. {@code catalog/gpus.yaml}). */
    public static YNode read(Path file, String display) {
        String text;
        try {
            byte[] bytes = RegularFile.read(file, MAX_BYTES);
            text = llmcap.domain.Utf8.decodeOrNull(bytes);
            if (text == null) {
                throw new CatalogException(display + ":" + llmcap.domain.Utf8.firstBadLine(bytes)
                        + ": not valid UTF-8 text (save the file as UTF-8)");
            }
        } catch (RegularFile.Refused e) {
            throw new CatalogException(display + ": " + e.getMessage() + (e.getMessage().startsWith("larger")
                    ? "; a catalog file this large is not plausible" : ""));
        } catch (IOException e) {
            throw new CatalogException(display + ": cannot read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        return parse(text, display);
    }

    /** Parses YAML text; {@code display} names it in errors. */
    public static YNode parse(String text, String display) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(30);
        options.setCodePointLimit(MAX_BYTES);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
        Node root;
        try (Reader reader = new java.io.StringReader(text)) {
            root = yaml.compose(reader);
        } catch (org.yaml.snakeyaml.reader.ReaderException e) {
            int[] lc = lineColumn(text, e.getPosition());
            throw new CatalogException(display + ":" + lc[0] + ":" + lc[1] + ": character U+"
                    + String.format("%04X", e.getCodePoint()) + " is not allowed in YAML (a control character?)");
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? display : display + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new CatalogException(where + ": YAML syntax error: " + oneLine(problem));
        } catch (YAMLException | IOException e) {
            throw new CatalogException(display + ": YAML error: " + oneLine(e.getMessage()));
        }
        if (root == null) {
            throw new CatalogException(display + ": file is empty");
        }
        return convert(root, display, new Budget(), java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static int[] lineColumn(String text, int position) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /**
     * Counts the nodes that aliases repeat: a node reached a second time is an alias's copy. The file's
     * own nodes are bounded by its size; only copies can multiply (the "billion laughs").
     */
    private static final class Budget {
        static final int MAX_REPEATED = 200_000;
        final java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int repeated;
    }

    /** {@code path}: the nodes from the root to here, so an alias to one of its own ancestors is caught. */
    private static YNode convert(Node node, String display, Budget budget, java.util.Set<Node> path) {
        if (!budget.seen.add(node) && ++budget.repeated > Budget.MAX_REPEATED) {
            throw new CatalogException(display + ": YAML aliases repeat more than " + Budget.MAX_REPEATED
                    + " nodes (an alias bomb?)");
        }
        int line = node.getStartMark().getLine() + 1;
        if (!path.add(node)) {
            throw new CatalogException(display + ":" + line + ": a YAML alias refers to a node that contains it");
        }
        try {
            return convertNode(node, display, budget, path, line);
        } finally {
            path.remove(node);
        }
    }

    private static YNode convertNode(Node node, String display, Budget budget, java.util.Set<Node> path, int line) {
        if (!ALLOWED_TAGS.contains(node.getTag())) {
            throw new CatalogException(display + ":" + line + ": YAML tag " + node.getTag()
                    + " is not allowed: catalog files are data and never construct objects");
        }
        if (node instanceof ScalarNode s) {
            boolean isNull = s.getTag().equals(Tag.NULL);
            return new YNode.Scalar(display, line, s.getValue(), isNull);
        }
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item, display, budget, path));
            }
            return new YNode.Sequence(display, line, items);
        }
        MappingNode map = (MappingNode) node;
        Map<String, YNode> fields = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new CatalogException(display + ":" + (t.getKeyNode().getStartMark().getLine() + 1)
                        + ": a mapping key must be plain text");
            }
            int keyLine = key.getStartMark().getLine() + 1;
            if (fields.containsKey(key.getValue())) {
                throw new CatalogException(display + ":" + keyLine + ": duplicate key '"
                        + Excerpt.of(key.getValue()) + "'");
            }
            fields.put(key.getValue(), convert(t.getValueNode(), display, budget, path));
            keyLines.put(key.getValue(), keyLine);
        }
        return new YNode.Mapping(display, line, fields, keyLines);
    }

    private static String oneLine(String s) {
        return s == null ? "unknown problem" : s.replaceAll("\\s+", " ").strip();
    }
}

package llmcap.catalog;

import java.util.List;
import java.util.Map;
import llmcap.domain.Excerpt;

/** A YAML node that remembers its file and line. */
public sealed interface YNode {

    String file();

    int line();

    /** {@code file:line}, the prefix of every error about this node. */
    default String where() {
        return file() + ":" + line();
    }

    /** What this node is, for type errors: "a number or text", "a list", "a mapping". */
    default String kind() {
        if (this instanceof Scalar s) {
            return s.isNull() ? "nothing (null)" : "'" + Excerpt.of(s.text()) + "'";
        }
        return this instanceof Sequence ? "a list" : "a mapping";
    }

    record Scalar(String file, int line, String text, boolean isNull) implements YNode {
    }

    record Sequence(String file, int line, List<YNode> items) implements YNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A mapping; {@code keyLines} holds the line each key is written on (errors about a key name it). */
    record Mapping(String file, int line, Map<String, YNode> fields, Map<String, Integer> keyLines) implements YNode {
        public Mapping {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
            keyLines = Map.copyOf(keyLines);
        }

        public Mapping(String file, int line, Map<String, YNode> fields) {
            this(file, line, fields, Map.of());
        }
    }
}

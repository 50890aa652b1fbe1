package llmcap.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario: which model and GPU, the inputs it states, its judgement figures, and the values a
 * published source gave for each figure, to compare with.
 *
 * @param assumptions values that hold whatever model and GPU are chosen
 * @param judgements  values that hold only for the scenario's own model and GPU (a planner's call
 *                    such as "about 1000 A100 for training"); dropped when either is swapped
 * @param published   the source's own figures, shown beside llmcap's
 * @param lines       the line of each top-level field, so errors about it can name it
 * @param kind        what the scenario asks about: serving, training, or both (the default)
 */
public record Scenario(String id, String title, String file, String source, String model, String gpu,
                       Optional<String> referenceModel, Optional<String> crosscheckModel,
                       List<Value> assumptions, List<Value> judgements, List<PublishedFigure> published,
                       Map<String, Integer> lines, Kind kind) {

    /** What a scenario asks about; a report's headline, notes and rankings follow it. */
    public enum Kind {
        SERVING, TRAINING, BOTH;

        /** The word a scenario file writes: {@code serving}, {@code training} or {@code both}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The kind a word names, case-insensitively; empty when it names none. */
        public static Optional<Kind> of(String word) {
            for (Kind k : values()) {
                if (k.word().equalsIgnoreCase(word.strip())) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        public boolean serving() {
            return this != TRAINING;
        }

        public boolean training() {
            return this != SERVING;
        }
    }

    /** A scenario of kind {@code both}. */
    public Scenario(String id, String title, String file, String source, String model, String gpu,
                    Optional<String> referenceModel, Optional<String> crosscheckModel,
                    List<Value> assumptions, List<Value> judgements, List<PublishedFigure> published,
                    Map<String, Integer> lines) {
        this(id, title, file, source, model, gpu, referenceModel, crosscheckModel, assumptions, judgements, published,
                lines, Kind.BOTH);
    }

    public Scenario {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        lines = Map.copyOf(lines);
        assumptions = List.copyOf(assumptions);
        judgements = List.copyOf(judgements);
        published = List.copyOf(published);
    }

    /** The line a top-level field ({@code model}, {@code gpu}, ...) is written on, for errors. */
    public int line(String field) {
        return lines.getOrDefault(field, 1);
    }

    /**
     * A value the scenario states: a number for a quantity (unit null means "the unit the rules give
     * it") or a word for a setting ({@code inference.weight_dtype: bf16}). Which one is decided by the
     * rules, so {@code text} is kept as written.
     */
    public record Value(String name, String text, String unit, String source, String file, int line,
                        java.util.Optional<Distribution> distribution) {

        /** A plain value (no range). */
        public Value(String name, String text, String unit, String source, String file, int line) {
            this(name, text, unit, source, file, line, java.util.Optional.empty());
        }
    }

    /** A figure as the scenario's source published it, in base units. */
    public record PublishedFigure(String figure, String quantity, double value, String label, String note,
                                  int line) {
    }
}

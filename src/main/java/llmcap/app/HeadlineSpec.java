package llmcap.app;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import llmcap.catalog.Scenario.Kind;

/**
 * What each kind of question asks, as {@code rules/headline.yaml} states it: the figures an estimate
 * opens with, {@code compare}'s default ranking and columns, and which topics (the first part of a
 * name) belong to serving or training only. Data, not code: a planner edits the file.
 *
 * @param file     the file it was read from, as errors and reports name it
 * @param sections the headline's sections, in order
 * @param compare  compare's defaults for each kind
 * @param topics   the topics only one kind asks about ({@code serving}, {@code inference}, {@code kv} for serving)
 * @param warnings the verdicts a report states right under its answers when the rules reach them
 */
public record HeadlineSpec(String file, List<Section> sections, Map<Kind, CompareDefaults> compare,
                           Map<Kind, Set<String>> topics, List<Warning> warnings) {

    /** The file's name in a rules folder. */
    public static final String FILE = "headline.yaml";

    public HeadlineSpec {
        Objects.requireNonNull(file, "file must not be null");
        sections = List.copyOf(sections);
        compare = Map.copyOf(compare);
        topics = Map.copyOf(topics);
        warnings = List.copyOf(warnings);
    }

    /** A spec without warnings. */
    public HeadlineSpec(String file, List<Section> sections, Map<Kind, CompareDefaults> compare,
                        Map<Kind, Set<String>> topics) {
        this(file, sections, compare, topics, List.of());
    }

    /**
     * A verdict a planner must not miss: when the setting {@code name} has the word {@code value}, the
     * report says {@code says}, each {@code {NAME}} in it replaced by that figure's value.
     */
    public record Warning(String name, String value, String says, Set<Kind> kinds, int line) {
        public Warning {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(value, "value must not be null");
            Objects.requireNonNull(says, "says must not be null");
            kinds = Set.copyOf(kinds);
        }

        /** The names between braces in {@code says}, in order. */
        public List<String> placeholders() {
            return PLACEHOLDER.matcher(says).results().map(m -> m.group(1)).toList();
        }
    }

    /** {@code {serving.gpus}} in a warning's words. */
    public static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    /** One line of the headline: the first of {@code names} the estimate has, with what it answers. */
    public record Figure(List<String> names, String label, Optional<String> target, Set<Kind> kinds, int line) {
        public Figure {
            names = List.copyOf(names);
            Objects.requireNonNull(label, "label must not be null");
            kinds = Set.copyOf(kinds);
        }
    }

    /** A titled group of figures: storage, serving, training, cost. */
    public record Section(String title, List<Figure> figures) {
        public Section {
            figures = List.copyOf(figures);
        }
    }

    /** What {@code compare} ranks by and shows when the command line does not say. */
    public record CompareDefaults(String rankBy, List<String> columns) {
        public CompareDefaults {
            columns = List.copyOf(columns);
        }
    }

    /** A spec that shows nothing and ranks by nothing (no headline file anywhere). */
    public static HeadlineSpec empty(String file) {
        return new HeadlineSpec(file, List.of(), Map.of(), Map.of());
    }

    /** The sections a scenario of {@code kind} shows, each with only its figures for that kind; none empty. */
    public List<Section> sectionsFor(Kind kind) {
        return sections.stream()
                .map(s -> new Section(s.title(), s.figures().stream().filter(f -> f.kinds().contains(kind)).toList()))
                .filter(s -> !s.figures().isEmpty()).toList();
    }

    /** The warnings a scenario of {@code kind} can get. */
    public List<Warning> warningsFor(Kind kind) {
        return warnings.stream().filter(w -> w.kinds().contains(kind)).toList();
    }

    /** Compare's defaults for {@code kind}, if the file states them. */
    public Optional<CompareDefaults> compareFor(Kind kind) {
        return Optional.ofNullable(compare.get(kind));
    }

    /**
     * The kinds whose questions the topic of {@code name} belongs to: {@code serving.gpus} to serving
     * (and both), {@code training.gpus} to training (and both); empty when the topic is not one kind's
     * own ({@code cost}, {@code model}).
     */
    public Set<Kind> kindsOfTopic(String name) {
        String topic = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        topics.forEach((kind, names) -> {
            if (names.contains(topic)) {
                out.add(kind);
                out.add(Kind.BOTH);
            }
        });
        return out;
    }

    /** Every kind, for a figure or section that names none. */
    static Set<Kind> allKinds() {
        return EnumSet.allOf(Kind.class);
    }

    /** An empty map of kinds, in the enum's order. */
    static <V> Map<Kind, V> byKind() {
        return new EnumMap<>(Kind.class);
    }
}

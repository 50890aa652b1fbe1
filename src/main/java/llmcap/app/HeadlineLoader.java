package llmcap.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import llmcap.catalog.CatalogException;
import llmcap.catalog.Fields;
import llmcap.catalog.Scenario.Kind;
import llmcap.catalog.YNode;
import llmcap.catalog.Yaml;
import llmcap.domain.Excerpt;
import llmcap.domain.Suggest;
import llmcap.engine.RuleException;

/**
 * Reads {@code headline.yaml} from a rules folder, or, when the folder has none (rules written before
 * the file existed, a test's few rules), the bundled one. A folder's own file must name only what its
 * rules read or derive; a mistake is a rules error (exit 4) at its line, with the closest names. The
 * bundled file is not checked against other rules: its figures those rules do not know are left out
 * of reports.
 */
public final class HeadlineLoader {

    private static final Set<String> TOP = Set.of("headline", "compare", "topics", "warnings");
    private static final Set<String> WARNING = Set.of("when", "says", "kinds");
    private static final Set<String> SECTION = Set.of("section", "kinds", "figures");
    private static final Set<String> FIGURE = Set.of("figure", "label", "target", "kinds");
    private static final Set<String> COMPARE = Set.of("rank_by", "columns");

    private final Collection<String> known;

    private HeadlineLoader(Collection<String> known) {
        this.known = known;
    }

    /** The spec for {@code rules}, whose rules read or derive {@code known}. */
    public static HeadlineSpec load(Folder rules, Collection<String> known) {
        Path own = rules.path().resolve(HeadlineSpec.FILE);
        if (Files.isRegularFile(own)) {
            return read(own, rules.display() + "/" + HeadlineSpec.FILE, known);
        }
        Folder bundled = Locations.bundled("rules");
        Path fallback = bundled.path().resolve(HeadlineSpec.FILE);
        return Files.isRegularFile(fallback) ? read(fallback, bundled.display() + "/" + HeadlineSpec.FILE, null)
                : HeadlineSpec.empty(rules.display() + "/" + HeadlineSpec.FILE);
    }

    /** Parses one file; {@code known} null: names are not checked. */
    static HeadlineSpec read(Path file, String display, Collection<String> known) {
        try {
            return new HeadlineLoader(known).spec(Yaml.read(file, display), display);
        } catch (CatalogException e) {
            throw new RuleException(e.getMessage());
        }
    }

    private HeadlineSpec spec(YNode root, String display) {
        Fields f = new Fields(root, "headline file").allowOnly(TOP);
        List<HeadlineSpec.Section> sections = new ArrayList<>();
        for (YNode n : f.has("headline") ? f.list("headline") : List.<YNode>of()) {
            sections.add(section(new Fields(n, "headline section").allowOnly(SECTION)));
        }
        Map<Kind, HeadlineSpec.CompareDefaults> compare = HeadlineSpec.byKind();
        f.optMap("compare", "compare").ifPresent(c -> {
            c.allowOnly(kindWords());
            for (Kind k : Kind.values()) {
                c.optMap(k.word(), "compare: " + k.word()).ifPresent(d -> compare.put(k, defaults(d.allowOnly(COMPARE))));
            }
        });
        Map<Kind, Set<String>> topics = HeadlineSpec.byKind();
        f.optMap("topics", "topics").ifPresent(t -> {
            t.allowOnly(Set.of(Kind.SERVING.word(), Kind.TRAINING.word()));
            for (Kind k : List.of(Kind.SERVING, Kind.TRAINING)) {
                topics.put(k, Set.copyOf(t.textList(k.word())));
            }
        });
        List<HeadlineSpec.Warning> warnings = new ArrayList<>();
        for (YNode n : f.has("warnings") ? f.list("warnings") : List.<YNode>of()) {
            warnings.add(warning(new Fields(n, "warning").allowOnly(WARNING)));
        }
        return new HeadlineSpec(display, sections, compare, topics, warnings);
    }

    /** {@code when: NAME = WORD}, {@code says: ...{NAME}...}: every name one the rules know. */
    private HeadlineSpec.Warning warning(Fields w) {
        String when = w.text("when");
        int eq = when.indexOf('=');
        if (eq < 0 || when.substring(0, eq).isBlank() || when.substring(eq + 1).isBlank()) {
            throw w.error("when", "'" + Excerpt.of(when) + "' is not a condition; write SETTING = WORD, as in"
                    + " serving.fits = no");
        }
        String name = checked(w, "when", when.substring(0, eq).strip());
        HeadlineSpec.Warning out = new HeadlineSpec.Warning(name, when.substring(eq + 1).strip(), w.text("says"),
                kinds(w).orElse(HeadlineSpec.allKinds()), w.line());
        out.placeholders().forEach(p -> checked(w, "says", p));
        return out;
    }

    private HeadlineSpec.Section section(Fields s) {
        Set<Kind> kinds = kinds(s).orElse(HeadlineSpec.allKinds());
        List<HeadlineSpec.Figure> figures = new ArrayList<>();
        for (YNode n : s.list("figures")) {
            Fields f = new Fields(n, "headline section " + s.text("section") + ": figure").allowOnly(FIGURE);
            List<String> names = names(f, "figure");
            Optional<String> target = f.optText("target").map(t -> checked(f, "target", t));
            figures.add(new HeadlineSpec.Figure(names, f.text("label"), target, kinds(f).orElse(kinds), f.line()));
        }
        return new HeadlineSpec.Section(s.text("section"), figures);
    }

    private HeadlineSpec.CompareDefaults defaults(Fields d) {
        return new HeadlineSpec.CompareDefaults(checked(d, "rank_by", d.text("rank_by")), names(d, "columns"));
    }

    /** A name or a list of names, each one the rules know. */
    private List<String> names(Fields f, String key) {
        YNode node = f.node(key);
        List<String> names = node instanceof YNode.Sequence ? f.textList(key) : List.of(f.text(key));
        if (names.isEmpty()) {
            throw f.error(key, "name at least one quantity");
        }
        return names.stream().map(n -> checked(f, key, n)).toList();
    }

    private String checked(Fields f, String key, String name) {
        if (known != null && !known.contains(name)) {
            throw f.error(key, "'" + Excerpt.of(name) + "' is a name no rule reads or derives"
                    + Suggest.hint(name, known));
        }
        return name;
    }

    private static Optional<Set<Kind>> kinds(Fields f) {
        if (!f.has("kinds")) {
            return Optional.empty();
        }
        Set<Kind> out = java.util.EnumSet.noneOf(Kind.class);
        for (String w : f.textList("kinds")) {
            out.add(Kind.of(w).orElseThrow(() -> f.error("kinds", "'" + Excerpt.of(w)
                    + "' is not a kind of scenario; use serving, training or both")));
        }
        return Optional.of(out);
    }

    private static Set<String> kindWords() {
        return Set.of(Kind.SERVING.word(), Kind.TRAINING.word(), Kind.BOTH.word());
    }
}

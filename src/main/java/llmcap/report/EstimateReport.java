package llmcap.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import llmcap.app.HeadlineSpec;
import llmcap.app.Result;
import llmcap.catalog.Scenario.Kind;
import llmcap.engine.Derivation;

/**
 * An estimate as every renderer shows it, worked out once: the headline (the answers of the
 * scenario's kind, as {@code headline.yaml} lists them), the published figures beside llmcap's, and
 * the long lists in reading order. Text, Markdown, JSON, CSV and HTML each render this model; none
 * of them decides on its own what is shown or in which order.
 *
 * @param result     the estimate with its scenario, notes and folders
 * @param headline   the answers first
 * @param published  the scenario's published figures beside llmcap's
 * @param derived    every quantity a formula rule computed, in reading order
 * @param assumptions every numeric leaf (catalog, scenario, --set, default rule), in reading order
 * @param settings   every word-valued setting, in reading order
 */
public record EstimateReport(Result result, Headline headline, List<Comparison> published, List<Derivation> derived,
                             List<Derivation> assumptions, List<Derivation> settings) {

    public EstimateReport {
        Objects.requireNonNull(result, "result must not be null");
        Objects.requireNonNull(headline, "headline must not be null");
        published = List.copyOf(published);
        derived = List.copyOf(derived);
        assumptions = List.copyOf(assumptions);
        settings = List.copyOf(settings);
    }

    /**
     * The answers of one kind of question, by section (storage, serving, training, cost), and the
     * warnings the rules' verdicts call for (a replica that cannot hold the model), in words.
     */
    public record Headline(Kind kind, String spec, List<Section> sections, List<String> warnings) {
        public Headline {
            sections = List.copyOf(sections);
            warnings = List.copyOf(warnings);
        }

        /** True when there is nothing to show: no figures and no warnings. */
        public boolean isEmpty() {
            return sections.isEmpty() && warnings.isEmpty();
        }

        /** {@code Answers for a serving question}: the heading every format gives the block. */
        public String title() {
            return "Answers for a " + switch (kind) {
                case SERVING -> "serving";
                case TRAINING -> "training";
                case BOTH -> "serving and training";
            } + " question";
        }

        /** True when some line has a target to show beside its value. */
        public boolean hasTargets() {
            return sections.stream().flatMap(s -> s.lines().stream()).anyMatch(l -> l.target().isPresent());
        }
    }

    public record Section(String title, List<Line> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One answer: what it answers, the quantity shown, its value (empty: the rules know it but did not
     * derive it this time) and the limit it is held to, if any.
     */
    public record Line(String label, String name, Optional<Derivation> value, Optional<Derivation> target) {

        /** The value as reports print it, or {@code not derived}. */
        public String shown() {
            return value.map(Show::fact).orElse("not derived");
        }

        /** {@code ≤ 2 s}, or {@code over 2 s} when the value passes its target; empty without one. */
        public String against() {
            return target.filter(t -> !t.isSetting()).map(t -> (missed() ? "over " : "≤ ") + Show.fact(t)).orElse("");
        }

        /** True when the value is above its target. */
        public boolean missed() {
            return value.filter(v -> !v.isSetting()).flatMap(v -> target.filter(t -> !t.isSetting())
                    .map(t -> v.quantity().value() > t.quantity().value())).orElse(false);
        }
    }

    /**
     * The report of {@code r}: its headline from {@code spec} for the scenario's kind. A headline figure
     * is shown as "not derived" when the rules know its name ({@code known}) but did not derive it, and
     * left out when they do not know it at all (rules of one's own without it).
     */
    public static EstimateReport of(Result r, HeadlineSpec spec, Collection<String> known) {
        Kind kind = r.scenario().kind();
        List<Section> sections = new ArrayList<>();
        for (HeadlineSpec.Section s : spec.sectionsFor(kind)) {
            List<Line> lines = new ArrayList<>();
            for (HeadlineSpec.Figure f : s.figures()) {
                Optional<String> name = f.names().stream().filter(n -> r.estimate().get(n).isPresent()).findFirst()
                        .or(() -> f.names().stream().filter(known::contains).findFirst());
                name.ifPresent(n -> lines.add(new Line(f.label(), n, r.estimate().get(n),
                        f.target().flatMap(t -> r.estimate().get(t)))));
            }
            if (!lines.isEmpty()) {
                sections.add(new Section(s.title(), lines));
            }
        }
        var e = r.estimate();
        return new EstimateReport(r, new Headline(kind, spec.file(), sections, warnings(r, spec)), Comparison.of(r),
                Order.sort(e, e.derived()), Order.sort(e, e.assumptions()), Order.sort(e, e.settings()));
    }

    /**
     * The warnings of {@code spec} whose setting has its word in this estimate, for the scenario's kind,
     * each {@code {NAME}} replaced by that figure as reports show it ({@code NAME not derived} when absent).
     */
    static List<String> warnings(Result r, HeadlineSpec spec) {
        List<String> out = new ArrayList<>();
        for (HeadlineSpec.Warning w : spec.warningsFor(r.scenario().kind())) {
            boolean reached = r.estimate().get(w.name()).filter(Derivation::isSetting)
                    .map(d -> d.setting().value().equalsIgnoreCase(w.value())).orElse(false);
            if (reached) {
                out.add(w.name() + " = " + w.value() + ": " + HeadlineSpec.PLACEHOLDER.matcher(w.says().strip())
                        .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(r.estimate().get(m.group(1))
                                .map(Show::fact).orElse(m.group(1) + " not derived"))));
            }
        }
        return out;
    }

    /** The assumptions some rule read: the ones the human-readable reports list. */
    public List<Derivation> assumptionsRead() {
        return assumptions.stream().filter(d -> result.estimate().isRead(d.name())).toList();
    }

    /** How many assumptions were available but no rule read (the catalog holds more than a run needs). */
    public int assumptionsUnread() {
        return assumptions.size() - assumptionsRead().size();
    }
}

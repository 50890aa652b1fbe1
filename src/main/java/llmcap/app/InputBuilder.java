package llmcap.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import llmcap.catalog.Catalog;
import llmcap.catalog.CatalogException;
import llmcap.catalog.Entry;
import llmcap.catalog.Figure;
import llmcap.catalog.Numbers;
import llmcap.catalog.Scenario;
import llmcap.domain.Excerpt;
import llmcap.domain.Fact;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import llmcap.domain.Setting;
import llmcap.domain.Suggest;
import llmcap.engine.RuleIndex;

/**
 * Turns a selection into the engine's leaf quantities, each with its origin. Later layers win:
 * catalog figures, then the scenario's assumptions, then its judgements (only with its own model and
 * GPU), then {@code --set}. Defaults written as rules apply to whatever none of these gives.
 */
final class InputBuilder {

    private final Catalog catalog;
    private final RuleIndex index;
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    InputBuilder(Catalog catalog, RuleIndex index) {
        this.catalog = catalog;
        this.index = index;
    }

    List<Input> inputs() {
        return List.copyOf(inputs.values());
    }

    /** What the user should know about how inputs were chosen (e.g. judgements dropped). */
    List<String> notes() {
        return List.copyOf(notes);
    }

    InputBuilder catalogEntry(String prefix, Entry entry) {
        for (Figure f : entry.figures().values()) {
            put(new Quantity(prefix + "." + f.key(), f.value(), f.unit()),
                    Origin.catalog(entry.fileOf(f), entry.id(), citation(f)));
        }
        return this;
    }

    /** The fact {@code name = text}: a setting if the rules use {@code name} as one, else a number with its unit. */
    private Fact fact(String name, String text, String givenUnit, java.util.function.Function<String, RuntimeException> error) {
        requireAllowed(name, text, error);
        if (index.isSetting(name)) {
            String word = Setting.normalise(text); // FP8 is fp8: the rules compare lowercase words
            if (!Setting.isValidValue(word)) {
                throw error.apply("'" + Excerpt.of(text) + "' is not a word such as bf16 (" + name
                        + " is a setting)");
            }
            return new Setting(name, word);
        }
        double value;
        try {
            value = Numbers.parse(text);
        } catch (NumberFormatException ex) {
            throw error.apply(ex.getMessage());
        }
        if (value < 0) { // no input of the model is negative: users, bytes, FLOP/s, prices, fractions, counts
            throw error.apply(Excerpt.of(text.strip()) + " is negative; every input of llmcap is zero or more");
        }
        String unit = givenUnit != null ? givenUnit : unitOf(name).orElseThrow(() -> error.apply(
                "give a unit ({value: ..., unit: ...}); no rule creates this quantity"));
        String rules = index.unitOf(name).orElse(unit);
        if (!rules.equals(unit)) { // a rule testing unit == "user" would never match it, one computing with it be wrong
            throw error.apply("unit '" + unit + "', but the rules give " + name + " in '" + rules + "'");
        }
        return new Quantity(name, value, unit);
    }

    /**
     * A setting (or quantity) whose rule declares its values with {@code @values(...)} takes one of them,
     * checked here, before any rule fires, so the mistake is the input's: a usage error for {@code --set},
     * the scenario's line for a scenario. Words compare whatever their case.
     */
    private void requireAllowed(String name, String text, java.util.function.Function<String, RuntimeException> error) {
        List<String> allowed = index.allowedValues(name).orElse(null);
        if (allowed == null) {
            return;
        }
        String given = text.strip();
        for (String v : allowed) {
            if (v.equalsIgnoreCase(given) || sameNumber(v, given)) {
                return;
            }
        }
        String hint = index.isSetting(name) ? Suggest.hint(given.toLowerCase(java.util.Locale.ROOT), allowed) : "";
        throw error.apply("'" + Excerpt.of(given) + "' is not one of the values " + name + " takes"
                + index.allowedValuesWhere(name).map(w -> " (@values at " + w + ")").orElse("") + ": "
                + String.join(", ", allowed) + hint);
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return Numbers.parse(a) == Numbers.parse(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    InputBuilder scenario(Scenario s, String modelId, String gpuId) {
        s.referenceModel().ifPresent(id -> catalogEntry("reference", catalog.model(id)));
        s.crosscheckModel().ifPresent(id -> crosscheck(catalog.model(id)));
        values(s, s.assumptions());
        if (s.model().equals(modelId) && s.gpu().equals(gpuId)) {
            values(s, s.judgements());
        } else if (!s.judgements().isEmpty()) {
            notes.add("the scenario's judgements (" + String.join(", ", s.judgements().stream()
                    .map(Scenario.Value::name).toList()) + ") hold for " + s.model() + " on " + s.gpu()
                    + " only, so they are not used for " + modelId + " on " + gpuId);
        }
        return this;
    }

    /** Applies {@code --set NAME=VALUE} overrides; an unknown name or a non-number is a usage error. */
    InputBuilder sets(Map<String, String> sets) {
        for (Map.Entry<String, String> e : sets.entrySet()) {
            String name = e.getKey();
            if (!known(name)) {
                throw new UsageException("--set " + Excerpt.of(name) + ": unknown assumption" + Suggest.hint(name, knownNames())
                        + "; `llmcap rules` lists the names the rules use");
            }
            Fact f = fact(name, e.getValue(), null, problem -> new UsageException("--set " + Excerpt.of(name) + ": "
                    + problem.replace("give a unit ({value: ..., unit: ...}); no rule creates this quantity",
                            "no rule or catalog entry gives this quantity a unit, so it cannot be set")));
            put(f, Origin.commandLine("--set " + name + "=" + Excerpt.of(e.getValue().strip())));
        }
        return this;
    }

    /** A name the rules mention, or one an input already holds. */
    private boolean known(String name) {
        return index.names().contains(name) || inputs.containsKey(name);
    }

    /** Every name {@link #known} accepts, for the closest ones in an error. */
    private Set<String> knownNames() {
        Set<String> known = new TreeSet<>(index.names());
        known.addAll(inputs.keySet());
        return known;
    }

    private void crosscheck(Entry model) {
        catalogEntry("crosscheck", model);
        model.info("training_run.gpu").ifPresent(g -> catalogEntry("crosscheck.gpu", catalog.gpu(g)));
    }

    private void values(Scenario s, List<Scenario.Value> values) {
        for (Scenario.Value v : values) {
            if (!known(v.name())) { // as --set refuses it: a misspelt name would leave the default in place
                throw new CatalogException(v.file() + ":" + v.line() + ": scenario '" + s.id() + "': unknown assumption '"
                        + v.name() + "'" + Suggest.hint(v.name(), knownNames()) + "; `llmcap rules` lists the names the rules use");
            }
            if (v.distribution().isPresent() && index.isSetting(v.name())) {
                throw new CatalogException(v.file() + ":" + v.line() + ": scenario '" + s.id() + "': " + v.name()
                        + " is a setting, a word such as bf16: it cannot be a range");
            }
            Fact f = fact(v.name(), v.text(), v.unit(), problem -> new CatalogException(
                    v.file() + ":" + v.line() + ": scenario '" + s.id() + "': " + v.name() + ": " + problem));
            String source = v.distribution().map(d -> (v.source() == null ? "" : v.source() + "; ") + "a range, "
                    + d.describe() + ": its central value here, drawn from it with --samples").orElse(v.source());
            put(f, Origin.scenario(v.file(), v.line(), source));
        }
    }

    private Optional<String> unitOf(String name) {
        Input existing = inputs.get(name);
        return existing != null && existing.fact() instanceof Quantity q ? Optional.of(q.unit()) : index.unitOf(name);
    }

    private void put(Fact f, Origin origin) {
        inputs.put(f.name(), new Input(f, origin));
    }

    private static String citation(Figure f) {
        String base = f.source() == null ? "" : f.source();
        return f.verified() ? base : base + " [unverified]";
    }
}

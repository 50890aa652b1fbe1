package llmcap.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import llmcap.domain.Suggest;

/**
 * What {@code llmcap rules --check} finds in rules that compile: names read that nothing produces, a
 * default whose guard tests a name nothing uses, one name given two units or taken both as a number and
 * as a setting, and (through {@link ValueCheck}) settings compared with values nothing gives and
 * {@code @values} declarations that do not fit. Each finding is one line at the rule's {@code file:line}.
 *
 * <p>A name is produced by a rule that derives it, by a catalog figure (given to the check by the caller,
 * which knows the catalog), or by the user: a name some rule tests absent ({@code not Quantity(name == ...)})
 * is an input with a default, and a name read with its unit stated ({@code Quantity(name == "x", unit ==
 * "GPU")}) an input without one, either of which a scenario or {@code --set} may give. A name only read,
 * that nothing of these produces, is an error: the rule can never fire, and what it derives silently goes
 * missing from every report.
 */
public final class RuleCheck {

    /** One finding: an error (exit 4) or a warning (printed; the check still passes). */
    public record Finding(boolean error, String where, String message) {

        /** {@code rules/serving.drl:42: rule 'x' reads ...}, or {@code ...: warning: ...}. */
        public String line() {
            return where + ": " + (error ? "" : "warning: ") + message;
        }
    }

    private static final Set<String> ANNOTATIONS = Set.of("optional", "uncertain", "values", "range");

    private final RuleIndex index;
    private final Map<String, String> given;
    private final List<Finding> out = new ArrayList<>();
    private final Set<String> derivedQuantities = new TreeSet<>();
    private final Set<String> derivedSettings = new TreeSet<>();
    private final Set<String> derivedPrefixes = new TreeSet<>();
    /** Inputs: names tested absent (a default gives way to them) or read with their unit stated. */
    private final Set<String> inputs = new TreeSet<>();
    private final Set<String> read = new TreeSet<>();

    private RuleCheck(RuleIndex index, Map<String, String> given) {
        this.index = index;
        this.given = given;
        for (Mention m : index.mentions()) {
            switch (m.kind()) {
                case DERIVE -> (RuleIndex.isPrefix(m.name()) ? derivedPrefixes : m.setting() ? derivedSettings
                        : derivedQuantities).add(m.name());
                case ABSENT, UNIT -> inputs.add(m.name());
                case READ -> read.add(m.name());
                default -> { }
            }
        }
    }

    /**
     * The findings of {@code index}, errors and warnings in rule order. {@code given}: the quantities the
     * catalog gives the rules (name to unit), which count as produced.
     */
    public static List<Finding> check(RuleIndex index, Map<String, String> given) {
        RuleCheck c = new RuleCheck(index, given);
        c.reads();
        c.guards();
        c.units();
        c.kinds();
        c.annotations();
        c.out.addAll(new ValueCheck(index).findings());
        return List.copyOf(new LinkedHashSet<>(c.out));
    }

    /** Every name read has a producer. */
    private void reads() {
        for (Mention m : index.mentions()) {
            if (m.kind() != Mention.Kind.READ || produced(m.name())) {
                continue;
            }
            String what = m.setting() ? "setting " : "";
            out.add(error(m, "rule '" + m.rule() + "' reads " + what + m.name() + ", which no rule, catalog field or input"
                    + " produces" + suggestion(m.name(), "; to make it an input, give it a default (a rule guarded by not "
                    + (m.setting() ? "Setting" : "Quantity") + "(name == \"" + m.name() + "\"))"
                    + (m.setting() ? "" : " or state its unit where a rule reads it (unit == \"...\")"))));
        }
    }

    /** A default's guard names something that exists: else the default never gives way to the value it guards. */
    private void guards() {
        for (Mention m : index.mentions()) {
            if (m.kind() != Mention.Kind.ABSENT || read.stream().anyMatch(r -> overlaps(r, m.name()))
                    || madeOrGiven(m.name())) {
                continue;
            }
            out.add(error(m, "rule '" + m.rule() + "' tests that " + m.name() + " is absent, but no rule reads or derives"
                    + " it and no catalog field is called so" + suggestion(m.name(), "")));
        }
    }

    /** A rule derives {@code name} (or a name it stands for), or the catalog gives it. */
    private boolean madeOrGiven(String name) {
        return java.util.stream.Stream.of(derivedQuantities, derivedSettings, derivedPrefixes, given.keySet())
                .flatMap(Set::stream).anyMatch(n -> overlaps(n, name));
    }

    /** One unit per quantity, across the rules that derive or test it and the catalog. */
    private void units() {
        Map<String, Map<String, List<Mention>>> byName = new LinkedHashMap<>();
        for (Mention m : index.mentions()) {
            boolean stated = m.kind() == Mention.Kind.UNIT || m.kind() == Mention.Kind.DERIVE && !m.setting();
            if (stated && !m.unit().isEmpty() && !RuleIndex.isPrefix(m.name())) {
                byName.computeIfAbsent(m.name(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(m.unit(), k -> new ArrayList<>()).add(m);
            }
        }
        byName.forEach((name, units) -> {
            String catalog = given.get(name);
            if (units.size() < 2 && (catalog == null || units.containsKey(catalog))) {
                return;
            }
            for (Map.Entry<String, List<Mention>> u : units.entrySet()) {
                for (Mention m : u.getValue()) {
                    List<String> others = new ArrayList<>();
                    units.forEach((unit, ms) -> {
                        if (!unit.equals(u.getKey())) {
                            others.add(ms.get(0).where() + " (rule '" + ms.get(0).rule() + "') in '" + unit + "'");
                        }
                    });
                    if (catalog != null && !catalog.equals(u.getKey())) {
                        others.add("the catalog in '" + catalog + "'");
                    }
                    out.add(error(m, "rule '" + m.rule() + "' gives " + name + " in '" + u.getKey() + "', but "
                            + String.join(" and ", others) + " gives it in another unit; a quantity has one unit"));
                }
            }
        });
    }

    /** A name is a number or a word, not both: a Setting pattern never matches a Quantity. */
    private void kinds() {
        for (Mention m : index.mentions()) {
            boolean used = m.kind() == Mention.Kind.READ || m.kind() == Mention.Kind.ABSENT || m.kind() == Mention.Kind.DERIVE;
            if (!used || RuleIndex.isPrefix(m.name())) {
                continue;
            }
            boolean number = derivedQuantities.contains(m.name()) || given.containsKey(m.name());
            boolean word = derivedSettings.contains(m.name());
            if (m.setting() && number) {
                out.add(error(m, "rule '" + m.rule() + "' takes " + m.name() + " as a Setting, but it is a number (a Quantity"
                        + (given.containsKey(m.name()) ? " from the catalog" : " other rules derive") + ")"));
            } else if (!m.setting() && word) {
                out.add(error(m, "rule '" + m.rule() + "' takes " + m.name() + " as a Quantity, but it is a Setting (a word"
                        + " other rules derive)"));
            }
        }
    }

    /** A misspelt llmcap annotation ({@code @optinal}) is silently ignored by Drools: say so. */
    private void annotations() {
        for (Mention m : index.mentions()) {
            if (m.kind() == Mention.Kind.ANNOTATION && !ANNOTATIONS.contains(m.name())) {
                List<String> close = Suggest.closest(m.name().toLowerCase(java.util.Locale.ROOT), ANNOTATIONS);
                if (!close.isEmpty()) {
                    out.add(new Finding(false, m.where(), "rule '" + m.rule() + "' has @" + m.name() + ", which llmcap does"
                            + " not know and ignores (did you mean @" + close.get(0) + "?)"));
                }
            }
        }
    }

    /** Produced by a rule, the catalog or the user; a prefix pattern when something matches it. */
    private boolean produced(String name) {
        if (RuleIndex.isPrefix(name)) {
            return known().stream().anyMatch(n -> RuleIndex.matches(name, n))
                    || derivedPrefixes.stream().anyMatch(p -> overlaps(p, name));
        }
        return known().contains(name) || derivedPrefixes.stream().anyMatch(p -> RuleIndex.matches(p, name));
    }

    private Set<String> known;

    /** Every name something produces. */
    private Set<String> known() {
        if (known == null) {
            known = new TreeSet<>(derivedQuantities);
            known.addAll(derivedSettings);
            known.addAll(given.keySet());
            inputs.stream().filter(a -> !RuleIndex.isPrefix(a)).forEach(known::add);
        }
        return known;
    }

    /** Two names or prefix patterns that can stand for the same name. */
    private static boolean overlaps(String a, String b) {
        String pa = RuleIndex.isPrefix(a) ? a.substring(0, a.length() - 1) : a;
        String pb = RuleIndex.isPrefix(b) ? b.substring(0, b.length() - 1) : b;
        return RuleIndex.isPrefix(a) && pb.startsWith(pa) || RuleIndex.isPrefix(b) && pa.startsWith(pb) || a.equals(b);
    }

    private String suggestion(String name, String otherwise) {
        Set<String> candidates = new TreeSet<>(known());
        candidates.addAll(read);
        candidates.remove(name);
        candidates.removeIf(RuleIndex::isPrefix);
        List<String> close = Suggest.closest(name, candidates);
        return close.isEmpty() ? otherwise : "; did you mean " + String.join(", ", close) + "?";
    }

    static Finding error(Mention m, String message) {
        return new Finding(true, m.where(), message);
    }
}

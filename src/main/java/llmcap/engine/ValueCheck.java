package llmcap.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import llmcap.domain.Setting;
import llmcap.domain.Suggest;

/**
 * The values of settings (and of quantities with a closed set of values) in rules that compile:
 * <ul>
 * <li>a setting compared with a value nothing gives ({@code value == "selectve"}): {@code @values} does
 *     not declare it or, for a setting only rules give, no rule inserts it, so the condition never holds;</li>
 * <li>{@code @values(...)} on a rule that gives no one setting or quantity, with values that are no
 *     words (or numbers), declared twice differently, or contradicted by a rule that inserts another value
 *     or a guard that throws for a declared one;</li>
 * <li>a warning for a setting with a default that rules compare with values, but whose values no
 *     {@code @values} declares: its values are not known, so neither a mistyped {@code --set} of it nor a
 *     mistyped value in a rule can be refused.</li>
 * </ul>
 * A setting's values are those {@code @values} declares, else those the rules insert (literally, or
 * copied from another setting's values: {@code new Setting("checkpoint.dtype", $dtype)}); a setting some
 * rule inserts from an expression llmcap cannot follow has values unknown, and is not checked.
 */
final class ValueCheck {

    private final RuleIndex index;
    private final List<RuleCheck.Finding> out = new ArrayList<>();
    private final Map<String, List<Mention>> declarations = new LinkedHashMap<>();
    /** Values rules insert, by setting; null for a setting some rule inserts from an expression. */
    private final Map<String, Set<String>> inserted = new LinkedHashMap<>();

    /** Settings some rule tests absent: a default gives way to a value from a scenario or --set. */
    private final Set<String> overridable = new LinkedHashSet<>();

    ValueCheck(RuleIndex index) {
        this.index = index;
        for (Mention m : index.mentions()) {
            if (m.kind() == Mention.Kind.DECLARE && !m.name().isEmpty()) {
                declarations.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
            } else if (m.kind() == Mention.Kind.ABSENT && m.setting()) {
                overridable.add(m.name());
            }
        }
        insertedValues();
    }

    List<RuleCheck.Finding> findings() {
        declarations();
        inserts();
        comparisons();
        undeclaredInputs();
        return out;
    }

    /** Values inserted literally, then copied along {@code from} links until nothing changes. */
    private void insertedValues() {
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (Mention m : index.mentions()) {
            if (m.kind() != Mention.Kind.DERIVE || !m.setting() || RuleIndex.isPrefix(m.name())) {
                continue;
            }
            if (!inserted.containsKey(m.name())) {
                inserted.put(m.name(), new LinkedHashSet<>());
            }
            Set<String> values = inserted.get(m.name());
            if (!m.from().isEmpty()) {
                links.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m.from());
            } else if (values != null && m.values().isEmpty()) {
                inserted.put(m.name(), null); // from an expression: its values are unknown
            } else if (values != null) {
                values.addAll(m.values());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<String>> l : links.entrySet()) {
                Set<String> mine = inserted.get(l.getKey());
                for (String from : l.getValue()) {
                    Set<String> theirs = values(from);
                    if (mine != null && (theirs == null || !mine.containsAll(theirs))) {
                        if (theirs == null) {
                            inserted.put(l.getKey(), null);
                            mine = null;
                        } else {
                            mine.addAll(theirs);
                        }
                        changed = true;
                    }
                }
            }
        }
    }

    /** What {@code name} may be: its declared values, else what rules insert; null when unknown. */
    private Set<String> values(String name) {
        List<String> declared = index.allowedValues(name).orElse(null);
        if (declared != null) {
            return new LinkedHashSet<>(declared);
        }
        return inserted.containsKey(name) ? inserted.get(name) : new LinkedHashSet<>();
    }

    private void declarations() {
        for (Mention m : index.mentions()) {
            if (m.kind() != Mention.Kind.DECLARE) {
                continue;
            }
            if (m.name().isEmpty()) {
                out.add(RuleCheck.error(m, "@values on rule '" + m.rule() + "', which does not give exactly one setting"
                        + " or quantity: put it on the rule that gives the one it declares (its default)"));
            } else if (m.values().isEmpty()) {
                out.add(RuleCheck.error(m, "@values on rule '" + m.rule() + "' lists no value for " + m.name()));
            }
            for (String v : m.values()) {
                boolean fits = m.setting() ? Setting.isValidValue(v) : number(v) != null;
                if (!fits) {
                    out.add(RuleCheck.error(m, "@values on rule '" + m.rule() + "' lists '" + v + "', which is not "
                            + (m.setting() ? "a lowercase word such as bf16" : "a number") + " (" + m.name() + " is a "
                            + (m.setting() ? "setting" : "quantity") + ")"));
                }
            }
        }
        declarations.forEach((name, ms) -> {
            for (Mention m : ms) {
                Mention other = ms.stream().filter(o -> !Set.copyOf(o.values()).equals(Set.copyOf(m.values()))).findFirst()
                        .orElse(null);
                if (other != null) {
                    out.add(RuleCheck.error(m, "@values on rule '" + m.rule() + "' declares " + name + " as ("
                            + String.join(", ", m.values()) + "), but " + other.where() + " declares ("
                            + String.join(", ", other.values()) + ")"));
                }
            }
        });
    }

    /** A rule inserts only declared values of a declared setting. */
    private void inserts() {
        for (Mention m : index.mentions()) {
            List<String> declared = index.allowedValues(m.name()).orElse(null);
            if (m.kind() != Mention.Kind.DERIVE || !m.setting() || declared == null) {
                continue;
            }
            for (String v : m.values()) {
                if (!declared.contains(v)) {
                    out.add(RuleCheck.error(m, "rule '" + m.rule() + "' inserts " + m.name() + " = '" + v + "', which its"
                            + " @values (" + String.join(", ", declared) + ") does not list"));
                }
            }
        }
    }

    /** Every value a condition compares with is one the setting can have; a guard refuses exactly the others. */
    private void comparisons() {
        for (Mention m : index.mentions()) {
            if (m.kind() != Mention.Kind.COMPARE || RuleIndex.isPrefix(m.name())) {
                continue;
            }
            List<String> declared = index.allowedValues(m.name()).orElse(null);
            if (declared == null && (!m.setting() || overridable.contains(m.name()))) {
                continue; // an input whose values nothing declares: warned about below
            }
            Set<String> possible = m.setting() ? values(m.name()) : new LinkedHashSet<>(declared);
            if (possible == null) {
                continue;
            }
            for (String v : m.values()) {
                if (!contains(possible, v, m.setting())) {
                    out.add(RuleCheck.error(m, "rule '" + m.rule() + "' compares " + m.name() + " with '" + v + "', which"
                            + (declared != null ? " its @values does not declare" : " no rule inserts and no @values declares")
                            + " (" + (possible.isEmpty() ? "none known" : "known: " + String.join(", ", possible)) + ")"
                            + Suggest.hint(v, possible)));
                }
            }
            if (declared != null && m.excluded() && throwsWhenMatched(m)) {
                for (String v : declared) {
                    if (!contains(Set.copyOf(m.values()), v, m.setting())) {
                        out.add(RuleCheck.error(m, "rule '" + m.rule() + "' fails for " + m.name() + " = " + v
                                + ", which its @values declares"));
                    }
                }
            }
        }
    }

    /** A setting with a default, compared with values, that declares none: its inputs cannot be checked early. */
    private void undeclaredInputs() {
        Map<String, Mention> defaults = new LinkedHashMap<>();
        Map<String, Set<String>> compared = new LinkedHashMap<>();
        for (Mention m : index.mentions()) {
            if (m.setting() && m.kind() == Mention.Kind.ABSENT && !RuleIndex.isPrefix(m.name())) {
                defaults.putIfAbsent(m.name(), m);
            } else if (m.setting() && m.kind() == Mention.Kind.COMPARE) {
                compared.computeIfAbsent(m.name(), k -> new LinkedHashSet<>()).addAll(m.values());
            }
        }
        defaults.forEach((name, m) -> {
            if (compared.containsKey(name) && index.allowedValues(name).isEmpty()) {
                out.add(new RuleCheck.Finding(false, m.where(), "setting " + name + " has a default and rules compare it"
                        + " with (" + String.join(", ", compared.get(name)) + "), but no @values(...) on its default rule"
                        + " declares its values: neither a mistyped --set " + name + "=... nor a mistyped value in a rule"
                        + " can be caught"));
            }
        });
    }

    private boolean throwsWhenMatched(Mention m) {
        return index.rules().stream().anyMatch(r -> r.name().equals(m.rule()) && r.file().equals(m.file())
                && r.consequence().matches("(?s).*\\bthrow\\b.*"));
    }

    private static boolean contains(Set<String> values, String v, boolean setting) {
        if (setting) {
            return values.contains(v);
        }
        Double n = number(v);
        return n != null && values.stream().map(ValueCheck::number).anyMatch(n::equals);
    }

    static Double number(String v) {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

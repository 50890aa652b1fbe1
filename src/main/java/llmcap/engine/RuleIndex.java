package llmcap.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each rule reads, tests absent and derives, found by Drools' own parser ({@link RuleReader}), not
 * by running the rules: each rule's file and line (Drools keeps no line numbers for rules, so provenance
 * takes them from here), the names its conditions need present or missing, the quantities and settings
 * its action creates with their units, the values settings are compared with and the values
 * {@code @values(...)} declares. Made once per rule folder and kept with the compiled rules in their
 * cache ({@link RuleCache}, as {@link IndexCodec} writes it), so a run that finds its rules compiled does
 * not parse them again.
 */
public final class RuleIndex {

    private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final Set<String> settings = new TreeSet<>();
    /** Quantities some rule's condition tests for a negative or zero value: signed differences, such as a room left. */
    private final Set<String> signed = new TreeSet<>();
    /** Units stated by conditions ({@code Quantity(name == "x", unit == "GPU")}) for inputs no rule creates. */
    private final Map<String, String> declaredUnits = new LinkedHashMap<>();
    /** The {@code @values(...)} mention of each setting or quantity: the values as written, and where. */
    private final Map<String, Mention> declared = new LinkedHashMap<>();
    /** {@code @range(LOW, HIGH[, whole])} of a rule, for the quantities it derives: their valid values. */
    private final Map<String, llmcap.domain.ValueRange> ranges = new LinkedHashMap<>();

    public RuleIndex(List<RuleFile> files) {
        for (RuleFile f : files) {
            for (RuleReader.Read r : RuleReader.readKept(f)) {
                add(r);
            }
        }
    }

    private RuleIndex() {
    }

    /** The index of rules already read (from the cache: {@link IndexCodec}). */
    static RuleIndex of(List<RuleReader.Read> reads) {
        RuleIndex index = new RuleIndex();
        for (RuleReader.Read r : reads) {
            index.add(r);
        }
        return index;
    }

    private void add(RuleReader.Read r) {
        RuleInfo info = r.info();
        if (rules.putIfAbsent(info.packageName() + "/" + info.name(), info) != null) {
            return;
        }
        for (Mention m : r.mentions()) {
            mentions.add(m);
            if (m.setting() && m.kind() != Mention.Kind.ANNOTATION && !isPrefix(m.name()) && !m.name().isEmpty()) {
                settings.add(m.name());
            }
            switch (m.kind()) {
                case SIGNED -> signed.add(m.name());
                case UNIT -> declaredUnits.putIfAbsent(m.name(), m.unit());
                case DECLARE -> {
                    if (!m.name().isEmpty()) {
                        declared.putIfAbsent(m.name(), m);
                    }
                }
                case RANGE -> llmcap.domain.ValueRange.parse(String.join(",", m.values()), "@range " + m.where())
                        .ifPresent(range -> ranges.putIfAbsent(m.name(), range));
                default -> { }
            }
        }
    }

    /** The valid values of {@code name}, if a rule that derives it states them with {@code @range}. */
    public Optional<llmcap.domain.ValueRange> range(String name) {
        return Optional.ofNullable(ranges.get(name));
    }

    public Collection<RuleInfo> rules() {
        return rules.values();
    }

    public Optional<RuleInfo> rule(String packageName, String name) {
        return Optional.ofNullable(rules.get(packageName + "/" + name));
    }

    /** Every quantity name any rule mentions, read or derived: the names {@code --set} may use. */
    public Set<String> names() {
        Set<String> out = names;
        if (out == null) { // the index never changes once made: work the set out once
            Set<String> all = new TreeSet<>();
            for (RuleInfo r : rules.values()) {
                all.addAll(r.reads());
                all.addAll(r.absent());
                all.addAll(r.derives().keySet());
            }
            all.removeIf(RuleIndex::isPrefix); // gpu.flops_* guards name a family, not a quantity
            out = Collections.unmodifiableSet(all);
            names = out;
        }
        return out;
    }

    private volatile Set<String> names;

    /** The rules whose action derives {@code name}, in the index's order; none for an input. */
    public List<RuleInfo> makers(String name) {
        return links().makers().getOrDefault(name, List.of());
    }

    /** The rules whose condition reads {@code name}, in the index's order. */
    public List<RuleInfo> readers(String name) {
        return links().readers().getOrDefault(name, List.of());
    }

    /** Who makes and who reads each name, worked out once (the index never changes once made). */
    private record Links(Map<String, List<RuleInfo>> makers, Map<String, List<RuleInfo>> readers) {
    }

    private volatile Links links;

    private Links links() {
        Links out = links;
        if (out == null) {
            Map<String, List<RuleInfo>> makers = new java.util.HashMap<>();
            Map<String, List<RuleInfo>> readers = new java.util.HashMap<>();
            for (RuleInfo r : rules.values()) {
                r.derives().keySet().forEach(n -> makers.computeIfAbsent(n, k -> new ArrayList<>()).add(r));
                new java.util.LinkedHashSet<>(r.reads()).forEach(n -> readers.computeIfAbsent(n, k -> new ArrayList<>()).add(r));
            }
            makers.replaceAll((k, v) -> List.copyOf(v));
            readers.replaceAll((k, v) -> List.copyOf(v));
            out = new Links(Map.copyOf(makers), Map.copyOf(readers));
            links = out;
        }
        return out;
    }

    /** True when the rules treat {@code name} as a setting (a word such as bf16), not a number. */
    public boolean isSetting(String name) {
        return settings.contains(name);
    }

    /**
     * True when a rule's condition tests {@code name} for a value below or at zero ({@code value <= 0}):
     * the rules treat it as a signed difference, so a negative value is meant, whatever its unit.
     */
    public boolean isSigned(String name) {
        return signed.contains(name);
    }

    /** The unit the rules give {@code name}, if some rule creates it with a literal unit. */
    public Optional<String> unitOf(String name) {
        Optional<String> made = makers(name).stream().map(r -> r.derives().get(name)).filter(u -> u != null && !u.isEmpty())
                .findFirst();
        return made.isPresent() ? made : Optional.ofNullable(declaredUnits.get(name));
    }

    /**
     * The values {@code name} may take, when the rule that gives it declares them with
     * {@code @values("none", "selective", "full")} (or {@code @values(0, 1, 2, 3)} for a quantity);
     * empty for an open setting or quantity. Inputs outside them are refused before the rules fire.
     */
    public Optional<List<String>> allowedValues(String name) {
        return Optional.ofNullable(declared.get(name)).map(Mention::values);
    }

    /** Where the {@code @values(...)} of {@code name} is written ({@code rules/assumptions.drl:16}), if anywhere. */
    public Optional<String> allowedValuesWhere(String name) {
        return Optional.ofNullable(declared.get(name)).map(Mention::where);
    }

    /** Every place a rule names a quantity or setting, in file and rule order: what {@link RuleCheck} checks. */
    List<Mention> mentions() {
        return Collections.unmodifiableList(mentions);
    }

    /** True for a name pattern such as {@code gpu.flops_*}: any name that starts with what precedes the star. */
    public static boolean isPrefix(String name) {
        return name.endsWith("*");
    }

    /** True when {@code name} is {@code pattern} or, for a prefix pattern, starts with its prefix. */
    public static boolean matches(String pattern, String name) {
        return isPrefix(pattern) ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(name);
    }
}

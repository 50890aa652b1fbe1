package llmcap.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything one run of the rules produced, each quantity with its derivation, in the order made. */
public final class Estimate {

    private final Map<String, Derivation> byName;

    Estimate(Map<String, Derivation> byName) {
        this.byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** An estimate made of these derivations, in this order: a report's fixture built by hand, a tool's import. */
    public static Estimate of(java.util.List<Derivation> derivations) {
        Map<String, Derivation> byName = new LinkedHashMap<>();
        for (Derivation d : derivations) {
            if (byName.put(d.name(), d) != null) {
                throw new IllegalArgumentException(d.name() + " is given twice");
            }
        }
        return new Estimate(byName);
    }

    public Optional<Derivation> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Double> value(String name) {
        return get(name).filter(d -> !d.isSetting()).map(d -> d.quantity().value());
    }

    /** The word a setting holds, e.g. {@code bf16}. */
    public Optional<String> setting(String name) {
        return get(name).filter(Derivation::isSetting).map(d -> d.setting().value());
    }

    public Collection<Derivation> all() {
        return byName.values();
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** Quantities computed by formula rules. */
    public List<Derivation> derived() {
        return byName.values().stream().filter(d -> !d.isSetting() && !d.origin().isAssumption()).toList();
    }

    /** Numeric leaves: catalog figures, scenario values, {@code --set} values and default rules. */
    public List<Derivation> assumptions() {
        return byName.values().stream().filter(d -> !d.isSetting() && d.origin().isAssumption()).toList();
    }

    /** Every setting (a named choice such as a data type), given or derived. */
    public List<Derivation> settings() {
        return byName.values().stream().filter(Derivation::isSetting).toList();
    }

    /** True when some rule read {@code name} to compute something. */
    public boolean isRead(String name) {
        Set<String> out = read;
        if (out == null) { // reports ask this of every assumption and headline figure: gather the inputs once
            out = new java.util.HashSet<>();
            for (Derivation d : byName.values()) {
                out.addAll(d.inputs());
            }
            read = out;
        }
        return out.contains(name);
    }

    /** Every name some derivation lists among its inputs, made when first asked (an estimate never changes). */
    private volatile Set<String> read;
}

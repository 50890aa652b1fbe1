package llmcap.engine;

import java.util.List;

/**
 * One place where a rule names a quantity or setting, found by Drools' parser: what the rule does with
 * it ({@link Kind}), at which file and line. The index and the checks of {@code rules --check} are made
 * from these.
 *
 * @param kind     what the rule does with the name
 * @param setting  the name is a {@code Setting} (a word), not a {@code Quantity} (a number)
 * @param name     the quantity or setting; a prefix pattern such as {@code gpu.flops_*} for a name the
 *                 rule builds ({@code "gpu.flops_" + $dtype}); for {@link Kind#ANNOTATION}, the annotation
 * @param unit     for a derived quantity or a {@code unit == "..."} test, the unit written; else ""
 * @param values   the values compared with ({@link Kind#COMPARE}), declared ({@link Kind#DECLARE}) or
 *                 inserted as a literal ({@link Kind#DERIVE} of a setting)
 * @param excluded a comparison with {@code !=} or {@code not in}: the values listed are refused
 * @param from     a setting derived from another one's value ({@code new Setting("checkpoint.dtype", $dtype)}
 *                 where {@code $dtype} is {@code inference.weight_dtype}'s value): that setting, else ""
 */
record Mention(Kind kind, boolean setting, String name, String rule, String file, int line, String unit,
               List<String> values, boolean excluded, String from) {

    enum Kind {
        /** A condition needs the fact: {@code Quantity(name == "x")}, also inside exists, accumulate, or. */
        READ,
        /** A condition needs it missing: {@code not Quantity(name == "x")}; the name is an input with a default. */
        ABSENT,
        /** The action inserts it: {@code insert(new Quantity("x", ..., "unit"))}. */
        DERIVE,
        /** A condition compares its value: {@code Setting(name == "x", value in ("a", "b"))}. */
        COMPARE,
        /** A condition states its unit: {@code Quantity(name == "x", unit == "GPU")}. */
        UNIT,
        /** A condition tests {@code value <= 0} (or {@code < 0}): the quantity is a signed difference. */
        SIGNED,
        /** {@code @values(...)} on the rule that gives it: the values it may take. */
        DECLARE,
        /** An annotation of the rule ({@code @optional}), kept so a misspelt one can be named. */
        ANNOTATION,
        /** {@code @range(LOW, HIGH[, whole])} on the rule that gives it: its valid values (as {@code values}). */
        RANGE
    }

    Mention {
        values = List.copyOf(values);
    }

    static Mention of(Kind kind, boolean setting, String name, RuleInfo rule, int line) {
        return new Mention(kind, setting, name, rule.name(), rule.file(), line, "", List.of(), false, "");
    }

    Mention withUnit(String u) {
        return new Mention(kind, setting, name, rule, file, line, u, values, excluded, from);
    }

    Mention withValues(List<String> v, boolean refused) {
        return new Mention(kind, setting, name, rule, file, line, unit, v, refused, from);
    }

    Mention from(String setting) {
        return new Mention(kind, this.setting, name, rule, file, line, unit, values, excluded, setting);
    }

    /** {@code rules/serving.drl:42}. */
    String where() {
        return file + ":" + line;
    }
}

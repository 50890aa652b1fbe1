package llmcap.domain;

import java.util.Objects;

/**
 * Where a number came from: a rule (with file and line), or for a leaf the catalog entry, the
 * scenario line or the command-line option that set it.
 *
 * @param kind   what sort of place
 * @param where  the place itself: {@code rules/serving.drl:40}, {@code catalog/gpus.yaml#a100-80gb-sxm},
 *               {@code catalog/scenarios/chatgpt-2023-01.yaml:12} or {@code --set}
 * @param rule   the rule's name for {@link Kind#RULE} and {@link Kind#DEFAULT_RULE}, else null
 * @param source the citation behind a catalog or scenario figure (paper, datasheet, date), else null
 */
public record Origin(Kind kind, String where, String rule, String source) {

    public enum Kind {
        /** Derived by a formula rule from other quantities. */
        RULE,
        /** Set by a rule that reads no other quantity (at most settings): a default assumption. */
        DEFAULT_RULE,
        /** A figure of the chosen catalog entry. */
        CATALOG,
        /** A value stated by the scenario file. */
        SCENARIO,
        /** A value given with {@code --set}. */
        COMMAND_LINE
    }

    public Origin {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(where, "where must not be null");
    }

    public static Origin rule(String rule, String where, boolean readsNoQuantity) {
        return new Origin(readsNoQuantity ? Kind.DEFAULT_RULE : Kind.RULE, where, rule, null);
    }

    public static Origin catalog(String file, String entryId, String source) {
        return new Origin(Kind.CATALOG, file + "#" + entryId, null, source);
    }

    public static Origin scenario(String file, int line, String source) {
        return new Origin(Kind.SCENARIO, file + ":" + line, null, source);
    }

    public static Origin commandLine(String option) {
        return new Origin(Kind.COMMAND_LINE, option, null, null);
    }

    /** True for every origin that is not a formula: the leaves of a derivation tree. */
    public boolean isAssumption() {
        return kind != Kind.RULE;
    }

    /** One phrase for reports: {@code rule "x" rules/a.drl:3}, {@code default rule "x" ...}, or the place. */
    public String describe() {
        return switch (kind) {
            case RULE -> "rule \"" + rule + "\" " + where;
            case DEFAULT_RULE -> "default rule \"" + rule + "\" " + where;
            case CATALOG -> where;
            case SCENARIO -> "scenario " + where;
            case COMMAND_LINE -> where;
        };
    }
}

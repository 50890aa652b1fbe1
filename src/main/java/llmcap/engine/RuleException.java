package llmcap.engine;

import java.util.List;

/**
 * The rules cannot be used or did not run to a trustworthy end: a DRL error (one line per error, for
 * every broken file), a failing rule, a conflict between rules, or rules that never stop firing.
 * Every line names the file and line of the rule concerned.
 *
 * <p>{@link #blame()} says what is wrong when an action fails on values the user gave and nothing else:
 * a word-valued setting no rule knows (a data type {@code bf17}) is a mistake in the command line or the
 * scenario that gave it, not in the rules.
 */
public final class RuleException extends RuntimeException {

    /** Where the mistake is. */
    public enum Blame {
        /** In the rules (or no one thing can be blamed). */
        RULES,
        /** In a value given on the command line ({@code --set}, {@code --vary}). */
        COMMAND_LINE,
        /** In a value a scenario file gives. */
        SCENARIO
    }

    private final List<String> lines;
    private final Blame blame;

    public RuleException(List<String> lines) {
        this(lines, Blame.RULES);
    }

    public RuleException(String line) {
        this(List.of(line));
    }

    RuleException(List<String> lines, Blame blame) {
        super(String.join("\n", lines), null, false, false);
        this.lines = List.copyOf(lines);
        this.blame = blame;
    }

    public List<String> lines() {
        return lines;
    }

    public Blame blame() {
        return blame;
    }
}

package llmcap.engine;

import java.util.List;

/**
 * The rules cannot be used or did not run to a trustworthy end: a DRL error (one line per error, for
 * every broken file), a failing rule, a conflict between rules, or rules that never stop firing.
 * Every line names the file and line of the rule concerned.
 */
public final class RuleException extends RuntimeException {

    private final List<String> lines;

    public RuleException(List<String> lines) {
        super(String.join("\n", lines), null, false, false);
        this.lines = List.copyOf(lines);
    }

    public RuleException(String line) {
        this(List.of(line));
    }

    public List<String> lines() {
        return lines;
    }
}

package llmcap.engine;

import java.util.List;
import llmcap.domain.Input;

/** Fires a rule book against a set of inputs and returns every quantity with its derivation. */
public final class Engine {

    /** Far above what any sane rule set needs (the bundled rules fire well under two hundred times). */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;

    private final RuleBook book;
    private final int firingLimit;

    public Engine(RuleBook book) {
        this(book, DEFAULT_FIRING_LIMIT);
    }

    public Engine(RuleBook book, int firingLimit) {
        this.book = book;
        this.firingLimit = firingLimit;
    }

    public Estimate run(List<Input> inputs) {
        try (IncrementalSession s = open(inputs)) {
            return s.estimate();
        }
    }

    /** A session to apply many neighbouring input sets to (sweeps, samples, sensitivity). */
    public IncrementalSession open(List<Input> inputs) {
        return new IncrementalSession(book, inputs, firingLimit);
    }
}

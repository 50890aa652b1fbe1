package llmcap.engine;

import java.time.Duration;
import java.util.List;
import llmcap.domain.Input;

/** Fires a rule book against a set of inputs and returns every quantity with its derivation. */
public final class Engine {

    /** Far above what any sane rule set needs (the bundled rules fire well under two hundred times). */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;
    /** Far above any sane firing (a whole estimate fires in well under a second, cold). */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    private final RuleBook book;
    private final int firingLimit;
    private final Duration timeLimit;

    public Engine(RuleBook book) {
        this(book, DEFAULT_FIRING_LIMIT);
    }

    public Engine(RuleBook book, int firingLimit) {
        this(book, firingLimit, DEFAULT_TIME_LIMIT);
    }

    /** {@code timeLimit}: the wall-clock limit of one firing (an estimate, or one step of a sweep). */
    public Engine(RuleBook book, int firingLimit, Duration timeLimit) {
        this.book = book;
        this.firingLimit = firingLimit;
        this.timeLimit = timeLimit;
    }

    /**
     * What to do when an action runs past the time limit and cannot be stopped (Java 20 and later): the
     * process must end; {@code handler} gets the one-line message naming the rule.
     */
    public static void whenStuck(java.util.function.Consumer<String> handler) {
        Watchdog.whenStuck(handler);
    }

    /**
     * Every quantity {@code inputs} lead to. A session kept from an earlier estimate of the same rules and
     * the same model, GPU and scenario ({@link RuleBook#signature}) is reused when the inputs only change
     * values of its own
     * ({@link IncrementalSession#reusableFor}): {@link IncrementalSession#apply} re-fires only what they
     * reach (a server answering one changed assumption after another does little work), and gives what
     * a fresh session gives. Should it fail, the session is dropped and a fresh one answers, so an error
     * always reads as it would from a fresh run.
     */
    public Estimate run(List<Input> inputs) {
        int signature = RuleBook.signature(inputs);
        IncrementalSession kept = book.borrow(signature, inputs, firingLimit, timeLimit);
        if (kept != null) {
            try {
                kept.apply(inputs);
                Estimate e = kept.estimate();
                book.giveBack(signature, kept);
                return e;
            } catch (RuntimeException e) {
                kept.close(); // its state is unknown now
            }
        }
        IncrementalSession s = open(inputs);
        Estimate e = s.estimate();
        book.giveBack(signature, s);
        return e;
    }

    /** A session to apply many neighbouring input sets to (sweeps, samples, sensitivity). */
    public IncrementalSession open(List<Input> inputs) {
        return new IncrementalSession(book, inputs, firingLimit, timeLimit);
    }
}

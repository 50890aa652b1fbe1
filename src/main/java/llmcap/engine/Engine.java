package llmcap.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import llmcap.domain.Input;
import llmcap.domain.Fact;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/** Fires a rule book against a set of inputs and returns every quantity with its derivation. */
public final class Engine {

    /** Far above what any sane rule set needs (the bundled rules fire well under a hundred times). */
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
        Recorder recorder = new Recorder(book.index());
        KieSession session = book.kieBase().newKieSession();
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
            for (Input in : inputs) {
                recorder.input(new Derivation(in.fact(), in.origin(), List.of()));
                session.insert(in.fact());
            }
            int fired;
            try {
                fired = session.fireAllRules(firingLimit);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // LinkageError: some Drools operators (e.g. str[startsWith] in 10.2) fail to link at run time.
                throw actionFailed(recorder, e);
            }
            if (recorder.conflict() != null) {
                throw new RuleException(recorder.conflict());
            }
            if (fired >= firingLimit) {
                throw runaway(recorder);
            }
            return new Estimate(recorder.derivations());
        } finally {
            session.dispose();
        }
    }

    private RuleException actionFailed(Recorder recorder, Throwable e) {
        Match m = recorder.lastStarted();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass() == IllegalArgumentException.class ? root.getMessage()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        if (m == null) {
            return new RuleException("rules: the session failed: " + cause.replaceAll("\\s+", " "));
        }
        String matched = m.getObjects().stream().filter(o -> o instanceof Fact)
                .map(o -> Facts.describe((Fact) o)).collect(Collectors.joining(", "));
        return new RuleException(recorder.where(m) + ": rule \"" + m.getRule().getName() + "\" failed: "
                + cause.replaceAll("\\s+", " ") + (matched.isEmpty() ? "" : " (matched: " + matched + ")"));
    }

    private RuleException runaway(Recorder recorder) {
        String top = recorder.firings().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(3)
                .map(e -> "\"" + e.getKey() + "\" " + e.getValue() + " times")
                .collect(Collectors.joining(", "));
        return new RuleException("rules: stopped after " + firingLimit + " rule firings without finishing; "
                + "the rules that kept firing: " + top + " (a rule whose action re-enables its own conditions loops)");
    }
}

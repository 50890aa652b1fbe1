package llmcap.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import llmcap.domain.Fact;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/**
 * A session kept open across many neighbouring estimates (a sweep, samples, a sensitivity run).
 * {@link #apply} changes some inputs: the facts derived from them (found through the recorded
 * provenance, including facts whose rule needed one of them absent) are deleted, the new inputs
 * inserted, and only the rules that match the new facts fire again. Everything else is reused.
 * A test checks that this gives exactly what a fresh session gives.
 */
public final class IncrementalSession implements AutoCloseable {

    private final int firingLimit;
    private final KieSession session;
    private final Recorder recorder;
    private final Watchdog.Watch watch;
    private final Map<String, Input> current = new HashMap<>();
    /** Facts a rule had derived that an input now replaces: when the input goes, their rule must run again. */
    private final Map<String, Derivation> replaced = new HashMap<>();

    /** The limits it fires under: a kept session is reused only by an engine with the same. */
    final java.time.Duration timeLimit;

    public IncrementalSession(RuleBook book, List<Input> inputs, int firingLimit, java.time.Duration timeLimit) {
        this.firingLimit = firingLimit;
        this.timeLimit = timeLimit;
        this.recorder = new Recorder(book.index());
        this.session = book.kieBase().newKieSession();
        this.watch = Watchdog.watch(session, recorder, timeLimit);
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        try {
            for (Input in : inputs) {
                insert(in);
            }
            fire();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Makes {@code inputs} the whole set of inputs (as if a fresh session had been given them). */
    public void apply(List<Input> inputs) {
        Map<String, Input> next = new HashMap<>(inputs.size() * 2);
        for (Input in : inputs) {
            next.put(in.fact().name(), in);
        }
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, Input> e : next.entrySet()) {
            if (!e.getValue().equals(current.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String name : current.keySet()) {
            if (!next.containsKey(name)) {
                changed.add(name);
            }
        }
        replace(changed, next);
    }

    /**
     * Replaces the inputs named in {@code changes} (adding any that are new), keeping all others:
     * the cheap path when the caller knows what changed.
     */
    public void update(List<Input> changes) {
        Map<String, Input> next = new HashMap<>(changes.size() * 2);
        Set<String> changed = new HashSet<>();
        for (Input in : changes) {
            if (!in.equals(current.get(in.fact().name()))) {
                next.put(in.fact().name(), in);
                changed.add(in.fact().name());
            }
        }
        replace(changed, next);
    }

    private void replace(Set<String> changed, Map<String, Input> next) {
        if (changed.isEmpty()) {
            return;
        }
        for (String name : recorder.cone(changed, current::containsKey)) {
            delete(name);
        }
        List<String> restore = new java.util.ArrayList<>();
        for (String name : changed) {
            // The name may be held by an input, or by a rule (a default) that the new input replaces.
            Derivation was = recorder.derivations().get(name);
            if (was != null && !current.containsKey(name) && !was.inputs().isEmpty()) {
                replaced.put(name, was);
            }
            current.remove(name);
            delete(name);
            Input in = next.get(name);
            if (in != null) {
                insert(in);
            } else if (replaced.containsKey(name)) {
                restore.add(name);
            }
        }
        // A rule that had derived a now-removed input's name fired before on facts that have not changed,
        // so Drools would not fire it again: touching those facts makes it.
        for (String name : restore) {
            for (String in : replaced.remove(name).inputs()) {
                var handle = recorder.handle(in);
                if (handle != null) {
                    session.update(handle, recorder.derivations().get(in).fact());
                }
            }
        }
        recorder.resetFirings();
        fire();
    }

    public Optional<Derivation> get(String name) {
        return Optional.ofNullable(recorder.derivations().get(name));
    }

    /** A snapshot of everything derived so far. */
    public Estimate estimate() {
        return new Estimate(recorder.derivations());
    }

    /**
     * True when {@link #apply}{@code (inputs)} is sure to give what a fresh session gives: no new input
     * stands in for a figure a rule derived here (a fresh session would fire that rule too and report
     * the clash; this one fired it before the input came), and no input goes whose name a rule could
     * derive. Sweeps, samples and sensitivity vary inputs that stay inputs; a server's next question may
     * not.
     */
    boolean reusableFor(List<Input> inputs, RuleIndex index) {
        Set<String> next = new HashSet<>(inputs.size() * 2);
        for (Input in : inputs) {
            String name = in.fact().name();
            next.add(name);
            if (!current.containsKey(name) && recorder.derivations().containsKey(name)) {
                return false;
            }
        }
        for (String name : current.keySet()) {
            if (!next.contains(name) && !index.makers(name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** True when it fires under these limits. */
    boolean firesUnder(int firingLimit, java.time.Duration timeLimit) {
        return this.firingLimit == firingLimit && this.timeLimit.equals(timeLimit);
    }

    @Override
    public void close() {
        watch.close();
        session.dispose();
    }

    private void insert(Input in) {
        current.put(in.fact().name(), in);
        recorder.input(new Derivation(in.fact(), in.origin(), List.of()), session.insert(in.fact()));
    }

    private void delete(String name) {
        var handle = recorder.handle(name);
        if (handle == null) {
            return;
        }
        recorder.forget(name);
        session.delete(handle);
    }

    private void fire() {
        int fired;
        try {
            watch.start();
            fired = session.fireAllRules(firingLimit);
            watch.end();
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError | ThreadDeath e) {
            // LinkageError: some Drools operators (e.g. str[startsWith] in 10.2) fail to link at run time.
            // ThreadDeath: the watchdog stopped an action that ran past the time limit.
            watch.end();
            if (watch.expired()) {
                Thread.interrupted(); // the watchdog's interrupt is spent
                throw new RuleException(watch.message());
            }
            if (e instanceof ThreadDeath t) {
                throw t;
            }
            throw actionFailed(e);
        }
        if (watch.expired()) { // halted between two firings
            Thread.interrupted();
            throw new RuleException(watch.message());
        }
        if (recorder.conflict() != null) {
            String c = recorder.conflict();
            recorder.clearConflict();
            throw new RuleException(c);
        }
        if (fired >= firingLimit) {
            throw runaway();
        }
    }

    private RuleException actionFailed(Throwable e) {
        Match m = recorder.lastStarted();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = describe(root);
        if (m == null) {
            return new RuleException("rules: the session failed: " + cause.replaceAll("\\s+", " "));
        }
        String matched = m.getObjects().stream().filter(o -> o instanceof Fact)
                .map(o -> Facts.describe((Fact) o)).collect(Collectors.joining(", "));
        String rule = recorder.where(m) + ": rule \"" + m.getRule().getName() + "\"";
        String why = cause.replaceAll("\\s+", " ");
        List<Derivation> given = givenSettings(m);
        if (!given.isEmpty()) { // the action failed on words the user gave, and on nothing else
            Origin.Kind kind = given.get(0).origin().kind();
            String values = given.stream().map(d -> kind == Origin.Kind.COMMAND_LINE ? d.origin().where()
                    : d.origin().where() + ": " + Facts.describe(d.fact())).collect(Collectors.joining(", "));
            return new RuleException(List.of(values + ": " + why + " (" + rule + ")"),
                    kind == Origin.Kind.COMMAND_LINE ? RuleException.Blame.COMMAND_LINE : RuleException.Blame.SCENARIO);
        }
        return new RuleException(rule + " failed: " + why + (matched.isEmpty() ? "" : " (matched: " + matched + ")"));
    }

    /**
     * The inputs behind every fact {@code m} matched, when all of them are settings given in one place, on
     * the command line or in a scenario file (followed through the rules that derived the matched facts);
     * else none. A setting is a word only the rules can check: when an action fails on such words alone,
     * the word is the mistake.
     */
    private List<Derivation> givenSettings(Match m) {
        java.util.Map<String, Derivation> leaves = new java.util.LinkedHashMap<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>();
        m.getObjects().stream().filter(o -> o instanceof Fact).forEach(o -> todo.add(((Fact) o).name()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Derivation d = recorder.derivations().get(name);
            if (!seen.add(name) || d == null) {
                continue;
            }
            if (current.containsKey(name)) {
                leaves.put(name, d);
            } else if (d.inputs().isEmpty()) {
                return List.of(); // a rule's own constant: not the user's
            } else {
                todo.addAll(d.inputs());
            }
        }
        List<Derivation> out = List.copyOf(leaves.values());
        boolean oneKind = !out.isEmpty() && out.stream().allMatch(d -> d.isSetting()
                && d.origin().kind() == out.get(0).origin().kind());
        Origin.Kind kind = out.isEmpty() ? null : out.get(0).origin().kind();
        return oneKind && (kind == Origin.Kind.COMMAND_LINE || kind == Origin.Kind.SCENARIO) ? out : List.of();
    }

    /** What went wrong in an action, in words: its message, never the name of a Java class. */
    private static String describe(Throwable t) {
        if (t.getMessage() != null && !t.getMessage().isBlank() && !(t instanceof OutOfMemoryError)) {
            return t.getMessage();
        }
        if (t instanceof ArithmeticException) {
            return "an integer division by zero";
        }
        if (t instanceof NullPointerException) {
            return "a value that is not there (null) was used";
        }
        if (t instanceof StackOverflowError) {
            return "the action called itself without end";
        }
        if (t instanceof OutOfMemoryError) {
            return "the action ran out of memory (the Java heap holds at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB)";
        }
        if (t instanceof LinkageError) {
            return "Drools could not run an operator of this rule's conditions";
        }
        return "the action failed without saying why";
    }

    private RuleException runaway() {
        List<Map.Entry<String, Integer>> top = recorder.firings().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(3).toList();
        String names = top.stream().map(e -> "\"" + e.getKey() + "\" " + e.getValue() + " times")
                .collect(Collectors.joining(", "));
        String where = top.isEmpty() ? "rules" : recorder.whereOf(top.get(0).getKey());
        return new RuleException(where + ": stopped after " + firingLimit + " rule firings without finishing; "
                + "the rules that kept firing: " + names + " (a rule whose action re-enables its own conditions loops)");
    }

}

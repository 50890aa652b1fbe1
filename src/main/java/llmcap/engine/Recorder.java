package llmcap.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import llmcap.domain.Origin;
import llmcap.domain.Fact;
import llmcap.domain.Quantity;
import llmcap.domain.Unit;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Watches a session and records, for every quantity a rule inserts, the rule, its file and line and
 * the quantities the rule matched. Rule authors write nothing for this. It also stops the session
 * at the first conflict (one name, two values).
 */
final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final RuleIndex index;
    private final Map<String, Derivation> byName = new LinkedHashMap<>();
    private final Map<String, FactHandle> handles = new HashMap<>();
    /** name -> names derived from it, or derived by a rule that needs it absent: what changes when it does. */
    private final Map<String, Set<String>> dependents = new HashMap<>();
    /** name -> facts derived by a rule that needed the name absent: wrong once the name appears. */
    private final Map<String, Set<String>> absentDependents = new HashMap<>();
    /** The prefix patterns ({@code gpu.flops_*}) some rule's condition needed absent. */
    private final Set<String> prefixPatterns = new HashSet<>();
    /** name -> the names its current derivation depends on (read or needed absent): undone when it goes. */
    private final Map<String, Set<String>> premises = new HashMap<>();
    private final Set<String> inputs = new HashSet<>();
    private final Map<String, Integer> firings = new HashMap<>();
    private final Map<String, String> firedWhere = new HashMap<>();
    /** Rule facts looked up once per rule, not once per firing. */
    private final Map<org.kie.api.definition.rule.Rule, Optional<RuleInfo>> infos = new java.util.IdentityHashMap<>();
    /** The match whose action is running now, read by the watchdog's thread too. */
    private volatile Match current;
    private Match lastStarted;
    /** The values the running match bound, read once per firing when it inserts its first fact. */
    private Map<String, Object> bound;
    private String conflict;
    private boolean retracting;

    Recorder(RuleIndex index) {
        this.index = index;
    }

    void input(Derivation d, FactHandle handle) {
        byName.put(d.name(), d);
        handles.put(d.name(), handle);
        inputs.add(d.name());
    }

    FactHandle handle(String name) {
        return handles.get(name);
    }

    /**
     * Forgets a fact the session is about to delete, and what its derivation depended on: the next
     * derivation of the name (perhaps by another rule, from other facts) records its own.
     */
    void forget(String name) {
        byName.remove(name);
        handles.remove(name);
        inputs.remove(name);
        for (String p : premises.getOrDefault(name, Set.of())) {
            Set<String> d = dependents.get(p);
            if (d != null) {
                d.remove(name);
            }
            Set<String> a = absentDependents.get(p);
            if (a != null) {
                a.remove(name);
            }
        }
        premises.remove(name);
    }

    /**
     * Every fact derived, directly or not, from one of {@code names} (or from their absence). The walk
     * stops at inputs ({@code isInput}): an input stands whatever once derived its name.
     */
    Set<String> cone(Set<String> names, java.util.function.Predicate<String> isInput) {
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            for (String d : dependentsOf(todo.pop(), dependents)) {
                if (byName.containsKey(d) && !isInput.test(d) && out.add(d)) {
                    todo.push(d);
                }
            }
        }
        return out;
    }

    /**
     * A rule that needed {@code name} absent fired before {@code name} was derived (rules fire in an
     * order Drools chooses): what it derived, and everything derived from that, no longer holds and
     * goes, so the rules that hold now can fire in its place.
     */
    private void retractStale(String name, KieSession session) {
        Set<String> stale = new HashSet<>();
        for (String d : dependentsOf(name, absentDependents)) {
            if (byName.containsKey(d) && !inputs.contains(d)) {
                stale.add(d);
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        stale.addAll(cone(stale, inputs::contains));
        retracting = true; // the engine's own deletions, made while a rule's action runs
        try {
            for (String d : stale) {
                FactHandle h = handles.get(d);
                forget(d);
                if (h != null) {
                    session.delete(h);
                }
            }
        } finally {
            retracting = false;
        }
    }

    /**
     * What {@code map} lists under {@code name}, and under every prefix pattern ({@code gpu.flops_*},
     * from a condition that builds the name) that {@code name} matches.
     */
    private Set<String> dependentsOf(String name, Map<String, Set<String>> map) {
        Set<String> direct = map.getOrDefault(name, Set.of());
        Set<String> out = null;
        for (String pattern : prefixPatterns) {
            Set<String> more = map.get(pattern);
            if (more != null && RuleIndex.matches(pattern, name)) {
                if (out == null) {
                    out = new HashSet<>(direct);
                }
                out.addAll(more);
            }
        }
        return out == null ? direct : out;
    }

    void resetFirings() {
        firings.clear();
        lastStarted = null;
    }

    Map<String, Derivation> derivations() {
        return byName;
    }

    Map<String, Integer> firings() {
        return firings;
    }

    /** The match whose action is running (or ran last), for the watchdog. */
    Match running() {
        Match m = current;
        return m != null ? m : lastStarted;
    }

    /** The match whose action was running when the session stopped with an exception. */
    Match lastStarted() {
        return lastStarted;
    }

    String conflict() {
        return conflict;
    }

    void clearConflict() {
        conflict = null;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch();
        lastStarted = current;
        bound = null;
        if (firings.merge(current.getRule().getName(), 1, Integer::sum) == 1) {
            firedWhere.putIfAbsent(current.getRule().getName(), where(current));
        }
    }

    /** {@code rules/FILE.drl:LINE} of a rule that fired, by name. */
    String whereOf(String rule) {
        return firedWhere.getOrDefault(rule, "rules");
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current == null) {
            return; // inputs are recorded by the engine before it inserts them
        }
        if (!(event.getObject() instanceof Fact q)) {
            throw new IllegalStateException("inserted a " + event.getObject().getClass().getSimpleName() + ", which is not"
                    + " a Quantity or Setting; llmcap's rules derive only those, the facts it records and can retract");
        }
        List<String> inputs = new ArrayList<>();
        boolean readsQuantity = false;
        for (Object o : current.getObjects()) {
            if (o instanceof Fact in) {
                inputs.add(in.name());
                readsQuantity |= in instanceof Quantity;
            }
        }
        if (q instanceof Quantity n && n.value() < 0 && !Unit.of(n.unit()).canBeNegative() && !index.isSigned(n.name())) {
            throw new IllegalStateException(Facts.describe(n) + " is negative, and a count, size, rate or time in "
                    + n.unit() + " cannot be (no rule tests " + n.name() + " for a value <= 0, which would make it a"
                    + " signed difference)");
        }
        // A number computed from no other number (a constant, or a lookup of a setting such as a
        // data type) is an assumption, whichever rule states it; so is a choice made from nothing.
        // A choice made from other facts (a method picked by a setting) is derived.
        boolean assumption = q instanceof Quantity ? !readsQuantity : inputs.isEmpty();
        Origin origin = Origin.rule(current.getRule().getName(), where(current), assumption);
        if (bound == null) {
            bound = bindings(current);
        }
        Derivation d = new Derivation(q, origin, inputs, bound);
        Derivation earlier = byName.putIfAbsent(q.name(), d);
        if (earlier == null) {
            Set<String> mine = premises.computeIfAbsent(q.name(), k -> new HashSet<>());
            for (String in : inputs) {
                dependents.computeIfAbsent(in, k -> new HashSet<>()).add(q.name());
                mine.add(in);
            }
            info(current).ifPresent(r -> r.absent().forEach(a -> {
                if (RuleIndex.isPrefix(a)) {
                    prefixPatterns.add(a);
                }
                dependents.computeIfAbsent(a, k -> new HashSet<>()).add(q.name());
                mine.add(a);
                if (!a.equals(q.name())) { // a default's guard on its own output is no premise
                    absentDependents.computeIfAbsent(a, k -> new HashSet<>()).add(q.name());
                }
            }));
            handles.put(q.name(), event.getFactHandle());
            retractStale(q.name(), (KieSession) event.getKieRuntime());
        }
        if (earlier != null && conflict == null) {
            conflict = q.name() + " has two values: " + describe(earlier) + " but " + describe(d)
                    + "; a quantity must come from exactly one place";
            ((KieSession) event.getKieRuntime()).halt();
        }
    }

    /** Rules derive new facts; they never change one (an update from the engine itself comes outside a firing). */
    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        if (current != null) {
            throw new IllegalStateException("updated " + what(event.getObject()) + "; rules derive new facts, they never"
                    + " change one");
        }
    }

    /** Rules never delete a fact: the report would go on showing it, and a session reused by a sweep lose track. */
    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (current != null && !retracting) {
            throw new IllegalStateException("deleted " + what(event.getOldObject()) + "; rules derive new facts, they"
                    + " never delete one");
        }
    }

    private static String what(Object o) {
        return o instanceof Fact f ? f.name() : "a " + o.getClass().getSimpleName();
    }

    /** Each rule's declarations, asked of Drools once per rule (it builds the list anew at every call). */
    private final Map<org.kie.api.definition.rule.Rule, List<String>> declarations = new java.util.IdentityHashMap<>();

    /** The values a match bound to its declarations ({@code $x : value}): numbers, words and booleans. */
    private Map<String, Object> bindings(Match m) {
        List<String> ids = declarations.computeIfAbsent(m.getRule(), r -> List.copyOf(m.getDeclarationIds()));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> out = new HashMap<>(ids.size() * 2);
        for (String id : ids) {
            Object v;
            try {
                v = m.getDeclarationValue(id);
            } catch (RuntimeException e) {
                continue; // a binding Drools cannot give back: explain shows no arithmetic that needs it
            }
            if (v instanceof Number n) {
                out.put(id, n.doubleValue());
            } else if (v instanceof String || v instanceof Boolean) {
                out.put(id, v);
            }
        }
        return Map.copyOf(out);
    }

    String where(Match m) {
        return info(m).map(RuleInfo::where).orElse(m.getRule().getPackageName() + " (file unknown)");
    }

    private Optional<RuleInfo> info(Match m) {
        return infos.computeIfAbsent(m.getRule(), r -> index.rule(r.getPackageName(), r.getName()));
    }

    private static String describe(Derivation d) {
        return d.origin().describe() + " gives " + Facts.describe(d.fact());
    }
}

package llmcap.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import llmcap.domain.Origin;
import llmcap.domain.Fact;
import llmcap.domain.Quantity;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/**
 * Watches a session and records, for every quantity a rule inserts, the rule, its file and line and
 * the quantities the rule matched. Rule authors write nothing for this. It also stops the session
 * at the first conflict (one name, two values).
 */
final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final RuleIndex index;
    private final Map<String, Derivation> byName = new LinkedHashMap<>();
    private final Map<String, Integer> firings = new HashMap<>();
    private Match current;
    private Match lastStarted;
    private String conflict;

    Recorder(RuleIndex index) {
        this.index = index;
    }

    void input(Derivation d) {
        byName.put(d.name(), d);
    }

    Map<String, Derivation> derivations() {
        return byName;
    }

    Map<String, Integer> firings() {
        return firings;
    }

    /** The match whose action was running when the session stopped with an exception. */
    Match lastStarted() {
        return lastStarted;
    }

    String conflict() {
        return conflict;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch();
        lastStarted = current;
        firings.merge(current.getRule().getName(), 1, Integer::sum);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current == null || !(event.getObject() instanceof Fact q)) {
            return; // inputs are recorded by the engine before it inserts them
        }
        List<String> inputs = new ArrayList<>();
        boolean readsQuantity = false;
        for (Object o : current.getObjects()) {
            if (o instanceof Fact in) {
                inputs.add(in.name());
                readsQuantity |= in instanceof Quantity;
            }
        }
        // A number computed from no other number (a constant, or a lookup of a setting such as a
        // data type) is an assumption, whichever rule states it.
        Origin origin = Origin.rule(current.getRule().getName(), where(current), !readsQuantity);
        Derivation d = new Derivation(q, origin, inputs);
        Derivation earlier = byName.putIfAbsent(q.name(), d);
        if (earlier != null && conflict == null) {
            conflict = q.name() + " has two values: " + describe(earlier) + " but " + describe(d)
                    + "; a quantity must come from exactly one place";
            ((KieSession) event.getKieRuntime()).halt();
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // quantities are immutable records; nothing to record
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // rules derive, they do not retract; nothing to record
    }

    String where(Match m) {
        return index.rule(m.getRule().getPackageName(), m.getRule().getName())
                .map(RuleInfo::where).orElse(m.getRule().getPackageName() + " (file unknown)");
    }

    private static String describe(Derivation d) {
        return d.origin().describe() + " gives " + Facts.describe(d.fact());
    }
}

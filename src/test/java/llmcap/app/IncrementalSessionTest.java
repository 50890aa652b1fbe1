package llmcap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import llmcap.domain.Setting;
import llmcap.engine.Derivation;
import llmcap.engine.Engine;
import llmcap.engine.Estimate;
import llmcap.engine.IncrementalSession;
import llmcap.engine.RuleException;
import org.junit.jupiter.api.Test;

/**
 * Sweeps, samples and sensitivity reuse one session and re-derive only what a change touches. This
 * checks, over random sequences of changes to the real rules and catalog, that the session always
 * holds exactly what a fresh session given the same inputs derives: same facts, same provenance.
 */
class IncrementalSessionTest {

    private static final List<String[]> MODELS_GPUS = List.of(new String[] {"gpt-3.5", "a100-80gb-sxm"},
            new String[] {"llama-2-70b", "h100-sxm"}, new String[] {"deepseek-v3", "h200"},
            new String[] {"mixtral-8x7b", "v100-sxm2-16gb"}, new String[] {"llama-3.1-8b", "mi300x"});

    @Test
    void randomChangesMatchAFreshSessionEveryTime() {
        Workspace w = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"),
                new Timings());
        var scenario = w.scenario("chatgpt-2023-01");
        Engine engine = new Engine(w.rules());
        Random random = new Random(20261129);
        int checks = 0;
        for (String[] mg : MODELS_GPUS) {
            var p = w.prepare(scenario, Optional.of(mg[0]), Optional.of(mg[1]), Map.of("serving.bounds", "throughput"));
            Estimate base = engine.run(p.inputs());
            List<Derivation> numbers = base.assumptions().stream().filter(d -> base.isRead(d.name())).toList();
            Map<String, Input> inputs = new LinkedHashMap<>();
            p.inputs().forEach(i -> inputs.put(i.fact().name(), i));
            IncrementalSession session = engine.open(p.inputs());
            List<String> log = new ArrayList<>();
            try {
                for (int step = 0; step < 100; step++) {
                    int op = random.nextInt(4);
                    try {
                        if (op == 0 || op == 1) { // change one number (an input, a catalog figure or a default)
                            Derivation d = numbers.get(random.nextInt(numbers.size()));
                            Input in = new Input(new Quantity(d.name(), d.quantity().value() * (0.5 + random.nextDouble()),
                                    d.quantity().unit()), Origin.commandLine("test"));
                            inputs.put(d.name(), in);
                            log.add("set " + in.fact());
                            session.update(List.of(in));
                        } else if (op == 2) { // change a setting
                            String dtype = List.of("fp32", "bf16", "int8", "int4").get(random.nextInt(4));
                            Input in = new Input(new Setting("inference.weight_dtype", dtype), Origin.commandLine("test"));
                            inputs.put(in.fact().name(), in);
                            log.add("set " + in.fact());
                            session.update(List.of(in));
                        } else { // back to the prepared inputs: what was overridden comes back from its rule
                            inputs.clear();
                            p.inputs().forEach(i -> inputs.put(i.fact().name(), i));
                            log.add("restore");
                            session.apply(p.inputs());
                        }
                    } catch (RuleException e) {
                        // a value the rules refuse (e.g. a ZeRO stage of 2.4): both ways must refuse it; start over
                        assertRefusedFresh(engine, inputs);
                        session.close();
                        inputs.clear();
                        p.inputs().forEach(i -> inputs.put(i.fact().name(), i));
                        session = engine.open(p.inputs());
                        continue;
                    }
                    assertSame(engine.run(new ArrayList<>(inputs.values())), session.estimate(), mg,
                            step + " after " + log.subList(Math.max(0, log.size() - 4), log.size()));
                    checks++;
                }
            } finally {
                session.close();
            }
        }
        System.out.println("IncrementalSessionTest: " + checks + " incremental states compared with fresh sessions");
    }

    /**
     * Swapping the GPU in one session (as a sweep over GPUs does) adds and removes catalog facts that
     * rules look up by a built name ({@code family.serving_compute_efficiency_ + dtype}) or need absent:
     * every state must equal a fresh session's, in both directions.
     */
    @Test
    void swappingGpusBackAndForthMatchesFreshSessions() {
        Workspace w = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"),
                new Timings());
        var scenario = w.scenario("chatgpt-2023-01");
        Engine engine = new Engine(w.rules());
        List<String> gpus = List.of("a100-80gb-sxm", "h100-sxm", "a100-80gb-sxm", "l40s", "h100-sxm", "mi300x", "a100-80gb-sxm");
        for (String dtype : List.of("bf16", "fp8")) {
            Map<String, String> sets = Map.of("inference.weight_dtype", dtype);
            IncrementalSession session = null;
            try {
                for (String gpu : gpus) {
                    var p = w.prepare(scenario, Optional.of("llama-2-70b"), Optional.of(gpu), sets);
                    if (session == null) {
                        session = engine.open(p.inputs());
                    } else {
                        session.apply(p.inputs());
                    }
                    assertSame(engine.run(p.inputs()), session.estimate(), new String[] {"llama-2-70b", gpu}, dtype);
                }
            } finally {
                if (session != null) {
                    session.close();
                }
            }
        }
    }

    private static void assertRefusedFresh(Engine engine, Map<String, Input> inputs) {
        try {
            engine.run(new ArrayList<>(inputs.values()));
            fail("the session refused inputs that a fresh session accepts: " + inputs.keySet());
        } catch (RuleException expected) {
            // both refuse
        }
    }

    private static void assertSame(Estimate fresh, Estimate incremental, String[] mg, String step) {
        String where = mg[0] + " on " + mg[1] + ", step " + step;
        java.util.Set<String> missing = new java.util.TreeSet<>(fresh.names());
        missing.removeAll(incremental.names());
        java.util.Set<String> extra = new java.util.TreeSet<>(incremental.names());
        extra.removeAll(fresh.names());
        assertEquals("", (missing.isEmpty() ? "" : "missing " + missing) + (extra.isEmpty() ? "" : " extra " + extra), where);
        for (Derivation d : fresh.all()) {
            Derivation i = incremental.get(d.name()).orElseThrow();
            assertEquals(d.fact(), i.fact(), where + ": " + d.name());
            assertEquals(d.origin(), i.origin(), where + ": origin of " + d.name());
            assertEquals(new java.util.TreeSet<>(d.inputs()), new java.util.TreeSet<>(i.inputs()), where + ": inputs of " + d.name());
        }
    }
}

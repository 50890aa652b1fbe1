package llmcap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import llmcap.app.Folder;
import llmcap.app.Timings;
import llmcap.app.Validation;
import llmcap.app.Workspace;
import llmcap.catalog.ValidationCase;
import llmcap.domain.Origin;
import llmcap.engine.Consequences;
import llmcap.engine.Derivation;
import llmcap.engine.Engine;
import llmcap.engine.Estimate;
import llmcap.engine.Expr;
import llmcap.engine.RuleInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code explain}'s arithmetic on every rule of {@code rules/}: over the validation cases and a set of
 * runs chosen so that every rule that computes something fires, each derived number's arithmetic is
 * shown, its values are the figures the rule read, and computing it again gives the recorded number.
 */
class ArithmeticTest {

    /** Model, GPU and settings of the runs beyond the validation cases, each reaching rules the others do not. */
    private static final List<Object[]> RUNS = List.of(
            new Object[] {"gpt-3.5", "h100-sxm", Map.of()},
            new Object[] {"llama-2-70b", "h100-sxm", Map.of("serving.tpot_target_s", "0.05", "serving.ttft_target_s", "1",
                "serving.requests_per_s", "50", "training.zero_stage", "3", "training.cluster_gpus", "2048")},
            new Object[] {"deepseek-v3", "h200", Map.of("training.expert_parallel", "8")},
            new Object[] {"mixtral-8x7b", "v100-sxm2-16gb", Map.of("serving.requests_per_user", "10",
                "training.zero_stage", "2", "training.recompute", "none", "training.sequence_parallel", "no")},
            new Object[] {"llama-3.1-8b", "mi300x", Map.of("training.recompute", "none",
                "serving.attention_kernel", "per-query-head")},
            new Object[] {"llama-2-13b", "a100-80gb-sxm", Map.of("training.sequence_parallel", "no")});

    private static Workspace workspace;
    private static Consequences actions;
    private static final List<Estimate> ESTIMATES = new ArrayList<>();

    @BeforeAll
    static void runEverything() {
        workspace = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"),
                new Timings());
        actions = workspace.rules().consequences();
        for (ValidationCase c : new Validation(workspace).cases()) {
            ESTIMATES.add(workspace.estimate(c.scenario(), Optional.empty(), Optional.empty(), Map.of()).estimate());
        }
        var scenario = workspace.scenario("chatgpt-2023-01");
        for (Object[] run : RUNS) {
            @SuppressWarnings("unchecked")
            Map<String, String> sets = (Map<String, String>) run[2];
            ESTIMATES.add(workspace.estimate(scenario, Optional.of((String) run[0]), Optional.of((String) run[1]), sets)
                    .estimate());
        }
        // A model that does not publish its head size: the KV cache's head size from hidden size / heads.
        var p = workspace.prepare(scenario, Optional.of("llama-2-70b"), Optional.of("h100-sxm"), Map.of());
        ESTIMATES.add(new Engine(workspace.rules()).run(p.inputs().stream()
                .filter(i -> !i.fact().name().equals("model.head_dim")).toList()));
    }

    @Test
    void everyRuleThatComputesANumberShowsItsArithmetic() {
        Set<String> shown = new TreeSet<>();
        for (Estimate e : ESTIMATES) {
            for (Derivation d : e.all()) {
                if (!Arithmetic.lines(actions, e, d).isEmpty()) {
                    shown.add(d.origin().where() + " " + d.name());
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        for (RuleInfo r : workspace.rules().index().rules()) {
            actions.at(r.where()).ifPresent(a -> a.values().forEach((name, expr) -> {
                if (computes(expr) && !shown.contains(r.where() + " " + name)) {
                    missing.add(r.where() + " " + name + " (" + r.name() + ")");
                }
            }));
        }
        assertEquals(Set.of(), missing, "rules whose arithmetic was never shown");
    }

    @Test
    void theArithmeticUsesTheFiguresTheRuleReadAndGivesTheRecordedNumber() {
        int checked = 0;
        for (Estimate e : ESTIMATES) {
            for (Derivation d : e.all()) {
                List<String> lines = Arithmetic.lines(actions, e, d);
                if (lines.isEmpty()) {
                    continue;
                }
                Consequences.Action a = actions.at(d.origin().where()).orElseThrow();
                Expr expr = a.values().get(d.name());
                String last = lines.get(lines.size() - 1);
                assertTrue(last.endsWith(" = " + Show.fact(d)) || last.endsWith(": " + Show.fact(d)), last);
                for (String var : Expr.names(expr)) {
                    String read = a.boundTo().get(var);
                    if (read != null && d.bindings().get(var) instanceof Double v) {
                        // the value shown for $var is the figure of the quantity the rule's condition named
                        assertEquals(e.value(read).orElseThrow(), v, 0.0, d.name() + ": " + var + " = " + read);
                        assertTrue(d.inputs().contains(read), d.name() + " did not record " + read + " as an input");
                    }
                }
                if (!callsARuleFunction(expr)) {
                    Map<String, Object> env = new java.util.HashMap<>(d.bindings());
                    a.locals().forEach(l -> env.put(l.name(), Expr.evaluate(l.expression(), env)));
                    double again = ((Number) Expr.evaluate(expr, env)).doubleValue();
                    assertEquals(d.quantity().value(), again, Math.abs(d.quantity().value()) * 1e-12, d.name() + ": " + last);
                }
                checked++;
            }
        }
        assertTrue(checked > 1000, checked + " derivations checked");
    }

    @Test
    void anExpressionThatDoesNotGiveTheRecordedNumberIsNotShown() {
        Estimate e = ESTIMATES.get(0);
        Derivation real = e.all().stream().filter(d -> !Arithmetic.lines(actions, e, d).isEmpty()
                && d.origin().kind() == Origin.Kind.RULE && !callsARuleFunction(
                        actions.at(d.origin().where()).orElseThrow().values().get(d.name()))).findFirst().orElseThrow();
        Derivation wrong = new Derivation(new llmcap.domain.Quantity(real.name(), real.quantity().value() * 1.01 + 1,
                real.quantity().unit()), real.origin(), real.inputs(), real.bindings());
        assertEquals(List.of(), Arithmetic.lines(actions, e, wrong), real.name());
    }

    /** Not a constant or a copy: an expression with something to compute. */
    private static boolean computes(Expr e) {
        Expr u = e;
        while (u instanceof Expr.Group g) {
            u = g.inner();
        }
        return !(u instanceof Expr.Num || u instanceof Expr.Name || u instanceof Expr.Str);
    }

    private static boolean callsARuleFunction(Expr e) {
        if (e instanceof Expr.Call c && !c.function().startsWith("Math.")) {
            return true;
        }
        return Expr.children(e).stream().anyMatch(ArithmeticTest::callsARuleFunction);
    }
}

package llmcap.app;

import static llmcap.Derivations.byName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import llmcap.catalog.Scenario;
import llmcap.engine.Estimate;
import llmcap.engine.RuleException;
import org.junit.jupiter.api.Test;

/**
 * Engine.run reuses an idle session of the same rules (the server's case: one changed assumption after
 * another). Whatever the previous estimate was, the answer is exactly a fresh session's, derivation by
 * derivation, and an error reads as a fresh run's.
 */
class KeptSessionsTest {

    private final Workspace w = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"),
            new Timings());


    @Test
    void aKeptSessionAnswersAsAFreshOneWhateverCameBefore() {
        Scenario article = w.scenario(Selection.DEFAULT_SCENARIO);
        Scenario llama = w.scenario("chat-llama-3.1-70b-h100");
        List<Workspace.Prepared> asks = new ArrayList<>();
        asks.add(w.prepare(article, Optional.empty(), Optional.empty(), Map.of()));
        asks.add(w.prepare(article, Optional.empty(), Optional.empty(), Map.of("serving.peak_factor", "3")));
        asks.add(w.prepare(article, Optional.of("llama-3.1-405b"), Optional.of("h100-sxm"), Map.of()));
        asks.add(w.prepare(llama, Optional.empty(), Optional.empty(), Map.of()));
        asks.add(w.prepare(llama, Optional.empty(), Optional.empty(), Map.of("inference.weight_dtype", "bf16")));
        asks.add(w.prepare(llama, Optional.empty(), Optional.of("mi300x"), Map.of("serving.tpot_target_s", "0.005")));
        asks.add(w.prepare(article, Optional.of("mixtral-8x7b"), Optional.of("a100-80gb-sxm"),
                Map.of("training.tensor_parallel", "1", "training.pipeline_parallel", "1")));
        asks.add(w.prepare(article, Optional.empty(), Optional.empty(), Map.of()));
        // The same questions with other values set on top: a kept session of each is reused.
        asks.add(w.prepare(article, Optional.empty(), Optional.empty(), Map.of("serving.peak_factor", "8")));
        asks.add(w.prepare(llama, Optional.empty(), Optional.of("mi300x"), Map.of("serving.tpot_target_s", "0.05")));
        asks.add(w.prepare(llama, Optional.empty(), Optional.empty(), Map.of("inference.weight_dtype", "fp8")));
        asks.add(w.prepare(article, Optional.of("mixtral-8x7b"), Optional.of("a100-80gb-sxm"),
                Map.of("training.tensor_parallel", "2", "training.pipeline_parallel", "4")));
        for (int round = 0; round < 2; round++) {
            for (Workspace.Prepared p : asks) {
                Estimate kept = w.engine().run(p.inputs());
                Estimate fresh;
                try (var s = w.engine().open(p.inputs())) {
                    fresh = s.estimate();
                }
                assertEquals(byName(fresh), byName(kept), p.model() + " on " + p.gpu() + " " + p.sets());
            }
        }
    }

    @Test
    void anErrorAfterAGoodEstimateReadsAsAFreshRunsAndTheNextAnswerIsRight() {
        Scenario article = w.scenario(Selection.DEFAULT_SCENARIO);
        Workspace.Prepared good = w.prepare(article, Optional.empty(), Optional.empty(), Map.of());
        Estimate before = w.engine().run(good.inputs());
        Workspace.Prepared bad = w.prepare(article, Optional.empty(), Optional.empty(),
                Map.of("inference.gpus_per_replica", "1"));
        RuleException fresh = assertThrows(RuleException.class, () -> {
            try (var s = w.engine().open(bad.inputs())) {
                s.estimate();
            }
        });
        RuleException kept = assertThrows(RuleException.class, () -> w.engine().run(bad.inputs()));
        assertEquals(fresh.getMessage(), kept.getMessage());
        assertEquals(byName(before), byName(w.engine().run(good.inputs())));
    }
}

package llmcap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's notes follow what it asks (its kind): a serving question is not told about its training
 * run's cost, a training question not about serving traffic it never gave. The same gaps in a scenario
 * of kind both are all reported.
 */
class NotesFollowKindTest {

    @TempDir
    Path tmp;

    private final Workspace w = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"),
            "catalog"), new Timings());

    /** The A100 40GB PCIe has no rental price in the catalog: every cost is missing, with its reason. */
    private static final String NO_PRICE = "a100-40gb-pcie";

    private List<String> notes(String scenario) {
        Result r = w.estimate(new Selection(scenario, Optional.empty(), Optional.of(NO_PRICE), Map.of()));
        return r.notes().stream().filter(n -> n.startsWith("not derived")).toList();
    }

    private Path trainingScenario(String kind) throws IOException {
        return Files.writeString(tmp.resolve("train-" + kind + ".yaml"), """
                id: train
                title: Training Llama 3.1 70B in 60 days, no serving traffic given
                source: "test fixture"
                model: llama-3.1-70b
                gpu: h100-sxm
                kind: %s
                assumptions:
                  training.days: {value: 60, source: "the planner's deadline"}
                """.formatted(kind));
    }

    @Test
    void aServingScenarioGetsNoTrainingNotes() {
        List<String> notes = notes("chat-llama-3.1-70b-h100");
        assertTrue(notes.stream().anyMatch(n -> n.contains("cost.usd_per_million_tokens")
                && n.contains("gpu.rental_usd_per_hour")), "the serving cost's gap is named: " + notes);
        assertTrue(notes.stream().noneMatch(n -> n.contains("training")), "no training note: " + notes);
    }

    @Test
    void aTrainingScenarioGetsNoServingNotes() throws IOException {
        List<String> notes = notes(trainingScenario("training").toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("cost.training_run_usd")
                && n.contains("gpu.rental_usd_per_hour")), "the training cost's gap is named: " + notes);
        assertTrue(notes.stream().noneMatch(n -> n.contains("serving")), "no serving note: " + notes);
    }

    @Test
    void theSameGapsInAScenarioOfBothKindsAreAllNamed() throws IOException {
        List<String> notes = notes(trainingScenario("both").toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("serving.daily_users")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("cost.training_run_usd")), notes.toString());
        assertEquals(notes, List.copyOf(notes.stream().distinct().toList()));
    }
}

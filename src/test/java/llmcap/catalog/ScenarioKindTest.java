package llmcap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A scenario says what it asks about: serving, training or both (the default). */
class ScenarioKindTest {

    @Test
    void aKindIsReadCaseInsensitivelyAndSaysWhichHalvesItAsks() {
        assertEquals(Optional.of(Scenario.Kind.SERVING), Scenario.Kind.of("Serving"));
        assertEquals(Optional.of(Scenario.Kind.TRAINING), Scenario.Kind.of(" training "));
        assertEquals(Optional.empty(), Scenario.Kind.of("inference"));
        assertTrue(Scenario.Kind.SERVING.serving());
        assertFalse(Scenario.Kind.SERVING.training());
        assertTrue(Scenario.Kind.BOTH.serving() && Scenario.Kind.BOTH.training());
    }

    @Test
    void theBundledScenariosStateTheirKinds() {
        Catalog c = Catalog.load(Path.of("catalog"), "catalog");
        assertEquals(Scenario.Kind.BOTH, c.scenario("chatgpt-2023-01").kind(), "the article sizes serving and training");
        assertEquals(Scenario.Kind.SERVING, c.scenario("chat-llama-3.1-70b-h100").kind(),
                "a serving plan: no training run asked for");
    }
}

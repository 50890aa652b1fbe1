package llmcap.app;

import java.util.List;
import llmcap.catalog.Scenario;
import llmcap.engine.Estimate;

/** One estimate with what it was made from: scenario, model and GPU ids, and the folders read. */
public record Result(Scenario scenario, String model, String gpu, Estimate estimate, List<String> notes,
                     Folder rules, Folder catalog) {
    public Result {
        notes = List.copyOf(notes);
    }

    /** True when the published figures of the scenario are for exactly this model and GPU. */
    public boolean comparable() {
        return scenario.model().equals(model) && scenario.gpu().equals(gpu);
    }
}

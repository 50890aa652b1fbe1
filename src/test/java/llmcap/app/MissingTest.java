package llmcap.app;

import static llmcap.ArticleChain.SERVING_GPUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A figure the rules cannot reach is named with the input that nothing gave, not left silently blank. */
class MissingTest {

    @TempDir
    Path tmp;

    private Workspace workspaceWithGpuWithoutPrice() throws IOException {
        Path cat = tmp.resolve("catalog");
        Files.createDirectories(cat.resolve("scenarios"));
        Files.writeString(cat.resolve("gpus.yaml"), """
                gpus:
                  - id: g
                    name: A GPU without a rental price
                    memory_gb: 80
                    bandwidth_gb_per_s: 2000
                    dense_tflops: {bf16: 312}
                    source: test fixture
                """);
        Files.writeString(cat.resolve("models.yaml"), """
                models:
                  - id: m
                    name: A model
                    params: 175e9
                    training: {compute_pf_days: 3640, source: test fixture}
                    source: test fixture
                """);
        Files.writeString(cat.resolve("scenarios/s.yaml"), """
                id: s
                title: traffic only
                source: test fixture
                model: m
                gpu: g
                assumptions:
                  serving.daily_users: {value: 13e6, unit: user}
                  serving.chars_per_user: {value: 1000, unit: char/user}
                """);
        return new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(cat, "catalog"), new Timings());
    }

    @Test
    void costWithoutAPriceIsNamedWithTheMissingPrice() throws IOException {
        Workspace w = workspaceWithGpuWithoutPrice();
        Result r = w.estimate(new Selection("s", java.util.Optional.empty(), java.util.Optional.empty(), java.util.Map.of()));
        assertEquals(SERVING_GPUS, r.estimate().value("serving.gpus").orElseThrow()); // the rest still works
        List<String> notes = r.notes().stream().filter(n -> n.startsWith("not derived")).toList();
        List<String> cost = notes.stream().filter(n -> n.contains("cost.fleet_daily_usd")).toList();
        assertEquals(1, cost.size(), notes.toString());
        // The fleet's cost needs the price, and (through the training run's predicted MFU) the architecture.
        assertTrue(cost.get(0).endsWith("needs gpu.rental_usd_per_hour, model.attention_heads, model.hidden_size, model.layers,"
                + " which neither the catalog entry, the scenario nor --set gives"), cost.get(0));
        // The scenario names no reference model: the disk size by scaling is optional, not a gap.
        assertTrue(notes.stream().noneMatch(n -> n.contains("checkpoint.bytes")), notes.toString());
        // The model states no architecture: the throughput figures name the fields a multi-head model needs,
        // not the alternatives' (latent attention, a published head size) nor the optional latency targets;
        // the GPU states no interconnect, so tensor parallelism would run over PCIe (a stated default).
        List<String> arch = notes.stream().filter(n -> n.contains("serving.ttft_s")).toList();
        assertEquals(1, arch.size(), notes.toString());
        assertTrue(arch.get(0).endsWith("need model.attention_heads, model.hidden_size, model.layers, which neither the catalog entry,"
                + " the scenario nor --set gives"), arch.get(0));
        // training.tokens is absent too, but training.flops came from the published compute: no note.
        assertTrue(notes.stream().noneMatch(n -> n.contains("training.tokens")), notes.toString());
        assertTrue(w.whyMissing(r, "cost.fleet_daily_usd").orElseThrow().contains("gpu.rental_usd_per_hour"));
    }
}

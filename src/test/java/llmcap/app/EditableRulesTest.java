package llmcap.app;

import static llmcap.ArticleChain.SERVING_GPUS;
import static llmcap.ArticleChain.SERVING_GPUS_AT_PEAK_3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import llmcap.engine.Derivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user edits a copy of the rules and re-runs: the new numbers appear with no rebuild. */
class EditableRulesTest {

    @TempDir
    Path tmp;

    private Path copyOfRules() throws IOException {
        Path dir = tmp.resolve("rules");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static Result run(Path rules) {
        return new Workspace(new Folder(rules, "edited"), new Folder(Path.of("catalog"), "catalog"), new Timings())
                .estimate(Selection.defaults());
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " no longer contains " + from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void peakFactorFiveToThree() throws IOException {
        Path rules = copyOfRules();
        assertEquals(SERVING_GPUS, run(rules).estimate().value("serving.gpus").orElseThrow());
        edit(rules.resolve("assumptions.drl"), "insert(new Quantity(\"serving.peak_factor\", 5, \"1\"));",
                "insert(new Quantity(\"serving.peak_factor\", 3, \"1\"));");
        Result r = run(rules);
        // 137.6785 PFLOP/s x 3 / 312 TFLOP/s = 1323.8 -> 1324
        assertEquals(SERVING_GPUS_AT_PEAK_3, r.estimate().value("serving.gpus").orElseThrow());
        Derivation peak = r.estimate().get("serving.peak_factor").orElseThrow();
        assertTrue(peak.origin().where().startsWith("edited/assumptions.drl:"), peak.origin().where());
    }

    @Test
    void bf16DefaultToFp8HalvesTheWeightsOfEveryModelWithoutAJudgement() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("assumptions.drl"), "insert(new Setting(\"inference.weight_dtype\", \"bf16\"));",
                "insert(new Setting(\"inference.weight_dtype\", \"fp8\"));");
        Selection llama = new Selection(Selection.DEFAULT_SCENARIO, java.util.Optional.of("llama-2-70b"),
                java.util.Optional.empty(), java.util.Map.of());
        Result r = new Workspace(new Folder(rules, "edited"), new Folder(Path.of("catalog"), "catalog"), new Timings()).estimate(llama);
        // Llama 2 70B: 68,976,648,192 parameters x 1 B = 68.98 GB (bf16 would be 137.95 GB).
        assertEquals(68_976_648_192.0, r.estimate().value("inference.weights_bytes").orElseThrow());
        // The article's own GPT-3.5 keeps its fp32 judgement: 700 GB whatever the default says.
        assertEquals(700e9, run(rules).estimate().value("inference.weights_bytes").orElseThrow());
    }

    @Test
    void aNewRuleFileJoinsTheRun() throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("extra.drl"), """
                package llmcap.rules;
                import llmcap.domain.Quantity;
                rule "serving.gpus_per_million_users = serving.gpus / (daily users / 1e6)"
                when
                    Quantity(name == "serving.gpus", $g : value)
                    Quantity(name == "serving.daily_users", $u : value)
                then
                    insert(new Quantity("serving.gpus_per_million_users", $g / ($u / 1e6), "GPU"));
                end
                """);
        // 2207 GPUs / 13 million users = 169.77
        assertEquals(SERVING_GPUS / 13.0, run(rules).estimate().value("serving.gpus_per_million_users").orElseThrow(), 1e-9);
    }
}

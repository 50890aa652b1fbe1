package llmcap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import llmcap.catalog.Scenario.Kind;
import llmcap.engine.RuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headline.yaml}: read, checked against the names the rules know, and found where it should be. */
class HeadlineLoaderTest {

    @TempDir
    Path tmp;

    private static final Set<String> KNOWN = Set.of("serving.gpus", "serving.ttft_s", "serving.ttft_target_s",
            "training.gpus", "cost.usd_per_gpu_hour", "checkpoint.bytes", "checkpoint.weights_bytes");

    private HeadlineSpec read(String yaml, Set<String> known) throws IOException {
        Path f = Files.writeString(tmp.resolve("headline.yaml"), yaml);
        return HeadlineLoader.read(f, "rules/headline.yaml", known);
    }

    @Test
    void sectionsAndFiguresFollowTheKind() throws IOException {
        HeadlineSpec s = read("""
                headline:
                  - section: storage
                    figures:
                      - {figure: [checkpoint.bytes, checkpoint.weights_bytes], label: on disk}
                  - section: serving
                    kinds: [serving, both]
                    figures:
                      - {figure: serving.gpus, label: GPUs}
                      - {figure: serving.ttft_s, label: first token, target: serving.ttft_target_s, kinds: [serving]}
                  - section: training
                    kinds: [training, both]
                    figures:
                      - {figure: training.gpus, label: GPUs}
                compare:
                  serving: {rank_by: cost.usd_per_gpu_hour, columns: [serving.gpus]}
                topics:
                  serving: [serving]
                  training: [training]
                """, KNOWN);
        assertEquals(List.of("storage", "serving"), s.sectionsFor(Kind.SERVING).stream().map(HeadlineSpec.Section::title)
                .toList());
        assertEquals(List.of("storage", "serving", "training"), s.sectionsFor(Kind.BOTH).stream()
                .map(HeadlineSpec.Section::title).toList());
        assertEquals(1, s.sectionsFor(Kind.BOTH).get(1).figures().size(), "the TTFT line is for serving only");
        HeadlineSpec.Figure ttft = s.sectionsFor(Kind.SERVING).get(1).figures().get(1);
        assertEquals(java.util.Optional.of("serving.ttft_target_s"), ttft.target());
        assertEquals(List.of("checkpoint.bytes", "checkpoint.weights_bytes"),
                s.sectionsFor(Kind.TRAINING).get(0).figures().get(0).names());
        assertEquals("cost.usd_per_gpu_hour", s.compareFor(Kind.SERVING).orElseThrow().rankBy());
        assertTrue(s.compareFor(Kind.TRAINING).isEmpty());
        assertEquals(Set.of(Kind.SERVING, Kind.BOTH), s.kindsOfTopic("serving.gpus"));
        assertEquals(Set.of(), s.kindsOfTopic("cost.usd_per_gpu_hour"));
    }

    @Test
    void aNameNoRuleKnowsIsARulesErrorAtItsLineWithTheClosest() {
        RuleException e = assertThrows(RuleException.class, () -> read("""
                headline:
                  - section: serving
                    figures:
                      - {figure: serving.gpus, label: GPUs}
                      - {figure: serving.gpu, label: typo}
                """, KNOWN));
        assertEquals("rules/headline.yaml:5: headline section serving: figure: field 'figure': 'serving.gpu' is a name"
                + " no rule reads or derives (did you mean serving.gpus?)", e.getMessage());
    }

    @Test
    void anUnknownKindOrFieldIsNamed() {
        RuleException kind = assertThrows(RuleException.class, () -> read("""
                headline:
                  - section: serving
                    kinds: [inference]
                    figures: [{figure: serving.gpus, label: GPUs}]
                """, KNOWN));
        assertTrue(kind.getMessage().startsWith("rules/headline.yaml:3:"), kind.getMessage());
        assertTrue(kind.getMessage().contains("'inference' is not a kind of scenario"), kind.getMessage());
        RuleException field = assertThrows(RuleException.class, () -> read("""
                headline:
                  - section: serving
                    figures: [{figure: serving.gpus, lable: GPUs}]
                """, KNOWN));
        assertTrue(field.getMessage().contains("unknown field 'lable' (did you mean label?)"), field.getMessage());
    }

    @Test
    void aRulesFolderWithoutTheFileGetsTheBundledOneUnchecked() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        HeadlineSpec s = HeadlineLoader.load(new Folder(rules, "mine"), Set.of("serving.gpus"));
        assertEquals("bundled:rules/headline.yaml", s.file());
        assertTrue(s.sectionsFor(Kind.BOTH).size() >= 3, "the bundled sections: " + s.sections());
    }

    @Test
    void theRepositorysFileNamesOnlyWhatItsRulesKnow() {
        Workspace w = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"),
                new Timings());
        HeadlineSpec s = w.headline(); // checked against the rules' index when read
        assertEquals("rules/headline.yaml", s.file());
        assertEquals("cost.usd_per_million_tokens", s.compareFor(Kind.SERVING).orElseThrow().rankBy());
        assertEquals("cost.training_run_usd", s.compareFor(Kind.TRAINING).orElseThrow().rankBy());
    }

    @Test
    void aWarningSaysItsWordsWithItsFiguresForItsKinds() throws IOException {
        HeadlineSpec s = read("""
                warnings:
                  - when: serving.fits = no
                    kinds: [serving, both]
                    says: "{serving.gpus} cannot be sized on {cost.usd_per_gpu_hour}"
                """, Set.of("serving.fits", "serving.gpus", "cost.usd_per_gpu_hour"));
        HeadlineSpec.Warning w = s.warnings().get(0);
        assertEquals("serving.fits", w.name());
        assertEquals("no", w.value());
        assertEquals(List.of("serving.gpus", "cost.usd_per_gpu_hour"), w.placeholders());
        assertEquals(2, w.line()); // the entry's first line
        assertEquals(1, s.warningsFor(Kind.SERVING).size());
        assertTrue(s.warningsFor(Kind.TRAINING).isEmpty(), "a serving verdict is not a training question's");
    }

    @Test
    void aWarningsConditionAndItsFiguresAreCheckedAtTheirLine() {
        RuleException noEquals = assertThrows(RuleException.class, () -> read("""
                warnings:
                  - {when: serving.fits no, says: "x"}
                """, Set.of("serving.fits")));
        assertTrue(noEquals.getMessage().startsWith("rules/headline.yaml:2: ")
                && noEquals.getMessage().contains("'serving.fits no' is not a condition; write SETTING = WORD"),
                noEquals.getMessage());
        RuleException typo = assertThrows(RuleException.class, () -> read("""
                warnings:
                  - when: serving.fits = no
                    says: "a replica of {inference.gpu_per_replica}"
                """, Set.of("serving.fits", "inference.gpus_per_replica")));
        assertTrue(typo.getMessage().startsWith("rules/headline.yaml:3: ")
                && typo.getMessage().contains("'inference.gpu_per_replica' is a name no rule reads or derives"
                + " (did you mean inference.gpus_per_replica?)"), typo.getMessage());
    }
}

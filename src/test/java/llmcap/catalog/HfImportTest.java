package llmcap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** config.json -> models.yaml entry: the YAML text loads with the catalog's strict loader and says what it read. */
class HfImportTest {

    /** A minimal gpus.yaml: Catalog.load needs one. */
    static final String GPUS = """
            gpus:
              - id: x100
                name: Test X100
                memory_gb: 80
                bandwidth_gb_per_s: 2000
                dense_tflops:
                  bf16: 300
                source: "fixture"
            """;

    static final List<String> FIXTURES = List.of("Llama-2-7b-hf", "Mixtral-8x7B-v0.1", "Qwen2.5-7B", "DeepSeek-V3");

    @TempDir
    Path tmp;

    static String entry(String model) {
        HfConfig c = ParamCountTest.fixture(model);
        String given = "src/test/resources/hf-configs/" + model + "/config.json";
        return HfImport.yaml(new HfImport.Request(c, HfImport.idFromFolder(model), model, given));
    }

    /** Loads {@code entries} (YAML list items) as the models of a one-GPU catalog. */
    static Catalog load(Path dir, String entries) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("gpus.yaml"), GPUS, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("models.yaml"), "models:\n" + entries, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Catalog.load(dir, "cat");
    }

    private static double figure(Entry e, String key) {
        return e.figure(key).orElseThrow(() -> new AssertionError("no figure " + key + " in " + e.id())).value();
    }

    @Test
    void everyFixtureLoadsWithTheCatalogLoader() {
        StringBuilder all = new StringBuilder();
        FIXTURES.forEach(m -> all.append(entry(m)));
        Catalog cat = load(tmp.resolve("cat"), all.toString());
        assertEquals(List.of("llama-2-7b-hf", "mixtral-8x7b-v0.1", "qwen2.5-7b", "deepseek-v3"),
                List.copyOf(cat.models().keySet()));
        for (String m : FIXTURES) {
            Entry e = cat.model(HfImport.idFromFolder(m));
            ParamCount.Count count = ParamCount.of(ParamCountTest.fixture(m));
            assertEquals(count.total(), figure(e, "params"), m);
            assertEquals(m, e.name());
            assertEquals("Hugging Face config.json (src/test/resources/hf-configs/" + m + "/config.json), imported by"
                    + " llmcap catalog import-hf; params computed from the architecture", e.info("source").orElseThrow());
            assertTrue(e.info("notes").orElseThrow().startsWith("Imported from config.json: model_type "), m);
        }
    }

    @Test
    void llamaEntryIsExactlyTheCatalogFormat() {
        assertEquals("""
                  - id: llama-2-7b-hf
                    name: Llama-2-7b-hf
                    params: 6738415616
                    source: "Hugging Face config.json (src/test/resources/hf-configs/Llama-2-7b-hf/config.json), \
                imported by llmcap catalog import-hf; params computed from the architecture"
                    notes: "Imported from config.json: model_type llama (LlamaForCausalLM). params = embeddings \
                131,072,000; 32 layers x 202,383,360; lm_head 131,072,000; final norm 4,096. context_length is \
                max_position_embeddings."
                    architecture:
                      layers: 32
                      hidden_size: 4096
                      attention_heads: 32
                      kv_heads: 32
                      head_dim: 128
                      ffn_size: 11008
                      vocab_size: 32000
                      context_length: 4096
                """, entry("Llama-2-7b-hf"));
    }

    @Test
    void denseEntriesHaveNoActiveParams() {
        Entry llama = load(tmp, entry("Llama-2-7b-hf")).model("llama-2-7b-hf");
        assertTrue(llama.figure("active_params").isEmpty());
        assertEquals(4096, figure(llama, "context_length"));
        assertEquals(32, figure(llama, "kv_heads"));
    }

    @Test
    void mixtralEntryHasActiveParamsAndExperts() {
        Entry e = load(tmp, entry("Mixtral-8x7B-v0.1")).model("mixtral-8x7b-v0.1");
        assertEquals(46_702_792_704L, figure(e, "params"));
        assertEquals(12_879_925_248L, figure(e, "active_params"));
        assertEquals(8, figure(e, "experts"));
        assertEquals(2, figure(e, "experts_per_token"));
        assertEquals(14336, figure(e, "ffn_size"));
        assertEquals(8, figure(e, "kv_heads"));
    }

    @Test
    void deepSeekEntryHasTheLatentAttentionFieldsAndLeavesOutKvHeadsHeadDimAndFfn() {
        Entry e = load(tmp, entry("DeepSeek-V3")).model("deepseek-v3");
        assertEquals(671_026_419_200L, figure(e, "params"));
        assertEquals(37_552_297_472L, figure(e, "active_params"));
        assertEquals(Map.of("layers", 61.0, "hidden_size", 7168.0, "attention_heads", 128.0, "vocab_size", 129280.0,
                        "context_length", 163840.0, "experts", 256.0, "experts_per_token", 8.0, "kv_lora_rank", 512.0,
                        "qk_rope_head_dim", 64.0),
                Map.ofEntries(e.figures().values().stream()
                        .filter(f -> f.field().startsWith("architecture."))
                        .map(f -> Map.entry(f.key(), f.value())).toArray(Map.Entry[]::new)));
        String notes = e.info("notes").orElseThrow();
        assertTrue(notes.contains("multi-token-prediction layer (num_nextn_predict_layers)"), notes);
        assertTrue(notes.contains("3 dense layers"), notes);
    }

    @Test
    void qwenNotesMentionTheBiasesAndNotTheUnusedSlidingWindow() {
        String notes = load(tmp, entry("Qwen2.5-7B")).model("qwen2.5-7b").info("notes").orElseThrow();
        assertTrue(notes.contains("biases of the q, k and v projections"), notes);
        assertFalse(notes.contains("Sliding-window"), notes);
    }

    @Test
    void aSlidingWindowInUseIsNoted() {
        HfConfig c = HfConfig.parse("""
                {"architectures": ["MistralForCausalLM"], "model_type": "mistral", "hidden_size": 64,
                 "intermediate_size": 128, "num_attention_heads": 4, "num_key_value_heads": 2, "num_hidden_layers": 2,
                 "vocab_size": 100, "max_position_embeddings": 256, "sliding_window": 4096}
                """, "m/config.json");
        String yaml = HfImport.yaml(new HfImport.Request(c, "m", "M", "m/config.json"));
        assertTrue(yaml.contains("Sliding-window attention over 4,096 tokens (sliding_window)"), yaml);
        assertEquals("m", load(tmp, yaml).model("m").id());
    }

    @Test
    void namesThatNeedQuotesAreQuotedAndReadBackUnchanged() {
        HfConfig c = ParamCountTest.fixture("Llama-2-7b-hf");
        String name = "Llama 2: \"7B\" #1 \\ test";
        String yaml = HfImport.yaml(new HfImport.Request(c, "x", name, "a \"quoted\" path\\config.json"));
        Entry e = load(tmp, yaml).model("x");
        assertEquals(name, e.name());
        assertTrue(e.info("source").orElseThrow().contains("(a \"quoted\" path\\config.json)"));
        for (String plain : List.of("Llama 2 7B", "Qwen2.5-7B", "GPT-3.5 (ChatGPT)")) {
            assertEquals(plain, HfImport.scalar(plain));
        }
        for (String risky : List.of("yes", "No", "null", "7B", "-x", "a: b", "a #b", "x ")) {
            assertEquals('"', HfImport.scalar(risky).charAt(0), risky);
        }
    }

    @Test
    void aStatedParameterCountBeyondTheShapeLimitIsKept() {
        String json = "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 4096, \"intermediate_size\": 11008,"
                + " \"num_attention_heads\": 32, \"num_hidden_layers\": 32, \"max_position_embeddings\": 4096,"
                + " \"vocab_size\": 32000, \"num_parameters\": 405000000000}";
        HfConfig c = HfConfig.parse(json, "config.json");
        assertEquals(405_000_000_000L, c.statedParams().orElseThrow(), "a count, not a shape: no 2^31 limit");
        assertTrue(HfImport.yaml(new HfImport.Request(c, "x", "X", "config.json")).contains("params: 405000000000"));
    }

    @Test
    void anyTextInANameOrNoteIsWrittenSoTheLoaderReadsItBackUnchanged() {
        HfConfig c = ParamCountTest.fixture("Llama-2-7b-hf");
        // C0 and C1 controls, DEL, NEL, the BOM, non-characters, a line separator, an emoji (a surrogate pair)
        String name = "a\u0001b\u007fc\u0080d\u0085e\u009ff\ufeffg\ufffeh\uffffi\u2028j\ud83d\ude00k";
        Entry e = load(tmp, HfImport.yaml(new HfImport.Request(c, "x", name, "path\u0080/config.json"))).model("x");
        assertEquals(name, e.name());
        assertTrue(e.info("source").orElseThrow().contains("(path\u0080/config.json)"));
    }

    @ParameterizedTest
    @CsvSource({
        "Llama-2-7b-hf, llama-2-7b-hf",
        "Mixtral-8x7B-v0.1, mixtral-8x7b-v0.1",
        "Qwen2.5-7B, qwen2.5-7b",
        "DeepSeek-V3, deepseek-v3",
        "Meta Llama_3 (8B), meta-llama-3-8b",
        "foo.-bar, foo-bar",
        "..x.., x",
        "___, ''",
    })
    void idsComeFromTheFolderNameInKebabCase(String folder, String id) {
        assertEquals(id, HfImport.idFromFolder(folder));
        if (!id.isEmpty()) {
            assertTrue(HfImport.validId(id));
        }
    }

    // --- reading and layout detection -------------------------------------------------------------------

    @Test
    void layoutComesFromArchitecturesOrElseModelType() {
        assertEquals(HfConfig.Layout.MIXTRAL, ParamCountTest.fixture("Mixtral-8x7B-v0.1").layout());
        assertEquals(HfConfig.Layout.DEEPSEEK_V3, ParamCountTest.fixture("DeepSeek-V3").layout());
        assertEquals(HfConfig.Layout.QWEN2, HfConfig.parse("{\"model_type\": \"qwen2\"}", "q.json").layout());
        assertEquals(HfConfig.Layout.MISTRAL,
                HfConfig.parse("{\"architectures\": [\"MistralForCausalLM\"]}", "m.json").layout());
    }

    @Test
    void anUnknownLayoutNamesTheFileAndTheModelType() {
        CatalogException e = assertThrows(CatalogException.class, () -> HfConfig.parse(
                "{\"architectures\": [\"GPT2LMHeadModel\"], \"model_type\": \"gpt2\"}", "gpt2/config.json"));
        assertEquals("gpt2/config.json: unsupported model layout: model_type 'gpt2', architectures[0] 'GPT2LMHeadModel';"
                + " import-hf reads llama, mistral, mixtral, qwen2, deepseek_v3", e.getMessage());
        CatalogException none = assertThrows(CatalogException.class, () -> HfConfig.parse("{}", "c.json"));
        assertTrue(none.getMessage().startsWith("c.json: unsupported model layout: model_type (absent)"),
                none.getMessage());
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        HfConfig c = HfConfig.parse("{\"model_type\": \"mixtral\", \"hidden_size\": 64}", "mx/config.json");
        CatalogException e = assertThrows(CatalogException.class, () -> ParamCount.of(c));
        assertEquals("mx/config.json: missing required field 'vocab_size' (model_type 'mixtral')", e.getMessage());
        CatalogException layers = assertThrows(CatalogException.class, c::layers);
        assertTrue(layers.getMessage().contains("'num_hidden_layers'"), layers.getMessage());
    }

    @Test
    void aFieldOfTheWrongKindIsNamed() {
        HfConfig c = HfConfig.parse("{\"model_type\": \"llama\", \"hidden_size\": \"4096\", \"num_hidden_layers\": 2.5,"
                + " \"vocab_size\": 0, \"tie_word_embeddings\": 1}", "c.json");
        assertEquals("c.json: field 'hidden_size': expected a whole number, got text \"4096\"",
                assertThrows(CatalogException.class, c::hiddenSize).getMessage());
        assertEquals("c.json: field 'num_hidden_layers': expected a whole number, got 2.5",
                assertThrows(CatalogException.class, c::layers).getMessage());
        assertEquals("c.json: field 'vocab_size': must be greater than zero, got 0",
                assertThrows(CatalogException.class, c::vocabSize).getMessage());
        assertEquals("c.json: field 'tie_word_embeddings': expected true or false, got the number 1",
                assertThrows(CatalogException.class, c::tiedEmbeddings).getMessage());
    }

    @Test
    void malformedJsonGivesFileLineAndColumn() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> HfConfig.parse("{\n  \"a\": 1,\n  \"b\" 2\n}\n", "bad/config.json"));
        assertTrue(e.getMessage().matches("bad/config\\.json:3:\\d+: malformed JSON: Expected ':'.*"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains("Exception"));
        for (String text : List.of("{\"a\": 1,}", "{a: 1}", "{\"a\": 1} x", "// c\n{}", "{\"a\": [1, ")) {
            CatalogException x = assertThrows(CatalogException.class, () -> HfConfig.parse(text, "c.json"), text);
            assertTrue(x.getMessage().matches("c\\.json:\\d+:\\d+: malformed JSON: .+"), x.getMessage());
            assertFalse(x.getMessage().contains("\n") || x.getMessage().contains("Exception")
                    || x.getMessage().contains("http"), x.getMessage());
        }
    }

    @Test
    void theTopLevelMustBeAnObject() {
        CatalogException e = assertThrows(CatalogException.class, () -> HfConfig.parse("[1, 2]", "c.json"));
        assertEquals("c.json: malformed config.json: expected a JSON object at the top, got a list", e.getMessage());
    }

    @Test
    void aMissingFileIsAnIoError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> HfConfig.read(tmp.resolve("nope.json"), "nope.json"));
        assertEquals("nope.json: no such file", e.getMessage());
    }
}

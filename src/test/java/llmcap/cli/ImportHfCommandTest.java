package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertFails;
import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.assertUsageError;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import llmcap.catalog.Catalog;
import llmcap.catalog.Entry;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmcap catalog import-hf PATH [--id ID] [--name NAME]}, run in-process. */
class ImportHfCommandTest {

    static final String CONFIGS = "src/test/resources/hf-configs/";

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

    @TempDir
    Path tmp;

    private Catalog loadAsModels(String entries) throws IOException {
        Path dir = tmp.resolve("cat");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("gpus.yaml"), GPUS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("models.yaml"), "models:\n" + entries, StandardCharsets.UTF_8);
        return Catalog.load(dir, "cat");
    }

    @Test
    void printsAnEntryThatTheCatalogLoads() throws IOException {
        Run r = run("catalog", "import-hf", CONFIGS + "Mixtral-8x7B-v0.1/config.json");
        assertOk(r);
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("  - id: mixtral-8x7b-v0.1\n    name: Mixtral-8x7B-v0.1\n    params: 46702792704\n"
                + "    active_params: 12879925248\n"), r::describe);
        assertTrue(r.out().contains("    source: \"Hugging Face config.json (" + CONFIGS
                + "Mixtral-8x7B-v0.1/config.json), imported by llmcap catalog import-hf; params computed from the"
                + " architecture\"\n"), r::describe);
        Entry e = loadAsModels(r.out()).model("mixtral-8x7b-v0.1");
        assertEquals(12_879_925_248.0, e.figure("active_params").orElseThrow().value());
    }

    @Test
    void idAndNameCanBeGiven() throws IOException {
        Run r = run("catalog", "import-hf", CONFIGS + "DeepSeek-V3/config.json", "--id", "deepseek-v3-hf",
                "--name", "DeepSeek-V3 (imported)");
        assertOk(r);
        Entry e = loadAsModels(r.out()).model("deepseek-v3-hf");
        assertEquals("DeepSeek-V3 (imported)", e.name());
        assertEquals(671_026_419_200.0, e.figure("params").orElseThrow().value());
    }

    @Test
    void theFolderMayBeGivenInsteadOfTheFile() {
        Run r = run("catalog", "import-hf", CONFIGS + "Qwen2.5-7B");
        assertOk(r);
        assertTrue(r.out().startsWith("  - id: qwen2.5-7b\n    name: Qwen2.5-7B\n    params: 7615616512\n"), r::describe);
        assertTrue(r.out().contains("(" + CONFIGS + "Qwen2.5-7B/config.json)"), r::describe);
    }

    @Test
    void allFixturesTogetherMakeAValidModelsFile() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String m : new String[] {"Llama-2-7b-hf", "Mixtral-8x7B-v0.1", "Qwen2.5-7B", "DeepSeek-V3"}) {
            Run r = run("catalog", "import-hf", CONFIGS + m + "/config.json");
            assertOk(r);
            all.append(r.out());
        }
        assertEquals(4, loadAsModels(all.toString()).models().size());
    }

    @Test
    void aBadIdIsAUsageError() {
        assertUsageError(run("catalog", "import-hf", CONFIGS + "Llama-2-7b-hf/config.json", "--id", "Llama_2"),
                "--id 'Llama_2'", "kebab-case");
    }

    @Test
    void anUnknownLayoutIsOneLineNamingTheFileAndModelType() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("gpt2"));
        Path file = Files.writeString(dir.resolve("config.json"),
                "{\"architectures\": [\"GPT2LMHeadModel\"], \"model_type\": \"gpt2\", \"n_embd\": 768}");
        Run r = run("catalog", "import-hf", file.toString());
        assertFails(r, ExitCode.CATALOG);
        assertEquals(1, r.errLines().size(), r::describe);
        assertTrue(r.firstErrLine().startsWith(file + ": unsupported model layout: model_type 'gpt2'"), r::describe);
    }

    @Test
    void aMissingFieldIsOneLineNamingTheField() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("Tiny-Llama"));
        Path file = Files.writeString(dir.resolve("config.json"), """
                {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 64,
                 "num_attention_heads": 4, "num_hidden_layers": 2, "vocab_size": 100, "max_position_embeddings": 64}
                """);
        Run r = run("catalog", "import-hf", file.toString());
        assertFails(r, ExitCode.CATALOG);
        assertEquals(file + ": missing required field 'intermediate_size' (model_type 'llama')", r.firstErrLine());
        assertEquals(1, r.errLines().size(), r::describe);
    }

    @Test
    void malformedJsonGivesFileLineColumn() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        Path file = Files.writeString(dir.resolve("config.json"), "{\n  \"model_type\": \"llama\",\n  \"hidden_size\" 64\n}\n");
        Run r = run("catalog", "import-hf", file.toString());
        assertFails(r, ExitCode.CATALOG);
        assertTrue(r.firstErrLine().matches(java.util.regex.Pattern.quote(file.toString())
                + ":3:\\d+: malformed JSON: .*"), r::describe);
        assertEquals(1, r.errLines().size(), r::describe);
    }

    @Test
    void aMissingFileIsAnIoError() {
        Run r = run("catalog", "import-hf", tmp.resolve("none/config.json").toString());
        assertFails(r, ExitCode.IO);
        assertEquals("llmcap: " + tmp.resolve("none/config.json") + ": no such file", r.firstErrLine());
    }

    @Test
    void catalogWithoutWhatOrSubcommandIsAUsageError() {
        assertUsageError(run("catalog"), "WHAT", "import-hf");
    }

    @Test
    void catalogListingsStillWork() {
        Run r = run("catalog", "gpus");
        assertOk(r);
        assertTrue(r.out().contains("a100-80gb-sxm"), r::describe);
    }

    @Test
    void helpNamesTheSubcommand() {
        Run r = run("catalog", "--help");
        assertOk(r);
        assertTrue(r.out().contains("import-hf"), r::describe);
        Run sub = run("catalog", "import-hf", "--help");
        assertOk(sub);
        assertTrue(sub.out().contains("deepseek_v3"), sub::describe);
    }
}

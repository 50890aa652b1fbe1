package llmcap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import llmcap.app.UsageException;
import llmcap.catalog.HfConfig;
import llmcap.catalog.HfImport;
import llmcap.domain.Excerpt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap catalog import-hf PATH/config.json}: a models.yaml entry from a Hugging Face config. */
@Command(name = "import-hf", mixinStandardHelpOptions = true,
        description = {"Print a models.yaml entry made from a local Hugging Face config.json.",
            "The architecture is copied from the config; params (and active_params for mixtures of experts)",
            "are computed from it. Reads model_type llama, mistral, mixtral, qwen2 and deepseek_v3.",
            "Append the output under `models:` in the models.yaml of a catalog folder of your own (laid over the",
            "bundled one with --catalog DIR, or ./catalog), then review its name and notes."},
        footerHeading = "%nExamples:%n",
        footer = {"  llmcap catalog import-hf ~/models/Llama-3.1-8B/config.json",
            "  llmcap catalog import-hf ~/models/Mixtral-8x7B --id mixtral-8x7b-ours"})
final class ImportHfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The config.json, or the folder that holds it.")
    String path;

    @Option(names = "--id", paramLabel = "ID",
            description = "Catalog id (default: the config's folder name in lowercase kebab-case).")
    String id;

    @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the config's folder name).")
    String name;

    @Override
    public Integer call() {
        Path file = Path.of(path);
        String display = path;
        if (Files.isDirectory(file)) {
            file = file.resolve("config.json");
            display = file.toString();
        }
        String folder = HfImport.folderName(file);
        String entryId = id != null ? checkedId(id) : derivedId(folder);
        String entryName = name != null ? name.strip() : folder;
        if (entryName.isEmpty()) {
            throw new UsageException("--name: give a display name (the config has no folder to name it after)");
        }
        HfConfig config = HfConfig.read(file, display);
        spec.commandLine().getOut().print(HfImport.yaml(new HfImport.Request(config, entryId, entryName, display)));
        return ExitCode.OK;
    }

    private static String checkedId(String given) {
        if (!HfImport.validId(given)) {
            throw new UsageException("--id '" + Excerpt.of(given)
                    + "': not a lowercase kebab-case id such as llama-2-7b-hf"
                    + " (letters, digits, '-' and '.')");
        }
        return given;
    }

    private static String derivedId(String folder) {
        String derived = HfImport.idFromFolder(folder);
        if (derived.isEmpty()) {
            throw new UsageException("cannot derive an id from the folder name '" + Excerpt.of(folder)
                    + "'; give --id");
        }
        return derived;
    }
}

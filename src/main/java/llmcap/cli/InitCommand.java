package llmcap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import llmcap.app.Folder;
import llmcap.app.Locations;
import llmcap.app.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap init DIR}: editable copies of the bundled rules and catalog, for use outside the repository. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write editable copies of the bundled rules/ and catalog/ into DIR, and trust DIR/rules.",
            "Run llmcap from DIR to use them: its catalog/ is laid over the bundled catalog (your edits win),",
            "and --catalog-only DIR/catalog uses the copy alone (an entry you delete there is then gone)."},
        footerHeading = "%nExamples:%n",
        footer = {"  # then: cd my-plan && llmcap",
            "  llmcap init my-plan"})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder to write rules/ and catalog/ into (created if missing).")
    Path dir;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        for (String name : List.of("rules", "catalog")) {
            if (!force && Files.exists(dir.resolve(name))) {
                throw new UsageException(dir.resolve(name) + " already exists; use --force to overwrite its files");
            }
        }
        int files = 0;
        for (String name : List.of("rules", "catalog")) {
            files += copy(Locations.bundled(name), dir.resolve(name));
        }
        // The rules were written from llmcap's own: the folder is trusted, so running llmcap from DIR uses them.
        llmcap.app.Trust.fromEnvironment().add(dir.resolve("rules"));
        spec.commandLine().getOut().printf("wrote %d files into %s/rules and %s/catalog%n", files, dir, dir);
        return ExitCode.OK;
    }

    private static int copy(Folder from, Path to) throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(from.path())) {
            sources = s.filter(Files::isRegularFile).toList();
        }
        for (Path src : sources) {
            Path target = to.resolve(from.path().relativize(src).toString());
            try {
                Files.createDirectories(target.getParent());
                Files.copy(src, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
        return sources.size();
    }
}

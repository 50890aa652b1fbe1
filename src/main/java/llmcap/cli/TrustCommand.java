package llmcap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import llmcap.app.Trust;
import llmcap.app.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap trust [DIR]}: let llmcap run the rules it finds in a working directory's rules folder. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"Trust a folder of rules, so llmcap runs the rules it finds there as ./rules.",
            "Rule files are code: llmcap runs ./rules of the working directory only once it is trusted (or",
            "named with --rules, or under $LLMCAP_HOME). Trust is kept by folder, not by content."},
        footerHeading = "%nExamples:%n",
        footer = {"  # run ./rules of the working directory from now on; stop",
            "  llmcap trust",
            "  llmcap trust --forget"})
final class TrustCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "rules",
            description = "The rules folder (default: ./${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--forget", description = "Stop trusting the folder.")
    boolean forget;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + ": not a folder");
        }
        Trust trust = Trust.fromEnvironment();
        var out = spec.commandLine().getOut();
        if (forget) {
            boolean was = trust.remove(dir);
            out.printf("%s %s (the list is %s)%n", was ? "no longer trusted:" : "was not trusted:",
                    dir.toRealPath(), trust.file());
            return ExitCode.OK;
        }
        Path real = trust.add(dir);
        out.printf("trusted %s: llmcap runs the rules there when they are ./rules (undo: llmcap trust --forget %s)%n",
                real, dir);
        return ExitCode.OK;
    }
}

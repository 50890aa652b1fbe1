package llmcap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code llmcap scenario new}: scenario files to start a plan from. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Scenario files: `scenario new` writes one to start a plan from, with every input and its default.",
        subcommands = {ScenarioNewCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  llmcap scenario new plan.yaml --model llama-3.1-70b --gpu h100-sxm"})
final class ScenarioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: new");
    }
}

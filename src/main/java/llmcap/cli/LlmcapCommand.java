package llmcap.cli;

import picocli.CommandLine.Command;

/** The top-level command: only a holder for the subcommands and the shared help text. */
@Command(name = "llmcap", mixinStandardHelpOptions = true, version = "llmcap 0.1.0",
        description = {
            "What it takes to store, serve and train a language model, on given hardware, and what it costs;",
            "every number derived by an editable Drools rule and traceable to its inputs.",
            "With no command, runs `estimate` on the default scenario (the article's ChatGPT estimate)."},
        subcommands = {EstimateCommand.class, ExplainCommand.class, ValidateCommand.class, CompareCommand.class,
            SweepCommand.class, SensitivityCommand.class, CatalogCommand.class, ScenarioCommand.class,
            RulesCommand.class, InitCommand.class, TrustCommand.class, ServeCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  # the article's estimate, its published figures beside; another GPU and model",
            "  llmcap",
            "  llmcap --gpu h100-sxm --model llama-3.1-70b",
            "  # how one number was computed; a plan of your own from a template",
            "  llmcap explain serving.gpus",
            "  llmcap scenario new plan.yaml --model llama-3.1-70b --gpu h100-sxm",
            "  llmcap estimate --scenario plan.yaml --set serving.requests_per_s=50",
            "", "Exit codes: 0 ok, 1 validate found a figure outside its tolerance, 2 usage,",
            "3 bad catalog or scenario, 4 bad rules, 5 I/O, 70 internal error."})
public final class LlmcapCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

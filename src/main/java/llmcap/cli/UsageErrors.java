package llmcap.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Every command-line mistake, whether picocli found it while parsing or llmcap found it after
 * (a malformed --set, an unknown id), is reported the same way: the message on one line, the
 * command's synopsis, and a pointer to --help. Exit code 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        report(e.getCommandLine(), e.getMessage());
        return ExitCode.USAGE;
    }

    static void report(CommandLine cl, String message) {
        PrintWriter err = cl.getErr();
        err.println(Failures.oneLine("llmcap: " + message));
        err.print("Usage: " + cl.getHelp().synopsis(0));
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    }
}

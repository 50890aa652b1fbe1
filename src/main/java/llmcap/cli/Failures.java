package llmcap.cli;

import llmcap.app.Problem;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr (one line per broken rule file) and an exit code.
 * Only a bug in llmcap itself prints a stack trace, and only with {@code LLMCAP_DEBUG=1}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        Problem p = Problem.of(e);
        switch (p.kind()) {
            case USAGE -> UsageErrors.report(cl, p.message());
            case CATALOG, RULES -> p.lines().forEach(err::println);
            case INTERNAL -> {
                err.println("llmcap: internal error: " + e + " (a bug; LLMCAP_DEBUG=1 prints the stack trace)");
                if (System.getenv("LLMCAP_DEBUG") != null) {
                    e.printStackTrace(err);
                }
            }
            default -> err.println("llmcap: " + p.message());
        }
        return ExitCode.of(p.kind());
    }
}

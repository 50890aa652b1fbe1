package llmcap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import llmcap.app.UsageException;
import llmcap.catalog.CatalogException;
import llmcap.catalog.UnknownIdException;
import llmcap.engine.RuleException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr (one line per broken rule file) and an exit code.
 * Only a bug in llmcap itself prints a stack trace, and only with {@code LLMCAP_DEBUG=1}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (e instanceof UsageException || e instanceof UnknownIdException) {
            UsageErrors.report(cl, e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof CatalogException) {
            err.println(e.getMessage());
            return ExitCode.CATALOG;
        }
        if (e instanceof RuleException r) {
            r.lines().forEach(err::println);
            return ExitCode.RULES;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("llmcap: " + e.getMessage());
            return ExitCode.IO;
        }
        err.println("llmcap: internal error: " + e + " (a bug; LLMCAP_DEBUG=1 prints the stack trace)");
        if (System.getenv("LLMCAP_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCode.INTERNAL;
    }
}

package llmcap.cli;

import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import llmcap.app.Problem;
import llmcap.domain.Excerpt;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr (one line per broken rule file) and an exit code.
 * Only a bug in llmcap itself prints a stack trace, and only with {@code LLMCAP_DEBUG=1}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (!(e instanceof FailFastWriter.Failure) && Problem.of(e).kind() == Problem.Kind.USAGE) {
            UsageErrors.report(cl, e.getMessage()); // with the command's synopsis
            return ExitCode.USAGE;
        }
        return report(e, cl.getErr());
    }

    /** Reports any failure but a usage error (which needs the command's synopsis); returns the exit code. */
    static int report(Throwable e, PrintWriter err) {
        if (e instanceof FailFastWriter.Failure f) {
            if (!f.brokenPipe()) { // the reader of a pipe went away (| head): end quietly, as other tools do
                err.println("llmcap: " + f.getMessage());
            }
            return ExitCode.IO;
        }
        if (e instanceof OutOfMemoryError) {
            err.println("llmcap: out of memory: the Java heap (at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB here) is too small for this run; give more with JAVA_TOOL_OPTIONS=-Xmx4g");
            return ExitCode.INTERNAL;
        }
        Problem p = Problem.of(e);
        switch (p.kind()) {
            case CATALOG, RULES -> p.lines().forEach(line -> err.println(oneLine(line)));
            case INTERNAL -> {
                err.println(oneLine("llmcap: internal error: " + e + " (a bug; LLMCAP_DEBUG=1 prints the stack trace)"));
                if (System.getenv("LLMCAP_DEBUG") != null) {
                    e.printStackTrace(err);
                }
            }
            default -> err.println(oneLine("llmcap: " + p.message()));
        }
        return ExitCode.of(p.kind());
    }

    /**
     * The last guard against echoing a whole input, whatever built the message (a rule's own exception, a
     * picocli error): line breaks made visible, a single-quoted text over {@value #LONG_QUOTE} characters cut
     * to an excerpt, and the line cut at {@value #LONGEST} characters.
     */
    static String oneLine(String message) {
        String s = message == null ? "" : message.replace("\r", "\\r").replace("\n", "\\n");
        s = LONG_QUOTE_PATTERN.matcher(s).replaceAll(m -> Matcher.quoteReplacement("'" + Excerpt.of(m.group(1)) + "'"));
        return s.length() <= LONGEST ? s : s.substring(0, LONGEST - 3) + "...";
    }

    private static final int LONG_QUOTE = 100;
    private static final int LONGEST = 1000;
    private static final Pattern LONG_QUOTE_PATTERN = Pattern.compile("'([^']{" + (LONG_QUOTE + 1) + ",})'");
}

package llmcap.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: runs one command and exits with its code. With no arguments it runs {@code estimate}. */
public final class Main {

    /** When main was entered, for {@code --timings}. */
    static final long STARTED = System.nanoTime();

    private Main() {
    }

    public static void main(String[] args) {
        // Not System.out: a PrintStream swallows write errors (a full disk, a closed pipe).
        PrintWriter out = stdout(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        llmcap.engine.Engine.whenStuck(message -> { // an action past the time limit that nothing could stop
            err.println(message);
            err.flush();
            System.exit(ExitCode.RULES);
        });
        System.exit(run(out, err, args));
    }

    /**
     * The writer commands print their output to, over the process's standard output: a failed write
     * throws (and ends the run with exit 5) instead of being ignored as PrintWriter would.
     */
    public static PrintWriter stdout(OutputStream stream) {
        return new PrintWriter(new FailFastWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
                "cannot write to stdout"), true);
    }

    /** Runs a command with the given writers; what tests call in-process. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        int code;
        try {
            code = cl.execute(withDefaultCommand(args));
            out.flush();
        } catch (RuntimeException | Error e) { // what picocli lets through: help printed to a failing stdout, errors
            code = Failures.report(e, err);
        }
        err.flush();
        return code;
    }

    /** {@code llmcap} and {@code llmcap --gpu h100-sxm} mean {@code llmcap estimate ...}. */
    static String[] withDefaultCommand(String[] args) {
        boolean ownOption = args.length > 0 && java.util.Set.of("-h", "--help", "-V", "--version").contains(args[0]);
        if (args.length == 0 || args[0].startsWith("-") && !ownOption) {
            String[] out = new String[args.length + 1];
            out[0] = "estimate";
            System.arraycopy(args, 0, out, 1, args.length);
            return out;
        }
        return args;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new LlmcapCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new Failures());
        // Help and version text are printed outside the commands: a failing stdout is reported there too.
        cl.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (FailFastWriter.Failure e) {
                return Failures.report(e, err);
            }
        });
        cl.setParameterExceptionHandler(new UsageErrors());
        return cl;
    }
}

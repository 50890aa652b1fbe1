package llmcap.cli;

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
        PrintWriter out = stdout(System.out);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** The writer commands print their output to, over the process's standard output. */
    public static PrintWriter stdout(java.io.OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Runs a command with the given writers; what tests call in-process. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        int code = cl.execute(withDefaultCommand(args));
        out.flush();
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
        cl.setParameterExceptionHandler(new UsageErrors());
        return cl;
    }
}

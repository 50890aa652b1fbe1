package llmcap.cli;

/** The process exit codes, as documented in the README. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** {@code validate}: a figure is outside its tolerance. */
    public static final int VALIDATION_FAILED = 1;
    /** A command-line mistake: unknown option, bad --set, unknown id. */
    public static final int USAGE = 2;
    /** A catalog or scenario file that cannot be used. */
    public static final int CATALOG = 3;
    /** Rules that do not compile, fail while firing, conflict or never stop. */
    public static final int RULES = 4;
    /** A file or folder that cannot be read or written. */
    public static final int IO = 5;
    /** A bug in llmcap itself. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }

    /** The exit code of each kind of problem: the one place the command line decides it. */
    static int of(llmcap.app.Problem.Kind kind) {
        return switch (kind) {
            case USAGE, TOO_LARGE -> USAGE;
            case CATALOG -> CATALOG;
            case RULES -> RULES;
            case IO -> IO;
            case UNAVAILABLE, INTERNAL -> INTERNAL;
        };
    }
}

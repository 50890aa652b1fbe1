package llmcap.app;

/** A command-line value that cannot be used (a bad {@code --set}, an unknown id); exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}

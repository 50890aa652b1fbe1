package llmcap.catalog;

/** An id asked for (on the command line) that the catalog does not have; the message lists the valid ones. */
public final class UnknownIdException extends RuntimeException {
    public UnknownIdException(String message) {
        super(message, null, false, false);
    }
}

package llmcap.catalog;

/** A catalog or scenario file that cannot be used. The message is one line naming file, line and field. */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message, null, false, false);
    }
}

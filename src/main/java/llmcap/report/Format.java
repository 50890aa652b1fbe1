package llmcap.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Output formats of the report commands; each command accepts the ones that make sense for it. */
public enum Format {
    text, json, markdown, csv, html;

    /** Throws with the list of accepted formats when {@code this} is not among them. */
    public Format require(String command, Format... accepted) {
        if (Arrays.asList(accepted).contains(this)) {
            return this;
        }
        throw new llmcap.app.UsageException("--format " + this + " is not available for " + command + " (use one of "
                + Arrays.stream(accepted).map(Format::name).collect(Collectors.joining(", ")) + ")");
    }
}

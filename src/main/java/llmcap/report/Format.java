package llmcap.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import llmcap.app.UsageException;

/** Output formats of the report commands; which ones each report has, {@link Reports} says. */
public enum Format {
    text, json, markdown, csv, html;

    /**
     * The value of {@code values} that {@code given} names, case-insensitively: how a format given as
     * text (a query parameter) is read. An unknown name is a usage error naming the valid ones, never
     * a fallback to some default.
     */
    public static <E extends Enum<E>> E named(String parameter, String given, E[] values) {
        String g = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(v -> v.name().equals(g)).findFirst().orElseThrow(() -> new UsageException(
                parameter + " '" + llmcap.domain.Excerpt.of(String.valueOf(given)) + "' is not a format here (use one of "
                        + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")) + ")"));
    }
}

package llmcap.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import llmcap.app.UsageException;

/**
 * One kind of report (the estimate, compare, ...) and its renderer for each format it has: a row of
 * the dispatch table {@link Reports}. A format the report has no renderer for is a usage error that
 * names the ones it has; there is no default branch that would print text instead.
 *
 * @param <T> what the report is rendered from
 */
public final class Report<T> {

    private final String command;
    private final Map<Format, Function<T, String>> renderers;

    private Report(String command, Map<Format, Function<T, String>> renderers) {
        this.command = command;
        this.renderers = Collections.unmodifiableMap(new EnumMap<>(renderers));
    }

    /** The report of {@code command}; {@link #with} adds its renderers. */
    static <T> Report<T> of(String command) {
        return new Report<>(command, new EnumMap<>(Format.class));
    }

    /** This report with one more format. */
    Report<T> with(Format format, Function<T, String> renderer) {
        Map<Format, Function<T, String>> more = new EnumMap<>(Format.class);
        more.putAll(renderers);
        more.put(format, renderer);
        return new Report<>(command, more);
    }

    /** The formats this report has, in the enum's order. */
    public Set<Format> formats() {
        return renderers.keySet();
    }

    /** {@code format} if this report has it, else a usage error naming the ones it has (check before the work). */
    public Format require(Format format) {
        if (!renderers.containsKey(format)) {
            throw new UsageException("--format " + format + " is not available for " + command + " (use one of "
                    + formats().stream().map(Format::name).collect(Collectors.joining(", ")) + ")");
        }
        return format;
    }

    /** {@code value} in {@code format}. */
    public String render(Format format, T value) {
        return renderers.get(require(format)).apply(value);
    }
}

package llmcap.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked to estimate: a scenario (catalog id or file path), optionally another model
 * or GPU, and {@code --set} overrides (name -> text as typed).
 */
public record Selection(String scenario, Optional<String> model, Optional<String> gpu, Map<String, String> sets) {

    public static final String DEFAULT_SCENARIO = "chatgpt-2023-01";

    public Selection {
        Objects.requireNonNull(scenario, "scenario must not be null");
        sets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    }

    /**
     * {@code NAME=VALUE} texts as typed ({@code --set} on the command line, {@code set} in a query),
     * in order; a malformed or repeated one is a usage error naming it.
     */
    public static Map<String, String> parseSets(java.util.List<String> sets) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new UsageException("--set '" + llmcap.domain.Excerpt.of(s) + "': expected NAME=VALUE, e.g. serving.peak_factor=3");
            }
            String name = s.substring(0, eq).strip();
            String value = s.substring(eq + 1).strip();
            if (name.isEmpty()) {
                throw new UsageException("--set '" + llmcap.domain.Excerpt.of(s) + "': the name before '=' is empty");
            }
            if (value.isEmpty()) {
                throw new UsageException("--set '" + llmcap.domain.Excerpt.of(s) + "': the value after '=' is empty");
            }
            if (out.put(name, value) != null) {
                throw new UsageException("--set " + llmcap.domain.Excerpt.of(name) + " is given twice");
            }
        }
        return out;
    }

    public static Selection defaults() {
        return new Selection(DEFAULT_SCENARIO, Optional.empty(), Optional.empty(), Map.of());
    }
}

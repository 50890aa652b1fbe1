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

    public static Selection defaults() {
        return new Selection(DEFAULT_SCENARIO, Optional.empty(), Optional.empty(), Map.of());
    }
}

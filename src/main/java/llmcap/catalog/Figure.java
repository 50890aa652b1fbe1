package llmcap.catalog;

import java.util.Objects;

/**
 * One number of a catalog entry, already in base units, with the citation it came from.
 *
 * @param key    the entry-relative name ({@code memory_bytes}); the engine sees it as
 *               {@code gpu.memory_bytes}, {@code model.params}, ...
 * @param field  the YAML field it was read from ({@code memory_gb}), so a listing can cite it
 * @param file   the file the figure is written in: its entry's, or an overlay's that changed it
 * @param line   the line of the figure in {@code file}
 */
public record Figure(String key, double value, String unit, String field, String source, boolean verified,
                     String file, int line) {
    public Figure {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(file, "file must not be null");
    }
}

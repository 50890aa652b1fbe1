package llmcap.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One GPU or model of the catalog: its id, where it is written, its figures in base units and its
 * descriptive text (vendor, notes, the rental offer, ...).
 */
public record Entry(String kind, String id, String name, String file, int line,
                    Map<String, Figure> figures, Map<String, String> info) {

    public Entry {
        Objects.requireNonNull(id, "id must not be null");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /** {@code catalog/gpus.yaml#a100-80gb-sxm}: how provenance names this entry. */
    public String ref() {
        return file + "#" + id;
    }

    /**
     * Where provenance says {@code f} was written: the entry's file ({@code catalog/gpus.yaml}) for a figure
     * of its own, or the overlay file and line that changed it ({@code my-catalog/gpus.yaml:4}).
     */
    public String fileOf(Figure f) {
        return f.file().equals(file) ? file : f.file() + ":" + f.line();
    }

    public Optional<Figure> figure(String key) {
        return Optional.ofNullable(figures.get(key));
    }

    public Optional<String> info(String key) {
        return Optional.ofNullable(info.get(key));
    }
}

package llmcap.app;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import llmcap.catalog.FigureNames;

/**
 * The names under which catalog figures reach the rules, with their units: each entry's figures under
 * the prefix the inputs give them ({@link Workspace#prepare} and {@link InputBuilder}): the chosen model
 * as {@code model.}, the scenario's reference model as {@code reference.}, the model of the run it
 * cross-checks as {@code crosscheck.} and that run's GPU as {@code crosscheck.gpu.}, the chosen GPU as
 * {@code gpu.} and its family as {@code family.}. What {@code rules --check} counts as given by the catalog.
 */
public final class CatalogFigures {

    private CatalogFigures() {
    }

    public static Map<String, String> names() {
        Map<String, String> out = new TreeMap<>();
        put(out, "model", FigureNames.model());
        put(out, "reference", FigureNames.model());
        put(out, "crosscheck", FigureNames.model());
        put(out, "gpu", FigureNames.gpu());
        put(out, "crosscheck.gpu", FigureNames.gpu());
        put(out, "family", FigureNames.family());
        return Collections.unmodifiableMap(out);
    }

    private static void put(Map<String, String> out, String prefix, Map<String, String> figures) {
        figures.forEach((k, unit) -> out.put(prefix + "." + k, unit));
    }
}

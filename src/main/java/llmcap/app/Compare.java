package llmcap.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import llmcap.catalog.Scenario;
import llmcap.domain.Suggest;
import llmcap.engine.Derivation;

/**
 * One estimate per model x GPU, headline figures side by side. Every row is computed the same way:
 * the scenario's judgements (made for its own model and GPU) are left out of all of them.
 */
public final class Compare {

    public static final List<String> DEFAULT_OUTPUTS = List.of("inference.gpus_per_replica", "serving.gpus",
            "training.gpus", "training.gpu_days", "cost.fleet_daily_usd", "cost.usd_per_million_tokens");
    public static final String CHEAPEST_BY = "cost.fleet_daily_usd";

    private final Workspace workspace;

    public Compare(Workspace workspace) {
        this.workspace = workspace;
    }

    public CompareResult run(Scenario s, List<String> models, List<String> gpus, Map<String, String> sets,
                             List<String> outputs) {
        Set<String> known = new TreeSet<>(workspace.rules().index().names());
        for (String o : outputs) {
            if (!known.contains(o)) {
                throw new UsageException("--output " + o + ": no rule derives it" + Suggest.hint(o, known));
            }
        }
        Scenario fair = new Scenario(s.id(), s.title(), s.file(), s.source(), s.model(), s.gpu(), s.referenceModel(),
                s.crosscheckModel(), s.assumptions(), List.of(), s.published(), Map.of(), s.kind());
        List<String> ms = models.isEmpty() ? List.of(s.model()) : models;
        List<String> gs = gpus.isEmpty() ? List.of(s.gpu()) : gpus;
        List<CompareResult.Row> rows = new ArrayList<>();
        List<Optional<Double>> costs = new ArrayList<>();
        for (String m : ms) {
            for (String g : gs) {
                Result r = workspace.estimate(fair, Optional.of(m), Optional.of(g), sets);
                Map<String, Optional<Derivation>> figures = new LinkedHashMap<>();
                for (String o : outputs) {
                    figures.put(o, r.estimate().get(o).filter(d -> !d.isSetting()));
                }
                rows.add(new CompareResult.Row(r.model(), r.gpu(), figures, false, r.notes())); // the catalog's ids
                costs.add(r.estimate().value(CHEAPEST_BY));
            }
        }
        return new CompareResult(s.id(), outputs, CHEAPEST_BY, markCheapest(rows, costs));
    }

    private static List<CompareResult.Row> markCheapest(List<CompareResult.Row> rows, List<Optional<Double>> costs) {
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            Optional<Double> c = costs.get(i);
            if (c.isPresent() && c.get() < bestCost) {
                bestCost = c.get();
                best = i;
            }
        }
        List<CompareResult.Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CompareResult.Row r = rows.get(i);
            out.add(new CompareResult.Row(r.model(), r.gpu(), r.figures(), i == best, r.notes()));
        }
        return out;
    }
}

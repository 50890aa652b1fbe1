package llmcap.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import llmcap.catalog.Scenario;
import llmcap.domain.Excerpt;
import llmcap.domain.Suggest;
import llmcap.engine.Derivation;

/**
 * One estimate per model x GPU, figures side by side, ranked by one of them: by default the figure
 * the scenario's kind asks for ({@code rules/headline.yaml}: cost per million tokens for serving, the
 * training run's cost for training, the fleet's daily cost for both). Every row is computed the same
 * way: the scenario's judgements (made for its own model and GPU) are left out of all of them. Each
 * row shows the price it was costed at, on what terms, from whom and of which date.
 */
public final class Compare {

    /** Columns when neither --output nor the headline file says (a scenario of kind both). */
    public static final List<String> DEFAULT_OUTPUTS = List.of("inference.gpus_per_replica", "serving.gpus",
            "training.gpus", "training.gpu_days", "cost.fleet_daily_usd", "cost.usd_per_million_tokens");
    /** The ranking when neither --rank-by nor the headline file says. */
    public static final String DEFAULT_RANK_BY = "cost.fleet_daily_usd";
    /** The price every cost is worked from. */
    static final String PRICE = "cost.usd_per_gpu_hour";

    private final Workspace workspace;

    public Compare(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param outputs the columns; empty: the kind's
     * @param rankBy  {@code NAME}, {@code NAME:lowest} or {@code NAME:highest}; empty: the kind's
     */
    public CompareResult run(Scenario s, List<String> models, List<String> gpus, Map<String, String> sets,
                             List<String> outputs, Optional<String> rankBy) {
        Optional<HeadlineSpec.CompareDefaults> defaults = workspace.headline().compareFor(s.kind());
        Set<String> known = new TreeSet<>(workspace.rules().index().names());
        List<String> columns = new ArrayList<>(outputs.isEmpty()
                ? defaults.map(HeadlineSpec.CompareDefaults::columns).orElse(DEFAULT_OUTPUTS) : outputs);
        for (String o : columns) {
            if (!known.contains(o)) {
                throw new UsageException("--output " + o + ": no rule derives it" + Suggest.hint(o, known));
            }
        }
        CompareResult.Ranking ranking = ranking(rankBy, defaults.map(HeadlineSpec.CompareDefaults::rankBy)
                .orElse(DEFAULT_RANK_BY), known);
        if (!columns.contains(ranking.by())) {
            columns.add(ranking.by());
        }
        Scenario fair = new Scenario(s.id(), s.title(), s.file(), s.source(), s.model(), s.gpu(), s.referenceModel(),
                s.crosscheckModel(), s.assumptions(), List.of(), s.published(), Map.of(), s.kind());
        List<CompareResult.Row> rows = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (String m : models.isEmpty() ? List.of(s.model()) : models) {
            for (String g : gpus.isEmpty() ? List.of(s.gpu()) : gpus) {
                Result r = workspace.estimate(fair, Optional.of(m), Optional.of(g), sets);
                Map<String, Optional<Derivation>> figures = new LinkedHashMap<>();
                for (String o : columns) {
                    figures.put(o, r.estimate().get(o).filter(d -> !d.isSetting()));
                }
                rows.add(new CompareResult.Row(r.model(), r.gpu(), figures, OptionalInt.empty(), price(r, r.gpu()),
                        r.notes())); // the catalog's ids, however the user spelled them
                results.add(r);
            }
        }
        List<String> notes = new ArrayList<>();
        if (rows.stream().noneMatch(r -> r.figures().get(ranking.by()).isPresent())) {
            String why = workspace.whyMissing(results.get(0), ranking.by()).orElse("no row derives it");
            if (ranking.given()) {
                Set<String> have = new TreeSet<>();
                results.forEach(r -> r.estimate().derived().forEach(d -> have.add(d.name())));
                throw new UsageException("--rank-by " + ranking.by() + ": no row has it (" + why + ")"
                        + Suggest.hint(ranking.by(), have));
            }
            notes.add("not ranked: " + why);
        }
        notes.addAll(Prices.notes(rows));
        return new CompareResult(s.id(), s.kind(), columns, ranking, rank(rows, ranking), notes);
    }

    /** {@code NAME[:lowest|:highest]}: a number some rule derives; rates rank highest first unless told. */
    private CompareResult.Ranking ranking(Optional<String> given, String fallback, Set<String> known) {
        String text = given.orElse(fallback).strip();
        int colon = text.lastIndexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String order = colon < 0 ? "" : text.substring(colon + 1);
        if (!order.isEmpty() && !order.equals("lowest") && !order.equals("highest")) {
            throw new UsageException("--rank-by " + Excerpt.of(text) + ": '" + Excerpt.of(order)
                    + "' is not an order; write NAME, NAME:lowest or NAME:highest");
        }
        if (!known.contains(name)) {
            throw new UsageException("--rank-by " + Excerpt.of(name) + ": no rule derives it" + Suggest.hint(name, known));
        }
        if (workspace.rules().index().isSetting(name)) {
            throw new UsageException("--rank-by " + name + ": a setting (a word such as memory or bf16), not a figure"
                    + " to rank by");
        }
        String unit = workspace.rules().index().unitOf(name).orElse("");
        boolean cost = unit.startsWith("USD");
        boolean highest = order.isEmpty() ? unit.endsWith("/s") && !cost : order.equals("highest");
        return new CompareResult.Ranking(name, highest, cost, given.isPresent());
    }

    /** Rows with the figure, best first (equal values share a rank), then those without it, as asked. */
    private static List<CompareResult.Row> rank(List<CompareResult.Row> rows, CompareResult.Ranking ranking) {
        Comparator<CompareResult.Row> byValue = Comparator.comparingDouble(r -> value(r, ranking.by()));
        List<CompareResult.Row> ranked = new ArrayList<>(rows.stream()
                .filter(r -> r.figures().get(ranking.by()).isPresent()).toList());
        ranked.sort(ranking.highestFirst() ? byValue.reversed() : byValue);
        List<CompareResult.Row> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            CompareResult.Row r = ranked.get(i);
            int rank = i > 0 && value(ranked.get(i - 1), ranking.by()) == value(r, ranking.by())
                    ? out.get(i - 1).rank().getAsInt() : i + 1;
            out.add(new CompareResult.Row(r.model(), r.gpu(), r.figures(), OptionalInt.of(rank), r.price(), r.notes()));
        }
        rows.stream().filter(r -> r.figures().get(ranking.by()).isEmpty()).forEach(out::add);
        return out;
    }

    private static double value(CompareResult.Row r, String name) {
        return r.figures().get(name).orElseThrow().quantity().value();
    }

    /** The price a row was costed at, followed to where it was set. */
    private CompareResult.Price price(Result r, String gpu) {
        Optional<Derivation> d = r.estimate().get(PRICE).filter(x -> !x.isSetting());
        if (d.isEmpty()) {
            return CompareResult.Price.none();
        }
        Derivation leaf = d.get();
        while (!leaf.origin().isAssumption() && leaf.inputs().size() == 1) {
            Optional<Derivation> in = r.estimate().get(leaf.inputs().get(0));
            if (in.isEmpty()) {
                break;
            }
            leaf = in.get();
        }
        Optional<Double> usd = Optional.of(d.get().quantity().value());
        String where = leaf.origin().where();
        return switch (leaf.origin().kind()) {
            case CATALOG -> {
                var entry = workspace.catalog().gpu(gpu);
                yield new CompareResult.Price(usd, entry.info("rental.terms").orElse("?"),
                        entry.info("rental.provider").orElse(""), entry.info("rental.date").orElse(""), where);
            }
            case SCENARIO -> new CompareResult.Price(usd, "scenario", "", "", where);
            case COMMAND_LINE -> new CompareResult.Price(usd, "--set", "", "", where);
            default -> new CompareResult.Price(usd, "default", "", "", where);
        };
    }
}

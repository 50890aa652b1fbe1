package llmcap.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import llmcap.domain.Excerpt;
import llmcap.domain.Quantity;

/** Reads {@code catalog/validation/*.yaml}, one published run or figure per file. */
public final class ValidationLoader {

    private static final Set<String> FIELDS = Set.of("id", "title", "source", "scenario", "model", "gpu", "set",
            "checks", "implied_utilization");
    private static final Set<String> CHECK = Set.of("figure", "quantity", "published", "tolerance_percent", "why", "known_miss");
    private static final Set<String> IMPLIED = Set.of("variable", "quantity", "published", "expected",
            "tolerance_percent", "why");

    private ValidationLoader() {
    }

    /**
     * Every case of the {@code validation/} folders of {@code catalog}'s layers, in file-name order; an
     * overlay's case replaces the case with its id whole.
     */
    public static List<ValidationCase> loadAll(Catalog catalog) {
        Map<String, ValidationCase> all = new LinkedHashMap<>();
        for (Catalog.Layer layer : catalog.layers()) {
            all.putAll(loadLayer(layer, catalog));
        }
        return new ArrayList<>(all.values());
    }

    private static Map<String, ValidationCase> loadLayer(Catalog.Layer layer, Catalog catalog) {
        Path dir = layer.dir().resolve("validation");
        if (!Files.isDirectory(dir)) {
            return Map.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new CatalogException(layer.display() + "/validation: cannot list (" + e.getMessage() + ")");
        }
        Map<String, ValidationCase> byId = new LinkedHashMap<>();
        for (Path f : files) {
            ValidationCase c = load(Yaml.read(f, layer.display() + "/validation/" + f.getFileName()), catalog);
            ValidationCase twin = byId.putIfAbsent(c.id(), c);
            if (twin != null) {
                throw new CatalogException(c.file() + ": validation case id '" + c.id() + "' is also used by " + twin.file());
            }
        }
        return byId;
    }

    static ValidationCase load(YNode root, Catalog catalog) {
        Fields f = new Fields(root, "validation case").allowOnly(FIELDS);
        String id = EntryBuilder.id(f);
        String ctx = "validation case '" + id + "'";
        f = new Fields(root, ctx);
        String source = f.text("source");
        Scenario base = base(f, ctx, catalog, id, source);
        List<Scenario.Value> sets = new ArrayList<>(base.assumptions());
        if (f.has("set")) {
            Fields set = f.map("set", ctx + ": set");
            for (String name : set.keys()) {
                if (!Quantity.isValidName(name)) {
                    throw set.error(name, "is not a dotted quantity name");
                }
                sets.add(new Scenario.Value(name, set.text(name), null, "set by " + ctx, f.file(), set.line(name)));
            }
        }
        Scenario scenario = new Scenario(base.id(), base.title(), f.file(), source, base.model(), base.gpu(),
                base.referenceModel(), base.crosscheckModel(), sets, base.judgements(), base.published(), Map.of(), base.kind());
        List<ValidationCase.Check> checks = new ArrayList<>();
        for (YNode n : f.has("checks") ? f.list("checks") : List.<YNode>of()) {
            Fields c = new Fields(n, ctx + ": check").allowOnly(CHECK);
            checks.add(new ValidationCase.Check(c.optText("figure").orElse(""), name(c, "quantity"), c.positive("published"),
                    tolerance(c), c.text("why"), c.line(), c.optText("known_miss")));
        }
        Optional<ValidationCase.Implied> implied = f.optMap("implied_utilization", ctx + ": implied_utilization")
                .map(i -> {
                    i.allowOnly(IMPLIED);
                    OptionalDouble expected = i.optPositive("expected");
                    return new ValidationCase.Implied(i.optText("variable").orElse("training.mfu"),
                            name(i, "quantity"), i.positive("published"), expected,
                            expected.isPresent() ? tolerance(i) : 0, i.optText("why").orElse(""), i.line());
                });
        if (checks.isEmpty() && implied.isEmpty()) {
            throw f.error("checks", "a case needs at least one check or an implied_utilization");
        }
        return new ValidationCase(id, f.text("title"), f.file(), source, scenario, checks, implied);
    }

    /** A catalog scenario ({@code scenario: id}) or a bare model and GPU for this case alone. */
    private static Scenario base(Fields f, String ctx, Catalog catalog, String id, String source) {
        if (f.has("scenario")) {
            if (f.has("model") || f.has("gpu")) {
                throw f.error("scenario", "give either a scenario or a model and a GPU, not both");
            }
            String sid = f.text("scenario");
            if (!catalog.scenarios().containsKey(sid)) {
                throw f.error("scenario", "'" + Excerpt.of(sid) + "' is not in the catalog"
                        + llmcap.domain.Suggest.hint(sid, catalog.scenarios().keySet()));
            }
            return catalog.scenarios().get(sid);
        }
        for (String k : List.of("model", "gpu")) {
            String v = f.text(k);
            Map<String, Entry> known = k.equals("model") ? catalog.models() : catalog.gpus();
            if (!known.containsKey(v)) {
                throw f.error(k, "'" + Excerpt.of(v) + "' is not in the catalog"
                        + llmcap.domain.Suggest.hint(v, known.keySet()));
            }
        }
        return new Scenario(id, f.text("title"), f.file(), source, f.text("model"), f.text("gpu"), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), Map.of());
    }

    private static String name(Fields c, String key) {
        String q = c.text(key);
        if (!Quantity.isValidName(q)) {
            throw c.error(key, "'" + Excerpt.of(q) + "' is not a dotted quantity name");
        }
        return q;
    }

    private static double tolerance(Fields c) {
        double t = c.number("tolerance_percent");
        if (!(t >= 0)) {
            throw c.error("tolerance_percent", "must be zero or more");
        }
        c.text("why");
        return t;
    }
}

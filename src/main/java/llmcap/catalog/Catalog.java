package llmcap.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import llmcap.domain.Excerpt;
import llmcap.domain.Suggest;

/**
 * The GPUs, models, families and scenarios of a catalog, checked as a whole: ids are unique in each
 * file, and every id an entry refers to exists. A catalog is read from one folder or from several
 * layers: the first holds the whole catalog, each later one (an overlay) adds entries and overrides
 * those with the same id, GPUs, models and families field by field ({@link Overlay}), scenarios whole.
 * A scenario's own model and GPU are checked when it is used ({@link #checkScenario}), so that
 * {@code --model} and {@code --gpu} can stand in for ones this catalog lacks.
 *
 * @param display how errors and reports name the catalog ({@code catalog}, the path given, or
 *                {@code my-catalog over catalog} for layers)
 * @param layers  the folders it was read from, the base first
 */
public record Catalog(String display, Map<String, Entry> gpus, Map<String, Entry> models,
                      Map<String, Scenario> scenarios, Map<String, Entry> families, List<Layer> layers) {

    /** One folder of a catalog and the name errors and provenance give it. */
    public record Layer(Path dir, String display) {
        public Layer {
            java.util.Objects.requireNonNull(dir, "dir must not be null");
            java.util.Objects.requireNonNull(display, "display must not be null");
        }
    }

    public Catalog {
        families = Collections.unmodifiableMap(families);
        gpus = Collections.unmodifiableMap(gpus);
        models = Collections.unmodifiableMap(models);
        scenarios = Collections.unmodifiableMap(scenarios);
        layers = List.copyOf(layers);
    }

    /**
     * Loads {@code gpus.yaml}, {@code models.yaml}, {@code scenarios/*.yaml} and, when present,
     * {@code families.yaml} from {@code dir}.
     */
    public static Catalog load(Path dir, String display) {
        return load(List.of(new Layer(dir, display)));
    }

    /** Loads the base layer (a whole catalog) with each overlay laid over it in turn. */
    public static Catalog load(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs at least one folder");
        }
        layers.subList(1, layers.size()).forEach(Catalog::requireCatalogFiles);
        Map<String, Entry> gpus = Layered.entries(layers, Layered.GPUS);
        Map<String, Entry> models = Layered.entries(layers, Layered.MODELS);
        Map<String, Entry> families = Layered.entries(layers, Layered.FAMILIES);
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (Layer layer : layers) {
            scenarios.putAll(scenarios(layer)); // an overlay's scenario replaces the one with its id whole
        }
        List<String> names = new ArrayList<>();
        layers.forEach(l -> names.add(0, l.display()));
        Catalog c = new Catalog(String.join(" over ", names), gpus, models, scenarios, families, layers);
        c.checkReferences();
        return c;
    }

    /** The scenarios of one folder, by id; an id used twice in it is an error. */
    private static Map<String, Scenario> scenarios(Layer layer) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (Path file : scenarioFiles(layer.dir(), layer.display())) {
            String name = layer.display() + "/scenarios/" + file.getFileName();
            Scenario s = ScenarioLoader.load(Yaml.read(file, name));
            Scenario twin = out.putIfAbsent(s.id(), s);
            if (twin != null) {
                throw new CatalogException(name + ":" + s.line("id") + ": scenario id '" + s.id() + "' is also used by "
                        + twin.file() + ":" + twin.line("id"));
            }
        }
        return out;
    }

    /** An overlay holds at least one catalog file: a folder with none is a mistake (a typo, the wrong folder). */
    private static void requireCatalogFiles(Layer layer) {
        boolean any = Layered.FILES.stream().anyMatch(f -> Files.exists(layer.dir().resolve(f)))
                || Files.isDirectory(layer.dir().resolve("scenarios")) || Files.isDirectory(layer.dir().resolve("validation"));
        if (!any) {
            throw new CatalogException(layer.display() + ": no catalog files here (an overlay holds any of "
                    + String.join(", ", Layered.FILES) + ", scenarios/ and validation/)");
        }
    }

    public Entry gpu(String id) {
        return find(gpus, id, "GPU");
    }

    public Entry model(String id) {
        return find(models, id, "model");
    }

    /** The family a GPU names ({@code family:} in gpus.yaml), if it names one. */
    public java.util.Optional<Entry> familyOf(Entry gpu) {
        return gpu.info("family").map(families::get);
    }

    /** The scenario {@code id} names, whatever its case. */
    public Scenario scenario(String id) {
        return find(scenarios, id, "scenario");
    }

    /**
     * The entry {@code id} names. Ids are lowercase (the loaders insist), so {@code H100-SXM} finds
     * h100-sxm; an id the catalog lacks lists the ids it begins, or the closest ones.
     */
    private static <T> T find(Map<String, T> entries, String id, String what) {
        T e = entries.get(id);
        if (e == null) {
            e = entries.get(id.strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (e == null) {
            throw new UnknownIdException("unknown " + what + " '" + Excerpt.of(id) + "'"
                    + Suggest.idHint(id, entries.keySet())
                    + "; known: " + String.join(", ", entries.keySet()));
        }
        return e;
    }

    /** Checks that a scenario's ids exist in this catalog; the error names the scenario's line. */
    public void checkScenario(Scenario s) {
        checkScenario(s, true, true);
    }

    /**
     * Checks the ids a run of {@code s} uses: its model unless {@code --model} stands in for it, its GPU
     * unless {@code --gpu} does, and its reference and cross-check models.
     */
    public void checkScenario(Scenario s, boolean ownModel, boolean ownGpu) {
        if (ownModel) {
            requireId(s, "model", s.model(), models, "model");
        }
        if (ownGpu) {
            requireId(s, "gpu", s.gpu(), gpus, "GPU");
        }
        s.referenceModel().ifPresent(r -> requireId(s, "reference_model", r, models, "reference model"));
        s.crosscheckModel().ifPresent(r -> requireId(s, "crosscheck_model", r, models, "cross-check model"));
    }

    private void checkReferences() {
        for (Entry g : gpus.values()) {
            g.info("family").ifPresent(f -> {
                if (!families.containsKey(f)) {
                    throw new CatalogException(g.file() + ":" + g.line() + ": gpu '" + g.id() + "': family '" + f
                            + "' is not in families.yaml" + Suggest.hint(f, families.keySet()));
                }
            });
        }
        for (Entry m : models.values()) {
            m.info("training_run.gpu").ifPresent(g -> {
                if (!gpus.containsKey(g)) {
                    throw new CatalogException(m.file() + ":" + m.line() + ": model '" + m.id()
                            + "': training_run.gpu '" + g + "' is not in gpus.yaml" + Suggest.hint(g, gpus.keySet()));
                }
            });
        }
    }

    private static void requireId(Scenario s, String field, String id, Map<String, Entry> known, String what) {
        if (!known.containsKey(id) && !known.containsKey(id.toLowerCase(java.util.Locale.ROOT))) {
            throw new CatalogException(s.file() + ":" + s.line(field) + ": scenario '" + s.id() + "': " + what
                    + " '" + Excerpt.of(id)
                    + "' is not in the catalog" + Suggest.hint(id, known.keySet()));
        }
    }

    private static List<Path> scenarioFiles(Path dir, String display) {
        Path sub = dir.resolve("scenarios");
        if (!Files.isDirectory(sub)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(sub)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList());
        } catch (IOException e) {
            throw new CatalogException(display + "/scenarios: cannot list (" + e.getMessage() + ")");
        }
    }

    /** Loads a scenario from a file outside the catalog ({@code --scenario PATH}); its ids are checked when it is used. */
    public Scenario scenarioFile(Path file, String display) {
        return ScenarioLoader.load(Yaml.read(file, display));
    }
}

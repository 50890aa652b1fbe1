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
 * The GPUs, models and scenarios of one catalog folder, checked as a whole: ids are unique, and
 * every id an entry or scenario refers to exists.
 *
 * @param display how errors and provenance name the folder ({@code catalog}, or the path given)
 */
public record Catalog(String display, Map<String, Entry> gpus, Map<String, Entry> models,
                      Map<String, Scenario> scenarios, Map<String, Entry> families) {

    public Catalog {
        families = Collections.unmodifiableMap(families);
        gpus = Collections.unmodifiableMap(gpus);
        models = Collections.unmodifiableMap(models);
        scenarios = Collections.unmodifiableMap(scenarios);
    }

    /**
     * Loads {@code gpus.yaml}, {@code models.yaml}, {@code scenarios/*.yaml} and, when present,
     * {@code families.yaml} from {@code dir}.
     */
    public static Catalog load(Path dir, String display) {
        Map<String, Entry> gpus = byId(GpuLoader.load(read(dir, display, "gpus.yaml")), "gpu");
        Map<String, Entry> models = byId(ModelLoader.load(read(dir, display, "models.yaml")), "model");
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (Path file : scenarioFiles(dir, display)) {
            String name = display + "/scenarios/" + file.getFileName();
            Scenario s = ScenarioLoader.load(Yaml.read(file, name));
            Scenario twin = scenarios.putIfAbsent(s.id(), s);
            if (twin != null) {
                throw new CatalogException(name + ":" + s.line("id") + ": scenario id '" + s.id() + "' is also used by "
                        + twin.file() + ":" + twin.line("id"));
            }
        }
        Map<String, Entry> families = Files.exists(dir.resolve("families.yaml"))
                ? byId(FamilyLoader.load(read(dir, display, "families.yaml")), "family") : Map.of();
        Catalog c = new Catalog(display, gpus, models, scenarios, families);
        c.checkReferences();
        return c;
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
        requireId(s, "model", s.model(), models, "model");
        requireId(s, "gpu", s.gpu(), gpus, "GPU");
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
        scenarios.values().forEach(this::checkScenario);
    }

    private static void requireId(Scenario s, String field, String id, Map<String, Entry> known, String what) {
        if (!known.containsKey(id)) {
            throw new CatalogException(s.file() + ":" + s.line(field) + ": scenario '" + s.id() + "': " + what
                    + " '" + Excerpt.of(id)
                    + "' is not in the catalog" + Suggest.hint(id, known.keySet()));
        }
    }

    private static YNode read(Path dir, String display, String name) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) { // anything else that is there, Yaml.read says what is wrong with it
            throw new CatalogException(display + "/" + name + ": missing (a catalog folder holds gpus.yaml,"
                    + " models.yaml and scenarios/)");
        }
        return Yaml.read(file, display + "/" + name);
    }

    private static Map<String, Entry> byId(List<Entry> entries, String kind) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            Entry twin = out.putIfAbsent(e.id(), e);
            if (twin != null) {
                throw new CatalogException(e.file() + ":" + e.line() + ": duplicate " + kind + " id '" + e.id()
                        + "' (first at line " + twin.line() + ")");
            }
        }
        return out;
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

    /** Loads a scenario from a file outside the catalog ({@code --scenario PATH}). */
    public Scenario scenarioFile(Path file, String display) {
        Scenario s = ScenarioLoader.load(Yaml.read(file, display));
        checkScenario(s);
        return s;
    }
}

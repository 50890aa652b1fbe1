package llmcap.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The entries of one kind (GPUs, models, families) read from every layer of a catalog: each layer's
 * entries by id, an id a layer repeats refused at its line, an entry with the id of one below laid
 * over it field by field ({@link Overlay}), new ids added after those below.
 */
final class Layered {

    /** What one kind of entry is: its file, the key that lists the entries, how to read one, its figures. */
    record Kind(String file, String key, String what, boolean required, Function<YNode, Entry> entry,
                Set<String> figurePaths) {
    }

    static final Kind GPUS = new Kind("gpus.yaml", "gpus", "gpu", true, GpuLoader::entry, GpuLoader.knownPaths());
    static final Kind MODELS = new Kind("models.yaml", "models", "model", true, ModelLoader::entry,
            ModelLoader.knownPaths());
    static final Kind FAMILIES = new Kind("families.yaml", "families", "family", false, FamilyLoader::entry,
            FamilyLoader.knownPaths());
    /** The catalog's files of entries. */
    static final List<String> FILES = List.of(GPUS.file(), MODELS.file(), FAMILIES.file());

    private Layered() {
    }

    /** The entries of {@code kind} over all {@code layers}, by id; the base layer must hold a required file. */
    static Map<String, Entry> entries(List<Catalog.Layer> layers, Kind kind) {
        Map<String, YNode> nodes = new LinkedHashMap<>();
        Map<String, YNode> firsts = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Catalog.Layer layer = layers.get(i);
            Path file = layer.dir().resolve(kind.file());
            String name = layer.display() + "/" + kind.file();
            if (!Files.exists(file)) { // anything else that is there, Yaml.read says what is wrong with it
                if (i == 0 && kind.required()) {
                    throw new CatalogException(name + ": missing (a catalog folder holds gpus.yaml, models.yaml and"
                            + " scenarios/)");
                }
                continue;
            }
            Map<String, YNode> inFile = new LinkedHashMap<>();
            for (YNode item : EntryBuilder.items(Yaml.read(file, name), kind.key())) {
                String id = EntryBuilder.id(new Fields(item, kind.what() + " entry"));
                YNode twin = inFile.putIfAbsent(id, item);
                if (twin != null) {
                    throw new CatalogException(item.where() + ": duplicate " + kind.what() + " id '" + id
                            + "' (first at line " + twin.line() + ")");
                }
                firsts.putIfAbsent(id, item);
                YNode below = nodes.get(id);
                nodes.put(id, below == null ? item : Overlay.merge((YNode.Mapping) below, (YNode.Mapping) item,
                        kind.what() + " '" + id + "'", kind.figurePaths()));
            }
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        nodes.forEach((id, node) -> {
            Entry e = kind.entry().apply(node);
            YNode first = firsts.get(id); // provenance names the entry where it was first written, the bundled one
            out.put(id, new Entry(e.kind(), e.id(), e.name(), first.file(), first.line(), e.figures(), e.info()));
        });
        return out;
    }
}

package llmcap.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import llmcap.catalog.Catalog;
import llmcap.catalog.Scenario;
import llmcap.engine.Engine;
import llmcap.engine.Estimate;
import llmcap.engine.RuleBook;
import llmcap.engine.RuleFile;

/**
 * A rules folder and a catalog folder, loaded once and used for any number of estimates. This is
 * the whole of llmcap that a command line, a test or another program needs.
 */
public final class Workspace {

    private final Folder rulesFolder;
    private final Folder catalogFolder;
    private final Timings timings;
    private RuleBook book;
    private Catalog catalog;
    private final List<Path> scenarioFiles = new java.util.ArrayList<>();
    private java.util.function.Consumer<String> warnings = w -> { };
    private java.time.Duration ruleTimeout = Engine.DEFAULT_TIME_LIMIT;
    private HeadlineSpec headline;

    public Workspace(Folder rules, Folder catalog, Timings timings) {
        this.rulesFolder = rules;
        this.catalogFolder = catalog;
        this.timings = timings;
    }

    /** A workspace over rules already compiled from {@code rules} (tests and tools that load many catalogs). */
    public Workspace(Folder rules, RuleBook compiled, Folder catalog, Timings timings) {
        this(rules, catalog, timings);
        this.book = compiled;
    }

    /** A workspace over rules and a catalog already loaded: nothing is read from disk (the server's snapshots). */
    public Workspace(Folder rules, RuleBook compiled, Folder catalogFolder, Catalog loaded, Timings timings) {
        this(rules, compiled, catalogFolder, timings);
        this.catalog = loaded;
    }

    /** Where to say what the user should know but that does not stop the run (a cache that is not used). */
    public Workspace onWarning(java.util.function.Consumer<String> warnings) {
        this.warnings = warnings;
        return this;
    }

    /** The wall-clock limit of one rule firing (an estimate, or one step of a sweep). */
    public Workspace withRuleTimeout(java.time.Duration limit) {
        this.ruleTimeout = limit;
        return this;
    }

    /** The headline spec read already (a server's snapshot), so this workspace reads none from disk. */
    public Workspace withHeadline(HeadlineSpec spec) {
        this.headline = spec;
        return this;
    }

    /** What each kind of question asks: the rules folder's {@code headline.yaml}, else the bundled one. */
    public HeadlineSpec headline() {
        if (headline == null) {
            headline = timings.time("load headline", () -> HeadlineLoader.load(rulesFolder, rules().index().names()));
        }
        return headline;
    }

    /** The wall-clock limit of one rule firing. */
    public java.time.Duration ruleTimeout() {
        return ruleTimeout;
    }

    /** An engine over this workspace's rules, with its limits. */
    public Engine engine() {
        return new Engine(rules(), Engine.DEFAULT_FIRING_LIMIT, ruleTimeout);
    }

    public Folder rulesFolder() {
        return rulesFolder;
    }

    public Folder catalogFolder() {
        return catalogFolder;
    }

    public Timings timings() {
        return timings;
    }

    public RuleBook rules() {
        if (book == null) {
            if (!rulesFolder.trusted()) {
                throw new UsageException(Locations.untrusted(rulesFolder));
            }
            List<RuleFile> files = timings.time("read rules", () -> RuleFile.readAll(rulesFolder.path(),
                    rulesFolder.display()));
            book = timings.time("load rules", () -> RuleBook.load(files, warnings));
        }
        return book;
    }

    public Catalog catalog() {
        if (catalog == null) {
            catalog = timings.time("load catalog", () -> Catalog.load(layers(catalogFolder)));
        }
        return catalog;
    }

    /** The catalog layers of {@code folder}, the base first. */
    public static List<Catalog.Layer> layers(Folder folder) {
        return folder.folders().stream().map(f -> new Catalog.Layer(f.path(), f.display())).toList();
    }

    public Scenario scenario(String idOrPath) {
        boolean isPath = idOrPath.endsWith(".yaml") || idOrPath.endsWith(".yml") || idOrPath.contains("/");
        if (isPath) {
            Path p = Path.of(idOrPath);
            if (!Files.exists(p)) {
                throw new UsageException("--scenario " + idOrPath + ": no such file");
            }
            if (!Files.isRegularFile(p)) {
                throw new UsageException("--scenario " + idOrPath + ": not a regular file (a folder, device or named pipe)");
            }
            scenarioFiles.add(p);
            return catalog().scenarioFile(p, idOrPath);
        }
        return catalog().scenario(idOrPath);
    }

    /**
     * Every file a run of this workspace reads: the rule files, the catalog's files and the scenario
     * files given by path. An output must never replace one of them.
     */
    public List<Path> inputFiles() {
        List<Path> out = new java.util.ArrayList<>();
        addFiles(rulesFolder.path(), 1, out);
        catalogFolder.folders().forEach(f -> addFiles(f.path(), 3, out));
        out.addAll(scenarioFiles);
        return out;
    }

    private static void addFiles(Path dir, int depth, List<Path> out) {
        if (dir.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
            return; // the copy bundled in the jar, which nothing can write to
        }
        try (java.util.stream.Stream<Path> s = Files.walk(dir, depth)) {
            s.filter(Files::isRegularFile).forEach(out::add);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a folder that cannot be listed holds nothing the output could replace unseen
        }
    }

    /** Why a quantity the rules know is absent from {@code result}, if it is. */
    public java.util.Optional<String> whyMissing(Result result, String name) {
        return new Missing(result.estimate(), rules().index()).why(name);
    }

    public Result estimate(Selection selection) {
        return estimate(scenario(selection.scenario()), selection.model(), selection.gpu(), selection.sets());
    }

    /** An estimate of {@code s}, with the model or GPU swapped if given, and {@code --set} values on top. */
    public Result estimate(Scenario s, Optional<String> model, Optional<String> gpu, Map<String, String> sets) {
        Prepared p = prepare(s, model, gpu, sets);
        Estimate e = timings.time("fire rules", () -> engine().run(p.inputs()));
        return result(p, e);
    }

    /** The inputs of an estimate, before any rule fires: what sweeps and samples vary. */
    public Prepared prepare(Scenario s, Optional<String> model, Optional<String> gpu, Map<String, String> sets) {
        Catalog c = catalog();
        RuleBook b = rules();
        c.checkScenario(s, model.isEmpty(), gpu.isEmpty()); // --model and --gpu stand in for the scenario's own
        llmcap.catalog.Entry modelEntry = c.model(model.orElse(s.model()));
        llmcap.catalog.Entry gpuEntry = c.gpu(gpu.orElse(s.gpu()));
        String modelId = modelEntry.id(); // as the catalog writes it: --gpu H100-SXM is h100-sxm
        String gpuId = gpuEntry.id();
        InputBuilder inputs = new InputBuilder(c, b.index())
                .catalogEntry("model", modelEntry)
                .catalogEntry("gpu", gpuEntry);
        c.familyOf(gpuEntry).ifPresent(f -> inputs.catalogEntry("family", f));
        inputs.scenario(s, modelId, gpuId).sets(sets);
        return new Prepared(s, modelId, gpuId, sets, inputs.inputs(), inputs.notes());
    }

    /** The report of an estimate made from {@code p}: its notes, and what is missing and why. */
    public Result result(Prepared p, Estimate e) {
        List<String> notes = new java.util.ArrayList<>(p.notes());
        notes.addAll(new Missing(e, rules().index()).notes(headline(), p.scenario().kind()));
        for (String name : p.sets().keySet()) {
            if (!e.isRead(name)) {
                notes.add("--set " + name + " has no effect here: no rule that fired read it");
            }
        }
        return new Result(p.scenario(), p.model(), p.gpu(), e, notes, rulesFolder, catalogFolder);
    }

    /** What an estimate starts from: the scenario, model and GPU ids, and every input fact with its origin. */
    public record Prepared(Scenario scenario, String model, String gpu, Map<String, String> sets,
                           List<llmcap.domain.Input> inputs, List<String> notes) {
    }
}

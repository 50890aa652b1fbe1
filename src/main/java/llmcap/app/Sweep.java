package llmcap.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import llmcap.catalog.Numbers;
import llmcap.catalog.Scenario;
import llmcap.domain.Fact;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import llmcap.domain.Setting;
import llmcap.domain.Suggest;
import llmcap.engine.Derivation;
import llmcap.engine.IncrementalSession;

/**
 * Every combination of the dimensions, one estimate each, streamed row by row with the chosen
 * outputs and their provenance. Model and GPU vary slowest; for each of their combinations one
 * session stays open and only what a changed value touches is derived again.
 */
public final class Sweep {

    public static final List<String> DEFAULT_OUTPUTS = List.of("serving.gpus", "training.gpus", "fleet.gpus",
            "cost.fleet_daily_usd", "cost.usd_per_million_tokens");

    /** One scenario of the grid: the value of each dimension and each output (null when not derived). */
    public record Row(long index, String model, String gpu, String[] values, Derivation[] outputs) {
    }

    /** Receives rows in grid order. */
    public interface Sink {
        void row(Row row) throws IOException;
    }

    private final Workspace workspace;
    private final Scenario scenario;
    private final Optional<String> model;
    private final Optional<String> gpu;
    private final Map<String, String> sets;
    private final List<Dimension> dims;
    private final List<String> outputs;

    public Sweep(Workspace workspace, Scenario scenario, Optional<String> model, Optional<String> gpu,
                 Map<String, String> sets, List<Dimension> dims, List<String> outputs) {
        this.workspace = workspace;
        this.scenario = scenario;
        this.model = model;
        this.gpu = gpu;
        this.sets = sets;
        this.dims = orderIdsFirst(dims);
        this.outputs = List.copyOf(outputs);
        check();
    }

    /** The dimensions in the order rows list them (model and GPU first). */
    public List<Dimension> dimensions() {
        return dims;
    }

    public List<String> outputs() {
        return outputs;
    }

    public long size() {
        long n = 1;
        for (Dimension d : dims) {
            try {
                n = Math.multiplyExact(n, d.values().size());
            } catch (ArithmeticException e) {
                throw new UsageException("--vary: the grid has more than " + Long.MAX_VALUE + " scenarios");
            }
        }
        return n;
    }

    /**
     * Computes the rows on up to two threads, in blocks, and hands them to {@code sink} in grid order
     * on the calling thread. Memory stays flat: at most a few blocks are held at a time.
     */
    public void run(Sink sink, LongConsumer progress) {
        try {
            Blocks.run(size(), Worker::new, (i, row) -> {
                sink.row(row);
                progress.accept(i + 1);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One thread's open session, reused from row to row and rebuilt when the model or GPU changes. */
    private final class Worker implements Blocks.Worker<Row> {
        private IncrementalSession session;
        private String openFor;
        private List<Input> base;
        private Map<String, Integer> slot;
        private final String[] previous = new String[dims.size()];

        @Override
        public Row compute(long row) {
            String[] values = valuesAt(row);
            String m = workspace.catalog().model(model.orElse(scenario.model())).id();
            String g = workspace.catalog().gpu(gpu.orElse(scenario.gpu())).id();
            for (int d = 0; d < dims.size(); d++) {
                if (dims.get(d).name().equals("model")) {
                    m = workspace.catalog().model(values[d]).id(); // as the catalog writes it, whatever the case typed
                } else if (dims.get(d).name().equals("gpu")) {
                    g = workspace.catalog().gpu(values[d]).id();
                }
            }
            if (!(m + "\u0000" + g).equals(openFor)) {
                Map<String, String> with = new LinkedHashMap<>(sets);
                for (int d = 0; d < dims.size(); d++) {
                    if (!dims.get(d).isId()) {
                        with.put(dims.get(d).name(), values[d]);
                    }
                }
                base = new ArrayList<>(workspace.prepare(scenario, Optional.of(m), Optional.of(g), with).inputs());
                slot = slots(base);
                for (int d = 0; d < dims.size(); d++) { // given as --vary, not --set: errors and provenance say so
                    if (!dims.get(d).isId()) {
                        int i = slot.get(dims.get(d).name());
                        base.set(i, new Input(base.get(i).fact(), origin(dims.get(d).name(), values[d])));
                    }
                }
                close();
                session = workspace.engine().open(base);
                openFor = m + "\u0000" + g;
            } else {
                List<Input> changes = new ArrayList<>(dims.size());
                for (int d = 0; d < dims.size(); d++) {
                    Dimension dim = dims.get(d);
                    if (!dim.isId() && !values[d].equals(previous[d])) {
                        Fact template = base.get(slot.get(dim.name())).fact();
                        changes.add(new Input(fact(template, values[d]), origin(dim.name(), values[d])));
                    }
                }
                session.update(changes);
            }
            System.arraycopy(values, 0, previous, 0, values.length);
            Derivation[] out = new Derivation[outputs.size()];
            for (int o = 0; o < outputs.size(); o++) {
                out[o] = session.get(outputs.get(o)).orElse(null);
            }
            return new Row(row, m, g, values, out);
        }

        @Override
        public void close() {
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    /** The value of each dimension at grid position {@code row} (the last dimension varies fastest). */
    private String[] valuesAt(long row) {
        String[] values = new String[dims.size()];
        long rest = row;
        for (int d = dims.size() - 1; d >= 0; d--) {
            int size = dims.get(d).values().size();
            values[d] = dims.get(d).values().get((int) (rest % size));
            rest /= size;
        }
        return values;
    }

    private static Fact fact(Fact template, String text) {
        if (template instanceof Setting) {
            return new Setting(template.name(), Setting.normalise(text));
        }
        return new Quantity(template.name(), Numbers.parse(text), ((Quantity) template).unit());
    }

    private static Origin origin(String name, String value) {
        return Origin.commandLine("--vary " + name + "=" + llmcap.domain.Excerpt.of(value));
    }

    private Map<String, Integer> slots(List<Input> inputs) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            out.put(inputs.get(i).fact().name(), i);
        }
        return out;
    }

    /** Fails early, before any row: unknown outputs, bad values, unknown ids. */
    private void check() {
        workspace.catalog() // loaded here, once, before any worker thread reads it
                .checkScenario(scenario, model.isEmpty() && dims.stream().noneMatch(d -> d.name().equals("model")),
                        gpu.isEmpty() && dims.stream().noneMatch(d -> d.name().equals("gpu")));
        Set<String> known = new TreeSet<>(workspace.rules().index().names());
        for (String o : outputs) {
            if (!known.contains(o)) {
                throw new UsageException("--output " + o + ": no rule derives it" + Suggest.hint(o, known));
            }
        }
        for (Dimension d : dims) {
            if (d.isId()) {
                for (String v : d.values()) {
                    if (d.name().equals("gpu")) {
                        workspace.catalog().gpu(v);
                    } else {
                        workspace.catalog().model(v);
                    }
                }
            } else {
                for (String v : d.checkedValues()) { // each checked as --set would check it: name, type, sign
                    Map<String, String> one = new LinkedHashMap<>(sets);
                    one.put(d.name(), v);
                    try {
                        workspace.prepare(scenario, model, gpu, one);
                    } catch (UsageException e) {
                        throw new UsageException(e.getMessage().replaceFirst("^--set ", "--vary "));
                    }
                }
            }
        }
    }

    private static List<Dimension> orderIdsFirst(List<Dimension> dims) {
        List<Dimension> out = new ArrayList<>();
        dims.stream().filter(d -> d.name().equals("model")).forEach(out::add);
        dims.stream().filter(d -> d.name().equals("gpu")).forEach(out::add);
        dims.stream().filter(d -> !d.isId()).forEach(out::add);
        Set<String> seen = new TreeSet<>();
        for (Dimension d : out) {
            if (!seen.add(d.name())) {
                throw new UsageException("--vary " + llmcap.domain.Excerpt.of(d.name()) + " is given twice");
            }
        }
        return out;
    }
}

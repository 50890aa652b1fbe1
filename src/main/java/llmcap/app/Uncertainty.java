package llmcap.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import llmcap.catalog.CatalogException;
import llmcap.catalog.Distribution;
import llmcap.catalog.Scenario;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import llmcap.domain.ValueRange;
import llmcap.engine.IncrementalSession;

/**
 * Draws the assumptions a scenario states as ranges, N times, and reports each headline figure's
 * 10th, 50th and 90th percentiles. All draws come from one seeded generator before any is run, so a
 * seed gives the same result however the work is split over threads. A draw is kept within the
 * assumption's valid range ({@link Ranges}); a count (GPUs, replicas) is a whole number at every
 * percentile and the mean, rounded up.
 */
public final class Uncertainty {

    private final Workspace workspace;

    public Uncertainty(Workspace workspace) {
        this.workspace = workspace;
    }

    private record Ranged(String name, String unit, Distribution distribution, String where, ValueRange range) {
    }

    public UncertaintyResult run(Scenario s, Optional<String> model, Optional<String> gpu, Map<String, String> sets,
                                 int samples, long seed) {
        return run(s, model, gpu, sets, samples, seed, figures(s));
    }

    /** The same, for the figures named (a validation case's checked quantities). */
    public UncertaintyResult run(Scenario s, Optional<String> model, Optional<String> gpu, Map<String, String> sets,
                                 int samples, long seed, List<String> figures) {
        if (samples < 1) {
            throw new UsageException("--samples must be at least 1, got " + samples);
        }
        Workspace.Prepared p = workspace.prepare(s, model, gpu, sets);
        llmcap.engine.Estimate base = workspace.engine().run(p.inputs());
        Ranges ranges = new Ranges(workspace.rules());
        List<Ranged> ranged = new ArrayList<>(ranged(s, p, base, ranges));
        ranged.addAll(rangedDefaults(p, base, figures, ranges));
        ranged.sort(java.util.Comparator.comparing(Ranged::name));
        if (ranged.isEmpty()) {
            throw new UsageException("--samples: scenario '" + s.id() + "' states no assumption as a range and no rule"
                    + " that fired is marked @uncertain; give one low and high (or a triangular or lognormal"
                    + " distribution) in a scenario file");
        }
        requireMemory(samples, ranged.size() + figures.size());
        double[][] draws = new double[ranged.size()][samples]; // by assumption: one array each, not one per draw
        int[] clipped = new int[ranged.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < ranged.size(); j++) {
                Ranged r = ranged.get(j);
                double drawn = r.distribution().sample(random);
                draws[j][i] = Double.isFinite(drawn) ? r.range().clip(drawn) : drawn; // within its valid range
                clipped[j] += draws[j][i] != drawn && Double.isFinite(drawn) ? 1 : 0;
                if (!Double.isFinite(draws[j][i])) { // far in a very wide lognormal's tail
                    throw new CatalogException(r.where() + ": scenario '" + s.id() + "': " + r.name() + ": the range "
                            + r.distribution().describe() + " is too wide to draw from (a draw overflowed)");
                }
            }
        }
        double[][] values = new double[figures.size()][samples];
        try {
            Blocks.run(samples, () -> new Blocks.Worker<double[]>() {
                private final IncrementalSession session = workspace.engine().open(p.inputs());

                @Override
                public double[] compute(long i) {
                    List<Input> changes = new ArrayList<>(ranged.size());
                    for (int j = 0; j < ranged.size(); j++) {
                        Ranged r = ranged.get(j);
                        changes.add(new Input(new Quantity(r.name(), draws[j][(int) i], r.unit()),
                                Origin.commandLine("sample")));
                    }
                    session.update(changes);
                    double[] out = new double[figures.size()];
                    for (int f = 0; f < figures.size(); f++) {
                        out[f] = session.get(figures.get(f)).filter(d -> !d.isSetting())
                                .map(d -> d.quantity().value()).orElse(Double.NaN);
                    }
                    return out;
                }

                @Override
                public void close() {
                    session.close();
                }
            }, (i, out) -> {
                for (int f = 0; f < out.length; f++) {
                    values[f][(int) i] = out[f];
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<UncertaintyResult.Figure> result = new ArrayList<>();
        for (int f = 0; f < figures.size(); f++) {
            double[] v = Arrays.stream(values[f]).filter(x -> !Double.isNaN(x)).sorted().toArray();
            if (v.length == 0) {
                continue;
            }
            String unit = workspace.rules().index().unitOf(figures.get(f)).orElse("1");
            java.util.function.DoubleUnaryOperator shown = Ranges.isCount(unit) ? Ranges::wholeUp : x -> x;
            result.add(new UncertaintyResult.Figure(figures.get(f), unit, shown.applyAsDouble(percentile(v, 0.10)),
                    shown.applyAsDouble(percentile(v, 0.50)), shown.applyAsDouble(percentile(v, 0.90)),
                    shown.applyAsDouble(Arrays.stream(v).average().orElse(Double.NaN)), v.length));
        }
        List<UncertaintyResult.Input> inputs = new ArrayList<>();
        for (int j = 0; j < ranged.size(); j++) {
            Ranged r = ranged.get(j);
            inputs.add(new UncertaintyResult.Input(r.name(), r.unit(), r.distribution().describe(), r.where(),
                    clipped[j] == 0 ? "" : String.format(java.util.Locale.ROOT, "%,d of %,d draws kept within %s (%s)",
                            clipped[j], samples, r.range().describe(), r.range().where())));
        }
        return new UncertaintyResult(s.id(), samples, seed, inputs, result);
    }

    /** Every name the figures were derived from, directly or not: what a draw must reach to matter. */
    static java.util.Set<String> feeding(llmcap.engine.Estimate base, List<String> figures) {
        java.util.Set<String> out = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(figures);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (out.add(n)) {
                base.get(n).ifPresent(d -> todo.addAll(d.inputs()));
            }
        }
        return out;
    }

    /**
     * The draws and the figures of {@code samples} samples are held at once (percentiles need them all):
     * too many for this Java's heap is a usage error, said before any memory is taken.
     */
    private static void requireMemory(int samples, int columns) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long need = (long) samples * (columns + 1) * Double.BYTES; // + 1: the sorted copy of one figure
        if (need > free * 0.8) {
            long fit = (long) (free * 0.8) / ((columns + 1L) * Double.BYTES);
            throw new UsageException(String.format(java.util.Locale.ROOT, "--samples %d needs about %,d MiB of memory"
                    + " for the draws, more than this Java may use (%,d MiB free); give at most %,d, or more memory"
                    + " with JAVA_TOOL_OPTIONS=-Xmx8g", samples, need >> 20, free >> 20, fit));
        }
    }

    /** Linear interpolation between the closest ranks (the usual "type 7" percentile). */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Ranged values of the scenario that reached the inputs (not overridden by --set, judgements only if kept). */
    private static List<Ranged> ranged(Scenario s, Workspace.Prepared p, llmcap.engine.Estimate base, Ranges ranges) {
        List<Ranged> out = new ArrayList<>();
        for (Scenario.Value v : Stream.concat(s.assumptions().stream(), s.judgements().stream()).toList()) {
            if (v.distribution().isEmpty()) {
                continue;
            }
            for (Input in : p.inputs()) {
                if (in.fact().name().equals(v.name()) && in.fact() instanceof Quantity q
                        && in.origin().kind() == Origin.Kind.SCENARIO) {
                    out.add(new Ranged(v.name(), q.unit(), v.distribution().get(), v.file() + ":" + v.line(),
                            ranges.range(v.name(), q.unit(), q.value(), base)));
                }
            }
        }
        return out;
    }

    /**
     * Figures a rule marked {@code @uncertain(low, [mode,] high)} gave (a default, or a family's fitted
     * efficiency), unless an input replaced them: drawn from the rule's value times those factors. Only
     * rules that stand aside for a given value (a condition {@code not Quantity(name == ...)} on their
     * own output) qualify, since a draw is given to the session as an input.
     */
    private List<Ranged> rangedDefaults(Workspace.Prepared p, llmcap.engine.Estimate base, List<String> figures,
                                        Ranges ranges) {
        java.util.Set<String> given = new java.util.HashSet<>();
        p.inputs().forEach(i -> given.add(i.fact().name()));
        java.util.Set<String> feeding = feeding(base, figures);
        List<Ranged> out = new ArrayList<>();
        for (llmcap.engine.Derivation d : base.all()) {
            if (d.isSetting() || given.contains(d.name()) || d.origin().rule() == null || !feeding.contains(d.name())) {
                continue;
            }
            workspace.rules().index().rules().stream()
                    .filter(r -> r.name().equals(d.origin().rule()) && !r.uncertain().isEmpty() && r.absent().contains(d.name()))
                    .findFirst().ifPresent(r -> {
                        List<Double> f = r.uncertain();
                        double v = d.quantity().value();
                        java.util.function.DoubleUnaryOperator at = x -> Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v * x));
                        Distribution dist = f.size() == 2
                                ? new Distribution(Distribution.Kind.uniform, at.applyAsDouble(f.get(0)), v, at.applyAsDouble(f.get(1)))
                                : new Distribution(Distribution.Kind.triangular, at.applyAsDouble(f.get(0)),
                                        at.applyAsDouble(f.get(1)), at.applyAsDouble(f.get(2)));
                        out.add(new Ranged(d.name(), d.quantity().unit(), dist, r.where() + " @uncertain",
                                ranges.range(d.name(), d.quantity().unit(), v, base)));
                    });
        }
        return out;
    }

    private static List<String> figures(Scenario s) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        s.published().forEach(f -> out.add(f.quantity()));
        out.addAll(Sweep.DEFAULT_OUTPUTS);
        return new ArrayList<>(out);
    }
}

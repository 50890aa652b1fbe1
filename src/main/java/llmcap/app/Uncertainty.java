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
import llmcap.engine.IncrementalSession;

/**
 * Draws the assumptions a scenario states as ranges, N times, and reports each headline figure's
 * 10th, 50th and 90th percentiles. All draws come from one seeded generator before any is run, so a
 * seed gives the same result however the work is split over threads.
 */
public final class Uncertainty {

    private final Workspace workspace;

    public Uncertainty(Workspace workspace) {
        this.workspace = workspace;
    }

    private record Ranged(String name, String unit, Distribution distribution, String where) {
    }

    public UncertaintyResult run(Scenario s, Optional<String> model, Optional<String> gpu, Map<String, String> sets,
                                 int samples, long seed) {
        if (samples < 1) {
            throw new UsageException("--samples must be at least 1, got " + samples);
        }
        Workspace.Prepared p = workspace.prepare(s, model, gpu, sets);
        List<Ranged> ranged = ranged(s, p);
        if (ranged.isEmpty()) {
            throw new UsageException("--samples: scenario '" + s.id() + "' states no assumption as a range; give one"
                    + " low and high (or a triangular or lognormal distribution) in a scenario file");
        }
        List<String> figures = figures(s);
        requireMemory(samples, ranged.size() + figures.size());
        double[][] draws = new double[ranged.size()][samples]; // by assumption: one array each, not one per draw
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < ranged.size(); j++) {
                Ranged r = ranged.get(j);
                draws[j][i] = r.distribution().sample(random);
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
            result.add(new UncertaintyResult.Figure(figures.get(f), unit, percentile(v, 0.10), percentile(v, 0.50),
                    percentile(v, 0.90), Arrays.stream(v).average().orElse(Double.NaN), v.length));
        }
        return new UncertaintyResult(s.id(), samples, seed, ranged.stream().map(r -> new UncertaintyResult.Input(
                r.name(), r.unit(), r.distribution().describe(), r.where())).toList(), result);
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
    private static List<Ranged> ranged(Scenario s, Workspace.Prepared p) {
        List<Ranged> out = new ArrayList<>();
        for (Scenario.Value v : Stream.concat(s.assumptions().stream(), s.judgements().stream()).toList()) {
            if (v.distribution().isEmpty()) {
                continue;
            }
            for (Input in : p.inputs()) {
                if (in.fact().name().equals(v.name()) && in.fact() instanceof Quantity q
                        && in.origin().kind() == Origin.Kind.SCENARIO) {
                    out.add(new Ranged(v.name(), q.unit(), v.distribution().get(), v.file() + ":" + v.line()));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Ranged::name));
        return out;
    }

    private static List<String> figures(Scenario s) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        s.published().forEach(f -> out.add(f.quantity()));
        out.addAll(Sweep.DEFAULT_OUTPUTS);
        return new ArrayList<>(out);
    }
}

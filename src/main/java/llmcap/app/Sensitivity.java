package llmcap.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import llmcap.catalog.Scenario;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import llmcap.domain.Suggest;
import llmcap.domain.ValueRange;
import llmcap.engine.Derivation;
import llmcap.engine.Engine;
import llmcap.engine.Estimate;
import llmcap.engine.IncrementalSession;
import llmcap.engine.RuleException;

/**
 * Every numeric assumption the estimate used (defaults, scenario values, catalog figures), moved
 * down and up by a swing one at a time, ranked by how far one output moves. A moved value stays
 * within its valid range ({@link Ranges}): rounded to a whole number where it is one, clipped at the
 * range's ends; the model's own figures and a setting's lookups are not moved. An output that is a
 * count (GPUs, replicas) is a whole number at each end, rounded up.
 */
public final class Sensitivity {

    private final Workspace workspace;

    public Sensitivity(Workspace workspace) {
        this.workspace = workspace;
    }

    public SensitivityResult run(Scenario s, Optional<String> model, Optional<String> gpu, Map<String, String> sets,
                                 String output, double swing) {
        if (!(swing > 0 && swing < 1)) {
            throw new UsageException("--swing must be between 0 % and 100 % (exclusive), got " + swing * 100 + " %");
        }
        Workspace.Prepared p = workspace.prepare(s, model, gpu, sets);
        Engine engine = workspace.engine();
        Estimate base = engine.run(p.inputs());
        Derivation out = base.get(output).filter(d -> !d.isSetting()).orElseThrow(() -> new UsageException(
                "--output " + output + ": " + workspace.whyMissing(workspace.result(p, base), output)
                        .orElse("not derived in this estimate" + Suggest.hint(output, base.names()))));
        List<SensitivityResult.Row> rows = new ArrayList<>();
        List<SensitivityResult.NotMoved> notMoved = new ArrayList<>();
        Ranges ranges = new Ranges(workspace.rules());
        boolean countOut = Ranges.isCount(out.quantity().unit());
        double baseOut = out.quantity().value();
        java.util.Set<String> feeding = Uncertainty.feeding(base, List.of(output));
        IncrementalSession session = engine.open(p.inputs());
        try {
            for (Derivation a : base.assumptions()) {
                if (!base.isRead(a.name())) {
                    continue;
                }
                Quantity q = a.quantity();
                Optional<String> fixed = ranges.fixed(a, base);
                ValueRange range = ranges.range(a.name(), q.unit(), q.value(), base);
                double[] tried = {range.clip(q.value() * (1 - swing)), range.clip(q.value() * (1 + swing))};
                if (fixed.isEmpty() && tried[0] == q.value() && tried[1] == q.value()) {
                    fixed = Optional.of(range.whole() ? "whole numbers, which a " + Math.round(swing * 100) + " % swing rounds"
                            + " back to themselves" : "at both ends of its range (" + range.describe() + ")");
                }
                if (fixed.isPresent()) {
                    if (feeding.contains(a.name())) { // what the output is made from, and was not tried
                        notMoved.add(new SensitivityResult.NotMoved(a.name(), q.unit(), q.value(), fixed.get()));
                    }
                    continue;
                }
                double[] at = new double[2];
                String note = "";
                for (int end = 0; end < 2; end++) {
                    double v = tried[end];
                    if (v == q.value()) {
                        at[end] = baseOut; // kept at the base value by its range: nothing to run
                        continue;
                    }
                    try {
                        session.update(List.of(input(q, v)));
                        at[end] = session.get(output).map(d -> d.quantity().value()).orElse(Double.NaN);
                        if (Double.isNaN(at[end])) {
                            note = output + " is not derived at " + a.name() + " = " + v;
                        }
                    } catch (RuleException e) {
                        at[end] = Double.NaN;
                        note = e.lines().get(0);
                        session.close();
                        session = engine.open(p.inputs());
                    }
                    if (countOut) {
                        at[end] = Ranges.wholeUp(at[end]);
                    }
                }
                session.apply(p.inputs()); // back to the estimate as it was (a default's rule fires again)
                rows.add(new SensitivityResult.Row(a.name(), q.unit(), a.origin().describe(), q.value(), tried[0], tried[1],
                        at[0], at[1], note, kept(range, q.value() * (1 - swing), tried[0]),
                        kept(range, q.value() * (1 + swing), tried[1]), range.describe()
                        + (range.where().isEmpty() ? "" : ", " + range.where())));
            }
        } finally {
            session.close();
        }
        rows.sort(Comparator.comparingDouble(SensitivityResult.Row::spread).reversed()
                .thenComparing(SensitivityResult.Row::assumption));
        return new SensitivityResult(s.id(), output, out.quantity().unit(), baseOut, swing, rows, notMoved);
    }

    /** How {@code moved} became {@code kept}: unchanged, rounded to a whole number, or clipped at an end of the range. */
    private static SensitivityResult.Kept kept(ValueRange range, double moved, double kept) {
        if (kept == moved) {
            return SensitivityResult.Kept.AS_MOVED;
        }
        double whole = range.whole() ? Math.rint(moved) : moved;
        return whole < range.low() || whole > range.high() ? SensitivityResult.Kept.CLIPPED : SensitivityResult.Kept.ROUNDED;
    }

    private static Input input(Quantity q, double value) {
        return new Input(new Quantity(q.name(), value, q.unit()), Origin.commandLine("sensitivity " + q.name()));
    }

}

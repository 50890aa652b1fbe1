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
import llmcap.engine.Derivation;
import llmcap.engine.Engine;
import llmcap.engine.Estimate;
import llmcap.engine.IncrementalSession;
import llmcap.engine.RuleException;

/**
 * Every numeric assumption the estimate used (defaults, scenario values, catalog figures), moved
 * down and up by a swing one at a time, ranked by how far one output moves.
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
        IncrementalSession session = engine.open(p.inputs());
        try {
            for (Derivation a : base.assumptions()) {
                if (!base.isRead(a.name())) {
                    continue;
                }
                Quantity q = a.quantity();
                double low = q.value() * (1 - swing);
                double high = q.value() * (1 + swing);
                double[] at = new double[2];
                String note = "";
                for (int end = 0; end < 2; end++) {
                    double v = end == 0 ? low : high;
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
                }
                session.apply(p.inputs()); // back to the estimate as it was (a default's rule fires again)
                rows.add(new SensitivityResult.Row(a.name(), q.unit(), a.origin().describe(), q.value(), low, high,
                        at[0], at[1], note));
            }
        } finally {
            session.close();
        }
        rows.sort(Comparator.comparingDouble(SensitivityResult.Row::spread).reversed()
                .thenComparing(SensitivityResult.Row::assumption));
        return new SensitivityResult(s.id(), output, out.quantity().unit(), out.quantity().value(), swing, rows);
    }

    private static Input input(Quantity q, double value) {
        return new Input(new Quantity(q.name(), value, q.unit()), Origin.commandLine("sensitivity " + q.name()));
    }

}

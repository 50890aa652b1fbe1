package llmcap.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import llmcap.catalog.Scenario;

/**
 * Finds the value of one assumption (a utilization) for which the rules reproduce a published
 * figure, by running the engine: it works for whatever the rules say, edited or not. The figure
 * must move monotonically with the assumption, as time and GPU-hours do with utilization.
 */
final class Solver {

    private static final double LOW = 1e-4;
    private static final double HIGH = 10;

    private final Workspace workspace;
    private final Scenario scenario;
    private final Map<String, String> sets;

    Solver(Workspace workspace, Scenario scenario, Map<String, String> sets) {
        this.workspace = workspace;
        this.scenario = scenario;
        this.sets = sets;
    }

    /** The value of {@code variable} that makes {@code quantity} equal {@code target}, if one lies in (0, 10]. */
    OptionalDouble solve(String variable, String quantity, double target) {
        // Regula falsi (Illinois) on log(variable) against log(figure / target): smooth and monotonic here.
        double a = Math.log(LOW);
        double b = Math.log(HIGH);
        Optional<Double> fa = error(variable, Math.exp(a), quantity, target);
        Optional<Double> fb = error(variable, Math.exp(b), quantity, target);
        if (fa.isEmpty() || fb.isEmpty() || Math.signum(fa.get()) == Math.signum(fb.get())) {
            return OptionalDouble.empty();
        }
        double ya = fa.get();
        double yb = fb.get();
        int side = 0;
        for (int i = 0; i < 100; i++) {
            double c = (a * yb - b * ya) / (yb - ya);
            Optional<Double> fc = error(variable, Math.exp(c), quantity, target);
            if (fc.isEmpty()) {
                return OptionalDouble.empty();
            }
            double yc = fc.get();
            if (Math.abs(yc) < 1e-12 || Math.abs(b - a) < 1e-12) {
                return OptionalDouble.of(Math.exp(c));
            }
            if (Math.signum(yc) == Math.signum(yb)) {
                b = c;
                yb = yc;
                if (side == -1) {
                    ya /= 2;
                }
                side = -1;
            } else {
                a = c;
                ya = yc;
                if (side == 1) {
                    yb /= 2;
                }
                side = 1;
            }
        }
        return OptionalDouble.of(Math.exp((a + b) / 2));
    }

    /** log(figure / target) with the variable set to {@code x}; empty when the figure is not derived. */
    private Optional<Double> error(String variable, double x, String quantity, double target) {
        Map<String, String> with = new LinkedHashMap<>(sets);
        with.put(variable, Double.toString(x));
        // The rules alone: no report, no notes on what is missing (the solver runs the engine dozens of times).
        Workspace.Prepared p = workspace.prepare(scenario, Optional.empty(), Optional.empty(), with);
        return workspace.engine().run(p.inputs()).value(quantity).map(v -> Math.log(v / target));
    }
}

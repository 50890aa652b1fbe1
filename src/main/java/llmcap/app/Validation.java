package llmcap.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import llmcap.catalog.CatalogException;
import llmcap.catalog.ValidationCase;
import llmcap.catalog.ValidationLoader;
import llmcap.domain.Excerpt;
import llmcap.domain.Suggest;
import llmcap.engine.Derivation;

/** Runs the validation cases: llmcap's estimate beside each published figure, and implied values (MFU by default). */
public final class Validation {

    /** One published figure beside llmcap's value; {@code estimated} is empty when it was not derived. */
    public record CheckResult(ValidationCase.Check check, Optional<Derivation> estimated) {
        public OptionalDouble deviationPercent() {
            return estimated.map(d -> OptionalDouble.of((d.quantity().value() - check.published())
                    / Math.abs(check.published()) * 100)).orElse(OptionalDouble.empty());
        }

        public boolean within() {
            OptionalDouble dev = deviationPercent();
            return dev.isPresent() && Math.abs(dev.getAsDouble()) <= check.tolerancePercent() + 1e-9;
        }

        /**
         * Within its tolerance, or outside it as its case says it is ({@code known_miss}, with the
         * reason): shown as a miss in every table, but not a failure of the run.
         */
        public boolean accepted() {
            return within() || (check.knownMiss().isPresent() && estimated.isPresent());
        }
    }

    /** The utilization that reproduces a published figure, beside the one the estimate assumed. */
    public record ImpliedResult(ValidationCase.Implied implied, OptionalDouble solved, Optional<Double> assumed) {
        public boolean within() {
            if (implied.expected().isEmpty()) {
                return solved.isPresent();
            }
            return solved.isPresent() && Math.abs(solved.getAsDouble() - implied.expected().getAsDouble())
                    / implied.expected().getAsDouble() * 100 <= implied.tolerancePercent() + 1e-9;
        }
    }

    /**
     * A published run figure against llmcap's P10-P90 band over draws of the rules' {@code @uncertain}
     * defaults (and the case's own ranges): is the published value inside it?
     */
    public record Band(String quantity, double published, UncertaintyResult.Figure figure) {
        public boolean inside() {
            return published >= figure.p10() && published <= figure.p90();
        }
    }

    /** Figures of a published training run whose band {@code validate} reports. */
    static final java.util.Set<String> BAND_FIGURES = java.util.Set.of("training.gpu_hours", "training.days_on_cluster",
            "training.tokens_per_s_per_gpu");
    public static final int BAND_DRAWS = 200;

    public record CaseResult(ValidationCase vcase, Result result, List<CheckResult> checks,
                             Optional<ImpliedResult> implied, List<Band> bands) {
        public boolean passed() {
            return checks.stream().allMatch(CheckResult::accepted) && implied.map(ImpliedResult::within).orElse(true);
        }
    }

    private final Workspace workspace;

    public Validation(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<ValidationCase> cases() {
        return ValidationLoader.loadAll(workspace.catalog());
    }

    public ValidationCase find(String id) {
        List<ValidationCase> all = cases();
        return all.stream().filter(c -> c.id().equalsIgnoreCase(id.strip())).findFirst().orElseThrow(() -> new UsageException(
                "unknown validation case '" + Excerpt.of(id) + "'"
                        + Suggest.hint(id, all.stream().map(ValidationCase::id).toList())
                        + "; `llmcap validate` lists them"));
    }

    public CaseResult run(ValidationCase c) {
        for (ValidationCase.Check k : c.checks()) {
            requireKnown(c, k.quantity(), k.line());
        }
        c.implied().ifPresent(i -> {
            requireKnown(c, i.quantity(), i.line());
            requireKnown(c, i.variable(), i.line());
        });
        Result r = workspace.estimate(c.scenario(), Optional.empty(), Optional.empty(), Map.of());
        List<CheckResult> checks = new ArrayList<>();
        for (ValidationCase.Check k : c.checks()) {
            checks.add(new CheckResult(k, r.estimate().get(k.quantity()).filter(d -> !d.isSetting())));
        }
        Optional<ImpliedResult> implied = c.implied().map(i -> new ImpliedResult(i,
                new Solver(workspace, c.scenario(), Map.of()).solve(i.variable(), i.quantity(), i.published()),
                r.estimate().value(i.variable())));
        return new CaseResult(c, r, checks, implied, bands(c));
    }

    private List<Band> bands(ValidationCase c) {
        List<ValidationCase.Check> runs = c.checks().stream().filter(k -> BAND_FIGURES.contains(k.quantity())).toList();
        if (runs.isEmpty()) {
            return List.of();
        }
        UncertaintyResult u;
        try {
            u = new Uncertainty(workspace).run(c.scenario(), Optional.empty(), Optional.empty(), Map.of(), BAND_DRAWS, 1,
                    runs.stream().map(ValidationCase.Check::quantity).toList());
        } catch (UsageException nothingRanged) {
            return List.of();
        }
        List<Band> out = new ArrayList<>();
        for (ValidationCase.Check k : runs) {
            u.figures().stream().filter(f -> f.name().equals(k.quantity())).findFirst()
                    .ifPresent(f -> out.add(new Band(k.quantity(), k.published(), f)));
        }
        return out;
    }

    private void requireKnown(ValidationCase c, String name, int line) {
        var known = workspace.rules().index().names();
        if (!known.contains(name)) {
            throw new CatalogException(c.file() + ":" + line + ": validation case '" + c.id() + "': unknown figure '"
                    + name + "'" + Suggest.hint(name, known) + " (no rule derives or reads it)");
        }
    }
}

package llmcap.report;

import java.util.List;
import java.util.Optional;
import llmcap.app.Result;
import llmcap.catalog.Scenario;
import llmcap.engine.Derivation;

/** One figure as the scenario's source published it beside llmcap's value for the same quantity. */
public record Comparison(Scenario.PublishedFigure published, Optional<Derivation> ours) {

    static List<Comparison> of(Result r) {
        return r.scenario().published().stream()
                .map(p -> new Comparison(p, r.estimate().get(p.quantity()).filter(d -> !d.isSetting())))
                .toList();
    }

    /** Unit of the comparison: llmcap's, which the published value is written in too (base units). */
    public String unit() {
        return ours.map(d -> d.quantity().unit()).orElse("1");
    }

    public Optional<Double> deviationPercent() {
        return ours.map(d -> Show.percent(d.quantity().value(), published.value()));
    }
}

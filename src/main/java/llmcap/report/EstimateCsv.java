package llmcap.report;

import java.util.ArrayList;
import java.util.List;
import llmcap.engine.Derivation;

/** The estimate as CSV: one row per quantity, setting and assumption, values in base units. */
public final class EstimateCsv {

    private EstimateCsv() {
    }

    public static String render(EstimateReport report) {
        StringBuilder out = new StringBuilder(Csv.line(List.of("name", "value", "unit", "kind", "rule", "where",
                "inputs", "citation")));
        List<Derivation> all = new ArrayList<>(report.derived());
        all.addAll(report.assumptions());
        all.addAll(report.settings());
        for (Derivation d : all) {
            out.append(Csv.line(List.of(d.name(),
                    d.isSetting() ? d.setting().value() : Csv.number(d.quantity().value()),
                    d.isSetting() ? "" : d.quantity().unit(),
                    d.origin().kind().name().toLowerCase(java.util.Locale.ROOT),
                    d.origin().rule() == null ? "" : d.origin().rule(),
                    d.origin().where(),
                    String.join(" ", d.inputs()),
                    d.origin().source() == null ? "" : d.origin().source())));
        }
        return out.toString();
    }
}

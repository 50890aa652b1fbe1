package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import llmcap.app.CompareResult;
import llmcap.app.SensitivityResult;
import llmcap.app.UncertaintyResult;
import llmcap.engine.Derivation;

/** Text, Markdown, JSON and CSV for compare, sensitivity and uncertainty (HTML: {@link HtmlReport}). */
public final class WhatIfReport {

    private WhatIfReport() {
    }

    // ---- compare -----------------------------------------------------------------------------------

    public static String compare(CompareResult r, Format f) {
        List<String> head = new ArrayList<>(List.of("model", "gpu"));
        head.addAll(r.outputs());
        head.add("cheapest");
        List<List<String>> rows = new ArrayList<>();
        for (CompareResult.Row row : r.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.model(), row.gpu()));
            for (String o : r.outputs()) {
                Optional<Derivation> d = row.figures().get(o);
                cells.add(f == Format.csv ? d.map(x -> Csv.number(x.quantity().value())).orElse("")
                        : d.map(Show::fact).orElse("not derived"));
            }
            cells.add(row.cheapest() ? (f == Format.csv ? "yes" : "<- cheapest") : "");
            rows.add(cells);
        }
        String note = "The cheapest by " + r.cheapestBy() + " is marked. Every row is computed the same way: the scenario's"
                + " judgements (made for its own model and GPU) are left out.";
        return switch (f) {
            case csv -> csv(head, rows);
            case json -> compareJson(r);
            case markdown -> markdown(head, rows) + "\n" + note + "\n";
            default -> "llmcap compare: scenario " + r.scenario() + "\n\n" + text(head, rows) + "\n" + note + "\n";
        };
    }

    private static String compareJson(CompareResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", r.scenario());
        o.addProperty("cheapest_by", r.cheapestBy());
        JsonArray rows = new JsonArray();
        for (CompareResult.Row row : r.rows()) {
            JsonObject x = new JsonObject();
            x.addProperty("model", row.model());
            x.addProperty("gpu", row.gpu());
            x.addProperty("cheapest", row.cheapest());
            JsonObject figures = new JsonObject();
            row.figures().forEach((name, d) -> d.ifPresentOrElse(v -> {
                JsonObject q = new JsonObject();
                q.add("value", Json.number(v.quantity().value()));
                q.addProperty("unit", v.quantity().unit());
                q.addProperty("rule", v.origin().rule());
                q.addProperty("source", v.origin().where());
                figures.add(name, q);
            }, () -> figures.add(name, com.google.gson.JsonNull.INSTANCE)));
            x.add("figures", figures);
            x.add("notes", Json.strings(row.notes()));
            rows.add(x);
        }
        o.add("rows", rows);
        return Json.write(o);
    }

    // ---- sensitivity -------------------------------------------------------------------------------

    public static String sensitivity(SensitivityResult r, Format f) {
        List<String> head = List.of("assumption", "base", "-" + pct(r.swing()), "+" + pct(r.swing()),
                r.output() + " at -", r.output() + " at +", "swing of output", "origin");
        List<List<String>> rows = new ArrayList<>();
        int flat = 0;
        List<String> refused = new ArrayList<>();
        for (SensitivityResult.Row row : r.rows()) {
            boolean summary = f != Format.csv && f != Format.json;
            if (summary && row.spread() == 0 && row.note().isEmpty()) {
                flat++;
                continue;
            }
            if (summary && Double.isNaN(row.outputAtLow()) && Double.isNaN(row.outputAtHigh())) {
                refused.add(row.assumption());
                continue;
            }
            boolean csv = f == Format.csv;
            rows.add(List.of(row.assumption(),
                    csv ? Csv.number(row.base()) : Show.value(row.base(), row.assumptionUnit()),
                    csv ? Csv.number(row.low()) : Show.value(row.low(), row.assumptionUnit()),
                    csv ? Csv.number(row.high()) : Show.value(row.high(), row.assumptionUnit()),
                    csv ? Csv.number(row.outputAtLow()) : out(row.outputAtLow(), r.unit()),
                    csv ? Csv.number(row.outputAtHigh()) : out(row.outputAtHigh(), r.unit()),
                    csv ? Csv.number(row.spread()) : Show.share(row.spread() / Math.abs(r.baseValue())),
                    row.note().isEmpty() ? row.origin() : row.origin() + " (" + row.note() + ")"));
        }
        String tail = (flat == 0 ? "" : "\n" + flat + " more assumptions do not move " + r.output() + " at all.\n")
                + (refused.isEmpty() ? "" : "Not moved, because the rules accept no value in between (a stage, a count): "
                + String.join(", ", refused) + ".\n");
        String intro = "llmcap sensitivity: " + r.output() + " = " + Show.value(r.baseValue(), r.unit()) + " (scenario "
                + r.scenario() + "), each assumption moved by " + pct(r.swing()) + " down and up, one at a time\n\n";
        return switch (f) {
            case csv -> csv(head, rows);
            case json -> sensitivityJson(r);
            case markdown -> markdown(head, rows) + tail;
            default -> intro + text(head, rows) + tail;
        };
    }

    private static String sensitivityJson(SensitivityResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", r.scenario());
        o.addProperty("output", r.output());
        o.addProperty("unit", r.unit());
        o.add("base", Json.number(r.baseValue()));
        o.addProperty("swing", r.swing());
        JsonArray rows = new JsonArray();
        for (SensitivityResult.Row row : r.rows()) {
            JsonObject x = new JsonObject();
            x.addProperty("assumption", row.assumption());
            x.addProperty("unit", row.assumptionUnit());
            x.addProperty("origin", row.origin());
            x.add("base", Json.number(row.base()));
            x.add("low", Json.number(row.low()));
            x.add("high", Json.number(row.high()));
            if (!Double.isNaN(row.outputAtLow())) {
                x.add("output_at_low", Json.number(row.outputAtLow()));
            }
            if (!Double.isNaN(row.outputAtHigh())) {
                x.add("output_at_high", Json.number(row.outputAtHigh()));
            }
            if (!row.note().isEmpty()) {
                x.addProperty("note", row.note());
            }
            rows.add(x);
        }
        o.add("rows", rows);
        return Json.write(o);
    }

    // ---- uncertainty -------------------------------------------------------------------------------

    public static String uncertainty(UncertaintyResult u, Format f) {
        List<String> head = List.of("figure", "P10", "P50", "P90", "mean", "derived in");
        List<List<String>> rows = new ArrayList<>();
        for (UncertaintyResult.Figure x : u.figures()) {
            boolean csv = f == Format.csv;
            rows.add(List.of(x.name(), csv ? Csv.number(x.p10()) : Show.value(x.p10(), x.unit()),
                    csv ? Csv.number(x.p50()) : Show.value(x.p50(), x.unit()),
                    csv ? Csv.number(x.p90()) : Show.value(x.p90(), x.unit()),
                    csv ? Csv.number(x.mean()) : Show.value(x.mean(), x.unit()),
                    csv ? Integer.toString(x.n()) : x.n() + " of " + u.samples()));
        }
        StringBuilder inputs = new StringBuilder();
        for (UncertaintyResult.Input in : u.uncertain()) {
            inputs.append("  ").append(in.name()).append(" ~ ").append(in.distribution()).append(' ').append(in.unit())
                    .append("  (").append(in.where()).append(")\n");
        }
        return switch (f) {
            case csv -> csv(head, rows);
            case json -> uncertaintyJson(u);
            case markdown -> markdown(head, rows) + "\n" + u.samples() + " draws, seed " + u.seed() + ".\n";
            default -> "llmcap estimate: scenario " + u.scenario() + ", " + u.samples() + " draws (seed " + u.seed()
                    + ") of\n" + inputs + "\n" + text(head, rows)
                    + "\nP10 / P50 / P90: 10 % of the draws fall below P10, half below P50, 90 % below P90.\n";
        };
    }

    private static String uncertaintyJson(UncertaintyResult u) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", u.scenario());
        o.addProperty("samples", u.samples());
        o.addProperty("seed", u.seed());
        JsonArray inputs = new JsonArray();
        for (UncertaintyResult.Input in : u.uncertain()) {
            JsonObject x = new JsonObject();
            x.addProperty("name", in.name());
            x.addProperty("unit", in.unit());
            x.addProperty("distribution", in.distribution());
            x.addProperty("where", in.where());
            inputs.add(x);
        }
        o.add("uncertain", inputs);
        JsonArray figures = new JsonArray();
        for (UncertaintyResult.Figure x : u.figures()) {
            JsonObject q = new JsonObject();
            q.addProperty("name", x.name());
            q.addProperty("unit", x.unit());
            q.add("p10", Json.number(x.p10()));
            q.add("p50", Json.number(x.p50()));
            q.add("p90", Json.number(x.p90()));
            q.add("mean", Json.number(x.mean()));
            q.addProperty("n", x.n());
            figures.add(q);
        }
        o.add("figures", figures);
        return Json.write(o);
    }

    // ---- shared ------------------------------------------------------------------------------------

    private static String text(List<String> head, List<List<String>> rows) {
        boolean[] right = new boolean[head.size()];
        for (int i = 0; i < right.length; i++) {
            right[i] = i > 0 && i < head.size() - 1;
        }
        Table t = new Table(right);
        t.row(head.toArray(String[]::new));
        rows.forEach(r -> t.row(r.toArray(String[]::new)));
        return t.render("");
    }

    private static String markdown(List<String> head, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("| ").append(String.join(" | ", head)).append(" |\n|");
        head.forEach(h -> b.append("---|"));
        b.append('\n');
        rows.forEach(r -> b.append("| ").append(String.join(" | ", r.stream().map(c -> c.replace("|", "\\|")).toList()))
                .append(" |\n"));
        return b.toString();
    }

    private static String csv(List<String> head, List<List<String>> rows) {
        StringBuilder b = new StringBuilder(Csv.line(head));
        rows.forEach(r -> b.append(Csv.line(r)));
        return b.toString();
    }

    private static String out(double v, String unit) {
        return Double.isNaN(v) ? "not derived" : Show.value(v, unit);
    }

    private static String pct(double swing) {
        return Show.significant(swing * 100, 3) + " %";
    }
}

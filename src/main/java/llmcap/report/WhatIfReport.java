package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import llmcap.app.Ranges;
import llmcap.app.SensitivityResult;
import llmcap.app.UncertaintyResult;

/** Text, Markdown, JSON and CSV for sensitivity and uncertainty (HTML: {@link HtmlReport}; the table: {@link Reports}). */
public final class WhatIfReport {

    private WhatIfReport() {
    }

    // ---- sensitivity -------------------------------------------------------------------------------

    /** The rows people read: moved assumptions, ranked; those that move nothing or cannot be moved are counted. */
    private static Grid sensitivityGrid(SensitivityResult r, boolean all) {
        Grid g = new Grid(List.of("assumption", "base", "-" + pct(r.swing()), "+" + pct(r.swing()),
                r.output() + " at -", r.output() + " at +", "swing of output", "origin"));
        for (SensitivityResult.Row row : r.rows()) {
            if (!all && (flat(row) || refused(row))) {
                continue;
            }
            String unit = row.assumptionUnit();
            g.row(List.of(Grid.Cell.text(row.assumption()), Grid.Cell.number(row.base(), Show.value(row.base(), unit)),
                    Grid.Cell.number(row.low(), Show.value(row.low(), unit)),
                    Grid.Cell.number(row.high(), Show.value(row.high(), unit)),
                    Grid.Cell.number(row.outputAtLow(), out(row.outputAtLow(), r.unit())),
                    Grid.Cell.number(row.outputAtHigh(), out(row.outputAtHigh(), r.unit())),
                    Grid.Cell.number(row.spread(), Show.share(row.spread() / Math.abs(r.baseValue()))),
                    Grid.Cell.text(row.note().isEmpty() ? row.origin() : row.origin() + " (" + row.note() + ")")));
        }
        return g;
    }

    private static boolean flat(SensitivityResult.Row row) {
        return row.spread() == 0 && row.note().isEmpty();
    }

    private static boolean refused(SensitivityResult.Row row) {
        return Double.isNaN(row.outputAtLow()) && Double.isNaN(row.outputAtHigh());
    }

    /** What the tables of text and Markdown leave out, said after them. */
    private static String sensitivityTail(SensitivityResult r, boolean markdown) {
        long flat = r.rows().stream().filter(WhatIfReport::flat).count();
        List<String> refused = r.rows().stream().filter(x -> !flat(x) && refused(x)).map(SensitivityResult.Row::assumption)
                .toList();
        return (flat == 0 ? "" : "\n" + flat + " more assumptions do not move " + r.output() + " at all.\n")
                + (refused.isEmpty() ? "" : "Not moved, because the rules accept no value in between (a stage, a count): "
                + String.join(", ", refused) + ".\n") + SensitivityNotes.of(r, markdown);
    }

    static String sensitivityText(SensitivityResult r) {
        return "llmcap sensitivity: " + r.output() + " = " + Show.value(r.baseValue(), r.unit()) + " (scenario "
                + r.scenario() + "), each assumption moved by " + pct(r.swing()) + " down and up, one at a time, within its"
                + " valid range\n\n" + sensitivityGrid(r, false).text() + sensitivityTail(r, false);
    }

    static String sensitivityMarkdown(SensitivityResult r) {
        return sensitivityGrid(r, false).markdown() + sensitivityTail(r, true);
    }

    static String sensitivityCsv(SensitivityResult r) {
        return sensitivityGrid(r, true).csv();
    }

    static String sensitivityJson(SensitivityResult r) {
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
            SensitivityNotes.json(row, x);
            rows.add(x);
        }
        o.add("rows", rows);
        o.add("not_moved", SensitivityNotes.json(r.notMoved()));
        return Json.write(o);
    }

    // ---- uncertainty -------------------------------------------------------------------------------

    /** What the percentiles of a count are. */
    static final String WHOLE_COUNTS = "Counts (GPU, replica) are whole numbers at every percentile and the mean: rounded up,"
            + " as a count is.";

    private static Grid uncertaintyGrid(UncertaintyResult u) {
        Grid g = new Grid(List.of("figure", "P10", "P50", "P90", "mean", "derived in"));
        for (UncertaintyResult.Figure x : u.figures()) {
            g.row(List.of(Grid.Cell.text(x.name()), Grid.Cell.number(x.p10(), Show.value(x.p10(), x.unit())),
                    Grid.Cell.number(x.p50(), Show.value(x.p50(), x.unit())),
                    Grid.Cell.number(x.p90(), Show.value(x.p90(), x.unit())),
                    Grid.Cell.number(x.mean(), Show.value(x.mean(), x.unit())),
                    new Grid.Cell(x.n() + " of " + u.samples(), Integer.toString(x.n()))));
        }
        return g;
    }

    static String uncertaintyText(UncertaintyResult u) {
        StringBuilder inputs = new StringBuilder();
        for (UncertaintyResult.Input in : u.uncertain()) {
            inputs.append("  ").append(in.name()).append(" ~ ").append(in.distribution()).append(' ').append(in.unit())
                    .append("  (").append(in.where()).append(in.kept().isEmpty() ? "" : "; " + in.kept()).append(")\n");
        }
        return "llmcap estimate: scenario " + u.scenario() + ", " + u.samples() + " draws (seed " + u.seed() + ") of\n"
                + inputs + "\n" + uncertaintyGrid(u).text()
                + "\nP10 / P50 / P90: 10 % of the draws fall below P10, half below P50, 90 % below P90.\n" + wholeCounts(u);
    }

    static String uncertaintyMarkdown(UncertaintyResult u) {
        String counts = wholeCounts(u);
        return uncertaintyGrid(u).markdown() + "\n" + u.samples() + " draws, seed " + u.seed() + ".\n"
                + (counts.isEmpty() ? "" : "\n" + counts);
    }

    /** The line on counts, when a figure is one; else nothing. */
    private static String wholeCounts(UncertaintyResult u) {
        return u.figures().stream().anyMatch(x -> Ranges.isCount(x.unit())) ? WHOLE_COUNTS + "\n" : "";
    }

    static String uncertaintyCsv(UncertaintyResult u) {
        return uncertaintyGrid(u).csv();
    }

    static String uncertaintyJson(UncertaintyResult u) {
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
            if (!in.kept().isEmpty()) {
                x.addProperty("kept", in.kept());
            }
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
            if (Ranges.isCount(x.unit())) {
                q.addProperty("rounded_up", true); // a count: whole at every percentile and the mean
            }
            figures.add(q);
        }
        o.add("figures", figures);
        return Json.write(o);
    }

    // ---- shared ------------------------------------------------------------------------------------

    private static String out(double v, String unit) {
        return Double.isNaN(v) ? "not derived" : Show.value(v, unit);
    }

    private static String pct(double swing) {
        return Show.significant(swing * 100, 3) + " %";
    }
}

package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import llmcap.app.Validation.CaseResult;
import llmcap.app.Validation.CheckResult;
import llmcap.app.Validation.Band;
import llmcap.app.Validation.ImpliedResult;

/** {@code llmcap validate}: llmcap beside published figures, as text, Markdown or JSON. */
public final class ValidationReport {

    private ValidationReport() {
    }

    /** {@code from}: the folders the cases were read from ({@code catalog/validation}). */
    public static String text(List<CaseResult> results, String from) {
        StringBuilder out = new StringBuilder();
        out.append("llmcap validate: ").append(results.size()).append(" cases from ").append(from).append("\n\n");
        Table t = new Table(false, false, true, true, true, true, false);
        t.row("case", "figure", "published", "llmcap", "deviation", "tolerance", "within");
        for (CaseResult r : results) {
            for (CheckResult c : r.checks()) {
                String[] cells = checkCells(c);
                t.row(r.vcase().id(), c.check().quantity(), cells[0], cells[1], cells[2], cells[3], cells[4]);
            }
        }
        out.append(t.render(""));
        if (results.stream().anyMatch(r -> r.implied().isPresent())) {
            out.append("\nImplied ").append(solvedFor(results)).append(": the value that makes llmcap reproduce the published"
                    + " figure, beside the value llmcap works out and the one the run published\n\n");
            Table i = new Table(false, false, true, true, true, false);
            i.row("case", "figure", "published", "implied", "llmcap's", "published");
            for (CaseResult r : results) {
                r.implied().ifPresent(x -> {
                    String[] cells = impliedCells(x, r);
                    i.row(r.vcase().id(), x.implied().quantity(), cells[0], cells[1], cells[2], cells[3]);
                });
            }
            out.append(i.render(""));
        }
        if (results.stream().anyMatch(r -> !r.bands().isEmpty())) {
            out.append("\n").append(BAND_TITLE).append("\n\n");
            Table b = new Table(false, false, true, true, true, true, false);
            b.row("case", "figure", "published", "P10", "P50", "P90", "inside");
            for (CaseResult r : results) {
                for (Band x : r.bands()) {
                    String[] cells = bandCells(x);
                    b.row(r.vcase().id(), x.quantity(), cells[0], cells[1], cells[2], cells[3], cells[4]);
                }
            }
            out.append(b.render(""));
        }
        out.append('\n').append(summary(results)).append('\n');
        return out.toString();
    }

    static final String BAND_TITLE = "Uncertainty: each published run figure against llmcap's P10-P90 band over "
            + llmcap.app.Validation.BAND_DRAWS + " draws (seed 1) of the defaults the rules mark @uncertain";

    private static String[] bandCells(Band x) {
        String unit = x.figure().unit();
        return new String[] {Show.value(x.published(), unit), Show.value(x.figure().p10(), unit),
            Show.value(x.figure().p50(), unit), Show.value(x.figure().p90(), unit), x.inside() ? "yes" : "no"};
    }

    public static String markdown(List<CaseResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| case | figure | published | llmcap | deviation | tolerance | within |\n");
        out.append("|---|---|---:|---:|---:|---:|---|\n");
        for (CaseResult r : results) {
            for (CheckResult c : r.checks()) {
                String[] cells = checkCells(c);
                out.append("| ").append(r.vcase().id()).append(" | `").append(c.check().quantity()).append("` | ")
                        .append(String.join(" | ", cells)).append(" |\n");
            }
        }
        if (results.stream().anyMatch(r -> r.implied().isPresent())) {
            String v = solvedFor(results);
            out.append("\n| case | figure | published | implied ").append(v).append(" | llmcap's ").append(v)
                    .append(" | published ").append(v).append(" |\n");
            out.append("|---|---|---:|---:|---:|---|\n");
            for (CaseResult r : results) {
                r.implied().ifPresent(x -> out.append("| ").append(r.vcase().id()).append(" | `")
                        .append(x.implied().quantity()).append("` | ").append(String.join(" | ", impliedCells(x, r)))
                        .append(" |\n"));
            }
        }
        if (results.stream().anyMatch(r -> !r.bands().isEmpty())) {
            out.append("\n| case | figure | published | P10 | P50 | P90 | inside |\n|---|---|---:|---:|---:|---:|---|\n");
            for (CaseResult r : results) {
                for (Band x : r.bands()) {
                    out.append("| ").append(r.vcase().id()).append(" | `").append(x.quantity()).append("` | ")
                            .append(String.join(" | ", bandCells(x))).append(" |\n");
                }
            }
        }
        out.append('\n').append(summary(results)).append('\n');
        return out.toString();
    }

    public static String json(List<CaseResult> results) {
        JsonArray a = new JsonArray();
        for (CaseResult r : results) {
            JsonObject o = new JsonObject();
            o.addProperty("case", r.vcase().id());
            o.addProperty("title", r.vcase().title());
            o.addProperty("file", r.vcase().file());
            o.addProperty("source", r.vcase().source());
            o.addProperty("passed", r.passed());
            JsonArray checks = new JsonArray();
            for (CheckResult c : r.checks()) {
                JsonObject x = new JsonObject();
                x.addProperty("quantity", c.check().quantity());
                x.add("published", Json.number(c.check().published()));
                c.estimated().ifPresent(d -> {
                    x.add("llmcap", Json.number(d.quantity().value()));
                    x.addProperty("unit", d.quantity().unit());
                });
                c.deviationPercent().ifPresent(v -> x.add("deviation_percent", Json.number(v)));
                x.addProperty("tolerance_percent", c.check().tolerancePercent());
                x.addProperty("within", c.within());
                c.check().knownMiss().ifPresent(k -> x.addProperty("known_miss", k));
                x.addProperty("why", c.check().why());
                checks.add(x);
            }
            o.add("checks", checks);
            r.implied().ifPresent(i -> {
                JsonObject x = new JsonObject();
                x.addProperty("variable", i.implied().variable());
                x.addProperty("quantity", i.implied().quantity());
                x.add("published", Json.number(i.implied().published()));
                i.solved().ifPresent(v -> x.add("implied", Json.number(v)));
                i.assumed().ifPresent(v -> x.addProperty("assumed", v));
                i.implied().expected().ifPresent(v -> x.addProperty("published_value", v));
                x.addProperty("within", i.within());
                o.add("implied_utilization", x);
            });
            if (!r.bands().isEmpty()) {
                JsonArray bands = new JsonArray();
                for (Band b : r.bands()) {
                    JsonObject x = new JsonObject();
                    x.addProperty("quantity", b.quantity());
                    x.addProperty("published", b.published());
                    x.add("p10", Json.number(b.figure().p10()));
                    x.add("p50", Json.number(b.figure().p50()));
                    x.add("p90", Json.number(b.figure().p90()));
                    x.addProperty("inside", b.inside());
                    bands.add(x);
                }
                o.add("band", bands);
            }
            a.add(o);
        }
        return Json.write(a);
    }

    public static String summary(List<CaseResult> results) {
        long within = results.stream().filter(r -> r.checks().stream().allMatch(CheckResult::within)
                && r.implied().map(llmcap.app.Validation.ImpliedResult::within).orElse(true)).count();
        long known = results.stream().filter(r -> r.passed() && r.checks().stream().anyMatch(c -> !c.within())).count();
        long failed = results.size() - within - known;
        List<Band> bands = results.stream().flatMap(r -> r.bands().stream()).toList();
        return within + " of " + results.size() + " cases within tolerance"
                + (known > 0 ? "; " + known + " outside it as their case files say, with the reason (known miss)" : "")
                + (failed > 0 ? "; " + failed + " marked NO." : ".")
                + (bands.isEmpty() ? "" : " " + bands.stream().filter(Band::inside).count() + " of " + bands.size()
                        + " published run figures inside llmcap's P10-P90 band.");
    }

    private static String[] checkCells(CheckResult c) {
        String unit = c.estimated().map(d -> d.quantity().unit()).orElse("1");
        return new String[] {
            Show.value(c.check().published(), unit),
            c.estimated().map(d -> Show.value(d.quantity().value(), unit)).orElse("not derived"),
            c.deviationPercent().isPresent() ? Show.signedPercent(c.deviationPercent().getAsDouble()) : "",
            Show.tolerance(c.check().tolerancePercent()),
            c.within() ? "yes" : c.check().knownMiss().isPresent() ? "no (known miss)" : "NO"};
    }

    /** What the implied values solve for: the one variable all cases name, in backquotes, else "value". */
    static String solvedFor(List<CaseResult> results) {
        List<String> vars = results.stream().flatMap(r -> r.implied().stream()).map(x -> x.implied().variable())
                .distinct().toList();
        return vars.size() == 1 ? "`" + vars.get(0) + "`" : "value";
    }

    private static String[] impliedCells(ImpliedResult x, CaseResult r) {
        String unit = r.result().estimate().get(x.implied().quantity()).filter(d -> !d.isSetting())
                .map(d -> d.quantity().unit()).orElse("1");
        String expected = x.implied().expected().isPresent()
                ? Show.share(x.implied().expected().getAsDouble()) + " (" + (x.within() ? "within" : "NOT within") + " "
                + Show.tolerance(x.implied().tolerancePercent()) + ")" : "";
        return new String[] {
            Show.value(x.implied().published(), unit),
            x.solved().isPresent() ? Show.share(x.solved().getAsDouble()) : "no solution in (0, 10]",
            x.assumed().map(Show::share).orElse("-"),
            expected};
    }
}

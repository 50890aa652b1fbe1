package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import llmcap.app.CompareResult;
import llmcap.engine.Derivation;

/** {@code compare} as text, Markdown, CSV and JSON (HTML: {@link HtmlReport#compare}; the table: {@link Reports}). */
final class CompareReport {

    private CompareReport() {
    }

    private static Grid grid(CompareResult r) {
        List<String> head = new ArrayList<>(List.of("model", "gpu"));
        head.addAll(r.outputs());
        head.add("cheapest");
        Grid g = new Grid(head);
        for (CompareResult.Row row : r.rows()) {
            List<Grid.Cell> cells = new ArrayList<>(List.of(Grid.Cell.text(row.model()), Grid.Cell.text(row.gpu())));
            for (String o : r.outputs()) {
                Optional<Derivation> d = row.figures().get(o);
                cells.add(d.map(x -> Grid.Cell.number(x.quantity().value(), Show.fact(x)))
                        .orElse(new Grid.Cell("not derived", "")));
            }
            cells.add(row.cheapest() ? new Grid.Cell("<- cheapest", "yes") : Grid.Cell.text(""));
            g.row(cells);
        }
        return g;
    }

    private static String note(CompareResult r) {
        return "The cheapest by " + r.cheapestBy() + " is marked. Every row is computed the same way: the scenario's"
                + " judgements (made for its own model and GPU) are left out.";
    }

    static String text(CompareResult r) {
        return "llmcap compare: scenario " + r.scenario() + "\n\n" + grid(r).text() + "\n" + note(r) + "\n";
    }

    static String markdown(CompareResult r) {
        return grid(r).markdown() + "\n" + note(r) + "\n";
    }

    static String csv(CompareResult r) {
        return grid(r).csv();
    }

    static String json(CompareResult r) {
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
}

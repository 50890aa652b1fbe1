package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import llmcap.app.CompareResult;
import llmcap.engine.Derivation;

/**
 * {@code compare} as text, Markdown, CSV and JSON (HTML: {@link HtmlReport#compare}; the table:
 * {@link Reports}): rows best first, each with its rank, its figures, and the price it was costed at
 * with the offer's terms, provider and date.
 */
public final class CompareReport {

    private CompareReport() {
    }

    private static Grid grid(CompareResult r) {
        List<String> head = new ArrayList<>(List.of("rank", "model", "gpu"));
        head.addAll(r.outputs());
        head.addAll(List.of("price", "terms", "provider", "price date", "best"));
        boolean[] right = new boolean[head.size()];
        right[0] = true;
        for (int i = 3; i < 3 + r.outputs().size() + 1; i++) {
            right[i] = true; // the figures and the price
        }
        Grid g = new Grid(head, right);
        for (CompareResult.Row row : r.rows()) {
            List<Grid.Cell> cells = new ArrayList<>();
            cells.add(row.rank().isPresent() ? Grid.Cell.text(Integer.toString(row.rank().getAsInt()))
                    : new Grid.Cell("-", ""));
            cells.add(Grid.Cell.text(row.model()));
            cells.add(Grid.Cell.text(row.gpu()));
            for (String o : r.outputs()) {
                Optional<Derivation> d = row.figures().get(o);
                cells.add(d.map(x -> Grid.Cell.number(x.quantity().value(), Show.fact(x)))
                        .orElse(new Grid.Cell("not derived", "")));
            }
            CompareResult.Price p = row.price();
            cells.add(p.usdPerGpuHour().map(v -> Grid.Cell.number(v, Show.value(v, "USD/GPU-h")))
                    .orElse(new Grid.Cell("no price", "")));
            cells.add(Grid.Cell.text(p.terms()));
            cells.add(Grid.Cell.text(p.provider()));
            cells.add(Grid.Cell.text(p.date()));
            cells.add(row.best() ? new Grid.Cell("<- " + r.ranking().mark(), "yes") : Grid.Cell.text(""));
            g.row(cells);
        }
        return g;
    }

    /** {@code ranked by cost.usd_per_million_tokens, lowest first (the cheapest is marked)}. */
    static String rankedBy(CompareResult r) {
        return "ranked by " + r.ranking().by() + ", " + r.ranking().order() + " (the " + r.ranking().mark()
                + " is marked" + (r.ranking().given() ? ")" : "; the default for a scenario of kind " + r.kind().word()
                + ", --rank-by NAME for another)");
    }

    /** What the table does not say: how every row was made, and the notes on the whole of it. */
    static List<String> footer(CompareResult r) {
        List<String> out = new ArrayList<>();
        out.add("Every row is computed the same way: the scenario's judgements (made for its own model and GPU) are"
                + " left out, and each row is costed at its GPU's catalog price unless --set gives one.");
        r.notes().forEach(n -> out.add("Note: " + n + "."));
        return out;
    }

    static String text(CompareResult r) {
        return "llmcap compare: scenario " + r.scenario() + " (kind " + r.kind().word() + "), " + rankedBy(r) + "\n\n"
                + grid(r).text() + "\n" + String.join("\n", footer(r)) + "\n";
    }

    static String markdown(CompareResult r) {
        return "Ranked by `" + r.ranking().by() + "`, " + r.ranking().order() + ".\n\n" + grid(r).markdown() + "\n"
                + String.join("\n\n", footer(r).stream().map(MarkdownReport::cell).toList()) + "\n";
    }

    static String csv(CompareResult r) {
        return grid(r).csv();
    }

    /**
     * {@code {"scenario", "kind", "rank_by", "order": "lowest"|"highest", "mark": "cheapest"|"best", "outputs",
     * "notes", "rows": [{"rank", "best", "model", "gpu", "price": {...}, "figures": {NAME: {...}|null}, "notes"}]}}.
     */
    static String json(CompareResult r) {
        return Json.write(document(r));
    }

    /** The document {@link #json} prints, as a tree (the server adds the version of rules and catalog to it). */
    public static JsonObject document(CompareResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", r.scenario());
        o.addProperty("kind", r.kind().word());
        o.addProperty("rank_by", r.ranking().by());
        o.addProperty("order", r.ranking().highestFirst() ? "highest" : "lowest");
        o.addProperty("mark", r.ranking().mark());
        o.add("outputs", Json.strings(r.outputs()));
        o.add("notes", Json.strings(r.notes()));
        JsonArray rows = new JsonArray();
        for (CompareResult.Row row : r.rows()) {
            JsonObject x = new JsonObject();
            if (row.rank().isPresent()) {
                x.addProperty("rank", row.rank().getAsInt());
            } else {
                x.add("rank", JsonNull.INSTANCE);
            }
            x.addProperty("best", row.best());
            x.addProperty("model", row.model());
            x.addProperty("gpu", row.gpu());
            x.add("price", price(row.price()));
            JsonObject figures = new JsonObject();
            row.figures().forEach((name, d) -> figures.add(name, d.map(CompareReport::figure)
                    .map(f -> (com.google.gson.JsonElement) f).orElse(JsonNull.INSTANCE)));
            x.add("figures", figures);
            x.add("notes", Json.strings(row.notes()));
            rows.add(x);
        }
        o.add("rows", rows);
        return o;
    }

    private static JsonObject figure(Derivation v) {
        JsonObject q = new JsonObject();
        q.add("value", Json.number(v.quantity().value()));
        q.addProperty("unit", v.quantity().unit());
        q.addProperty("rule", v.origin().rule());
        q.addProperty("source", v.origin().where());
        return q;
    }

    private static JsonObject price(CompareResult.Price p) {
        JsonObject o = new JsonObject();
        o.add("usd_per_gpu_hour", p.usdPerGpuHour().map(Json::number).orElse(JsonNull.INSTANCE));
        o.addProperty("terms", p.terms());
        o.addProperty("provider", p.provider());
        o.addProperty("date", p.date());
        o.addProperty("where", p.where());
        return o;
    }
}

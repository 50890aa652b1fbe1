package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import llmcap.app.Ranges;
import llmcap.app.SensitivityResult;

/**
 * What a sensitivity report says beside its table: which moved values were kept within their valid
 * range ({@code serving.load_hours_per_day: +20 % clipped at 24 h}), which numbers were not moved and
 * why (the model's own figures, a setting's lookups), and that a count output is whole.
 */
final class SensitivityNotes {

    private SensitivityNotes() {
    }

    /** The notes as text lines, or as Markdown list items; "" when there is nothing to say. */
    static String of(SensitivityResult r, boolean markdown) {
        String item = markdown ? "- " : "  ";
        StringBuilder out = new StringBuilder();
        List<String> kept = new ArrayList<>();
        for (SensitivityResult.Row row : r.rows()) {
            if (row.kept() && row.shown()) {
                kept.add(row.assumption() + ": " + kept(row, r.swing()) + " (" + row.range() + ")");
            }
        }
        if (!kept.isEmpty()) {
            out.append("\nKept within their valid range:\n");
            kept.forEach(k -> out.append(item).append(k).append('\n'));
        }
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (SensitivityResult.NotMoved n : r.notMoved()) {
            boolean grouped = n.reason().equals(Ranges.FACT_OF_THE_MODEL);
            byReason.computeIfAbsent(n.reason(), k -> new ArrayList<>())
                    .add(grouped ? n.name() : n.name() + " = " + Show.value(n.value(), n.unit()));
        }
        if (!byReason.isEmpty()) {
            out.append("\nNot moved:\n");
            byReason.forEach((reason, names) -> out.append(item).append(String.join(", ", names)).append(": ")
                    .append(reason).append('\n'));
        }
        if (Ranges.isCount(r.unit())) {
            out.append("\n").append(r.output()).append(" is a count of ").append(r.unit())
                    .append(": a whole number at each end (rounded up).\n");
        }
        return out.toString();
    }

    /** {@code +20 % clipped at 24 h}, {@code -20 % rounded to 6 GPU, +20 % rounded to 10 GPU}. */
    private static String kept(SensitivityResult.Row row, double swing) {
        List<String> ends = new ArrayList<>();
        if (row.lowKept() != SensitivityResult.Kept.AS_MOVED) {
            ends.add(end("-", swing, row.lowKept(), row.low(), row.assumptionUnit()));
        }
        if (row.highKept() != SensitivityResult.Kept.AS_MOVED) {
            ends.add(end("+", swing, row.highKept(), row.high(), row.assumptionUnit()));
        }
        return String.join(", ", ends);
    }

    private static String end(String sign, double swing, SensitivityResult.Kept how, double value, String unit) {
        return sign + Show.significant(swing * 100, 3) + " %" + (how == SensitivityResult.Kept.CLIPPED ? " clipped at "
                : " rounded to ") + Show.value(value, unit);
    }

    /** A row's {@code "low_kept"}, {@code "high_kept"} ({@code "rounded"} or {@code "clipped"}) and {@code "range"}. */
    static void json(SensitivityResult.Row row, JsonObject x) {
        if (row.lowKept() != SensitivityResult.Kept.AS_MOVED) {
            x.addProperty("low_kept", row.lowKept().name().toLowerCase(Locale.ROOT));
        }
        if (row.highKept() != SensitivityResult.Kept.AS_MOVED) {
            x.addProperty("high_kept", row.highKept().name().toLowerCase(Locale.ROOT));
        }
        if (!row.range().isEmpty()) {
            x.addProperty("range", row.range());
        }
    }

    /** {@code [{"assumption", "value", "unit", "reason"}]}. */
    static JsonArray json(List<SensitivityResult.NotMoved> notMoved) {
        JsonArray out = new JsonArray();
        for (SensitivityResult.NotMoved n : notMoved) {
            JsonObject x = new JsonObject();
            x.addProperty("assumption", n.name());
            x.add("value", Json.number(n.value()));
            x.addProperty("unit", n.unit());
            x.addProperty("reason", n.reason());
            out.add(x);
        }
        return out;
    }
}

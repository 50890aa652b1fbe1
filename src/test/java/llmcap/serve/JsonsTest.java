package llmcap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import llmcap.app.Folder;
import llmcap.app.Selection;
import llmcap.app.Timings;
import llmcap.app.Workspace;
import llmcap.report.EstimateReport;
import llmcap.report.JsonReport;
import org.junit.jupiter.api.Test;

/** The server's JSON writer writes exactly what Gson's compact writer does, on real documents and on edge cases. */
class JsonsTest {

    /** Gson's compact writer as the server's JSON had been written before it had its own. */
    private static final com.google.gson.Gson COMPACT = new com.google.gson.GsonBuilder().disableHtmlEscaping()
            .serializeNulls().create();

    private static void same(JsonElement e) {
        assertEquals(COMPACT.toJson(e), Jsons.write(e));
    }

    @Test
    void estimateDocumentsAreWrittenAsGsonWritesThem() {
        Workspace w = new Workspace(new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"),
                new Timings());
        for (String scenario : List.of(Selection.DEFAULT_SCENARIO, "chat-llama-3.1-70b-h100")) {
            for (Optional<String> gpu : List.of(Optional.<String>empty(), Optional.of("mi300x"))) {
                var r = w.estimate(w.scenario(scenario), Optional.empty(), gpu, Map.of());
                JsonObject doc = JsonReport.document(EstimateReport.of(r, w.headline(), w.rules().index().names()));
                same(doc);
                assertEquals(doc, JsonParser.parseString(Jsons.write(doc)));
            }
        }
    }

    @Test
    void stringsNumbersAndNullsAtTheirEdges() {
        JsonObject o = new JsonObject();
        o.addProperty("quote \" backslash \\ slash /", "tab\t nl\n cr\r ff\f bs\b nul\u0000 us\u001f del\u007f");
        o.addProperty("html", "<a href='x'>&amp;</a> =");
        o.addProperty("separators", "line\u2028para\u2029 é 漢 \uD83D\uDE00");
        o.addProperty("long", 9_007_199_254_740_993L);
        o.addProperty("double", 3.31621004566E11);
        o.addProperty("small", 1.0E-7);
        o.addProperty("negative zero", -0.0);
        o.addProperty("decimal", new BigDecimal("1E+3"));
        o.addProperty("int", 2207);
        o.addProperty("yes", true);
        o.add("null", JsonNull.INSTANCE);
        JsonArray a = new JsonArray();
        a.add(JsonNull.INSTANCE);
        a.add(new JsonArray());
        a.add(new JsonObject());
        a.add("");
        o.add("array", a);
        o.add("", new JsonObject());
        same(o);
        same(new JsonArray());
        same(JsonNull.INSTANCE);
    }

    @Test
    void aNumberJsonCannotHoldIsWrittenAsGsonWritesATree() {
        JsonObject o = new JsonObject();
        o.addProperty("nan", Double.NaN);
        o.addProperty("inf", Double.NEGATIVE_INFINITY);
        same(o);
    }
}

package llmcap.serve;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmcap.live.Snapshot;

/** JSON helpers of the server: one compact writer, and the {@code version} object every answer carries. */
final class Jsons {

    static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Jsons() {
    }

    /** {@code {"rules": "...", "catalog": "...", "id": "RULES+CATALOG"}}. */
    static JsonObject version(Snapshot.Version v) {
        JsonObject o = new JsonObject();
        o.addProperty("rules", v.rules());
        o.addProperty("catalog", v.catalog());
        o.addProperty("id", v.id());
        return o;
    }

    /** JSON text a report class wrote, as a tree to add to. */
    static JsonElement parse(String json) {
        return JsonParser.parseString(json);
    }
}

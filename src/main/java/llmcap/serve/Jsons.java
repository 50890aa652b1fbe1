package llmcap.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmcap.live.Snapshot;

/** JSON helpers of the server: one compact writer, and the {@code version} object every answer carries. */
final class Jsons {


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

    /**
     * The compact JSON text of {@code e}, exactly as Gson's compact writer (HTML unescaped, nulls kept)
     * writes it (a test holds the two to the same output), in a third of the time: an estimate's document
     * is 70 KB, and Gson's writer, one character at a time through its stack of states, was a quarter of a
     * busy server's time.
     */
    static String write(JsonElement e) {
        StringBuilder b = new StringBuilder(16_384);
        write(e, b);
        return b.toString();
    }

    private static void write(JsonElement e, StringBuilder b) {
        if (e == null || e.isJsonNull()) {
            b.append("null");
        } else if (e.isJsonObject()) {
            b.append('{');
            boolean first = true;
            for (java.util.Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(m.getKey(), b);
                b.append(':');
                write(m.getValue(), b);
            }
            b.append('}');
        } else if (e.isJsonArray()) {
            b.append('[');
            boolean first = true;
            for (JsonElement x : e.getAsJsonArray()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                write(x, b);
            }
            b.append(']');
        } else {
            com.google.gson.JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isString()) {
                string(p.getAsString(), b);
            } else if (p.isBoolean()) {
                b.append(p.getAsBoolean());
            } else {
                b.append(p.getAsNumber().toString()); // NaN as NaN, as Gson writes a tree (the reports never hold one)
            }
        }
    }

    /** A string in quotes, escaped as Gson does without HTML escaping. */
    private static void string(String s, StringBuilder b) {
        b.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = c < 128 ? ESCAPES[c] : c == '\u2028' ? "\\u2028" : c == '\u2029' ? "\\u2029" : null;
            if (r != null) {
                b.append(s, from, i).append(r);
                from = i + 1;
            }
        }
        b.append(s, from, s.length()).append('"');
    }

    private static final String[] ESCAPES = new String[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = String.format("\\u%04x", c);
        }
        ESCAPES['"'] = "\\\"";
        ESCAPES['\\'] = "\\\\";
        ESCAPES['\t'] = "\\t";
        ESCAPES['\b'] = "\\b";
        ESCAPES['\n'] = "\\n";
        ESCAPES['\r'] = "\\r";
        ESCAPES['\f'] = "\\f";
    }

    /** JSON text a report class wrote, as a tree to add to. */
    static JsonElement parse(String json) {
        return JsonParser.parseString(json);
    }
}

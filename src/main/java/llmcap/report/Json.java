package llmcap.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/** Small helpers so every JSON output writes numbers the same way. */
final class Json {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private Json() {
    }

    /** Whole numbers as integers ({@code 2207}, not {@code 2207.0}); others as they are; never NaN or Infinity. */
    static com.google.gson.JsonElement number(double v) {
        if (!Double.isFinite(v)) {
            return com.google.gson.JsonNull.INSTANCE; // JSON has no NaN or Infinity
        }
        if (v == Math.rint(v) && Math.abs(v) < 9.007199254740992E15) {
            return new JsonPrimitive((long) v);
        }
        return new JsonPrimitive(v);
    }

    /** {@code "value"} of {@code d} into {@code into}: a setting's word, or a number and its {@code "unit"}. */
    static void value(com.google.gson.JsonObject into, llmcap.engine.Derivation d) {
        if (d.isSetting()) {
            into.addProperty("value", d.setting().value());
        } else {
            into.add("value", number(d.quantity().value()));
            into.addProperty("unit", d.quantity().unit());
        }
    }

    static JsonArray strings(Iterable<String> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }

    static String write(JsonElement e) {
        return GSON.toJson(e) + "\n";
    }
}

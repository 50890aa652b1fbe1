package llmcap.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import llmcap.domain.Excerpt;

/**
 * Typed, strict access to the fields of a config.json: whole numbers read exactly (a fraction, a
 * number beyond 2^63 - 1 or with an exponent beyond 32 bits is refused naming its field), shape fields
 * no larger than any model's, flags and text of the right JSON kind. Every problem is one
 * {@link CatalogException} line {@code FILE: field 'name': problem}.
 */
final class HfFields {

    /** No model has a shape field this large; with it, no parameter count of real shapes overflows 2^63 unseen. */
    private static final long MAX_SHAPE = Integer.MAX_VALUE;
    /** The fields the parameter count multiplies, for naming the one to blame when it overflows. */
    private static final List<String> SHAPE_FIELDS = List.of("num_hidden_layers", "hidden_size", "num_attention_heads",
            "num_key_value_heads", "head_dim", "intermediate_size", "vocab_size", "num_local_experts", "n_routed_experts",
            "num_experts_per_tok", "n_shared_experts", "moe_intermediate_size", "q_lora_rank", "kv_lora_rank",
            "qk_rope_head_dim", "qk_nope_head_dim", "v_head_dim");


    private final String display;
    private final JsonObject json;
    private final Supplier<String> modelType;

    /** {@code modelType}: the config's model_type, for the message about a missing field. */
    HfFields(String display, JsonObject json, Supplier<String> modelType) {
        this.display = display;
        this.json = json;
        this.modelType = modelType;
    }

    long required(String key) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            throw new CatalogException(display + ": missing required field '" + key + "' (model_type '"
                    + modelType.get() + "')");
        }
        return shape(key, positive(key, e));
    }

    OptionalLong optional(String key) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(shape(key, positive(key, e)));
    }

    /** An optional count of any size (num_parameters): no shape limit. */
    OptionalLong optionalCount(String key) {
        JsonElement e = json.get(key);
        return e == null || e.isJsonNull() ? OptionalLong.empty() : OptionalLong.of(positive(key, e));
    }

    /** An optional count that may be 0 (first_k_dense_replace, num_nextn_predict_layers). */
    long optionalZero(String key) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        long v = integer(key, e);
        if (v < 0) {
            throw badField(key, "must not be negative, got " + v);
        }
        return shape(key, v);
    }

    private long shape(String key, long v) {
        if (v > MAX_SHAPE) {
            throw badField(key, v + " is larger than any model's (at most " + String.format(java.util.Locale.ROOT, "%,d",
                    MAX_SHAPE) + ")");
        }
        return v;
    }

    private long positive(String key, JsonElement e) {
        long v = integer(key, e);
        if (v <= 0) {
            throw badField(key, "must be greater than zero, got " + v);
        }
        return v;
    }

    private long integer(String key, JsonElement e) {
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber())) {
            throw badField(key, "expected a whole number, got " + kind(e));
        }
        String raw = e.getAsJsonPrimitive().getAsString();
        if (raw.length() > 40) { // parsing a number of a million digits takes long; none of them is a count
            throw badField(key, "the number " + Excerpt.of(raw) + " is far beyond any count");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(raw).stripTrailingZeros();
        } catch (NumberFormatException x) { // an exponent beyond 32 bits
            throw badField(key, "the number " + raw + " is out of range");
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException x) {
            throw badField(key, d.scale() > 0 ? "expected a whole number, got " + raw
                    : raw + " is beyond 2^63 - 1, the largest count llmcap holds");
        }
    }

    /** The shape field with the largest value: the one to name when the parameter count overflows. */
    String largestShapeField() {
        String best = SHAPE_FIELDS.get(0);
        long max = -1;
        for (String k : SHAPE_FIELDS) {
            JsonElement e = json.get(k);
            if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                long v = e.getAsJsonPrimitive().getAsBigDecimal().longValue();
                if (v > max) {
                    max = v;
                    best = k;
                }
            }
        }
        return best;
    }

    /** A field's value as the config writes it, shortened for a message. */
    String written(String key) {
        JsonElement e = json.get(key);
        return e == null ? "absent" : Excerpt.of(e.isJsonPrimitive() ? e.getAsJsonPrimitive().getAsString() : e.toString());
    }

    boolean flag(String key, boolean absent) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            return absent;
        }
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean())) {
            throw badField(key, "expected true or false, got " + kind(e));
        }
        return e.getAsBoolean();
    }

    String optString(String key) {
        JsonElement e = json.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
            throw badField(key, "expected text, got " + kind(e));
        }
        return e.getAsString();
    }

    CatalogException badField(String key, String problem) {
        return new CatalogException(display + ": field '" + key + "': " + problem);
    }

    static String kind(JsonElement e) {
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean() ? "true" : "false";
        }
        if (p.isString()) {
            return "text \"" + Excerpt.of(p.getAsString()) + "\"";
        }
        return "the number " + Excerpt.of(p.getAsString());
    }
}

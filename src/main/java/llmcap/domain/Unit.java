package llmcap.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The units a quantity may carry. Values are stored in the base unit named by the symbol; the
 * {@link Style} says how a human-readable report prints them. SI prefixes only (1 GB = 1e9 B).
 */
public enum Unit {
    BYTE("B", Style.SI),
    BYTE_PER_S("B/s", Style.SI),
    BYTE_PER_PARAM("B/param", Style.PLAIN),
    BYTE_PER_ELEMENT("B/element", Style.PLAIN),
    BYTE_PER_TOKEN("B/token", Style.SI),
    FLOP("FLOP", Style.SCIENTIFIC),
    FLOP_PER_S("FLOP/s", Style.SI),
    FLOP_PER_DAY("FLOP/day", Style.SCIENTIFIC),
    FLOP_PER_TOKEN("FLOP/token", Style.SCIENTIFIC),
    FLOP_PER_PARAM_TOKEN("FLOP/param/token", Style.PLAIN),
    PF_DAY("PF-day", Style.PLAIN),
    PARAM("param", Style.SCIENTIFIC),
    TOKEN("token", Style.SCIENTIFIC),
    TOKEN_PER_DAY("token/day", Style.SCIENTIFIC),
    TOKEN_PER_CHAR("token/char", Style.PLAIN),
    TOKEN_PER_S("token/s", Style.SI),
    TOKEN_PER_PARAM("token/param", Style.PLAIN),
    REQUEST("request", Style.PLAIN),
    REQUEST_PER_S("request/s", Style.PLAIN),
    REQUEST_PER_DAY("request/day", Style.SCIENTIFIC),
    REQUEST_PER_USER("request/user", Style.PLAIN),
    REPLICA("replica", Style.PLAIN),
    CHAR_PER_DAY("char/day", Style.SCIENTIFIC),
    CHAR_PER_USER("char/user", Style.PLAIN),
    USER("user", Style.PLAIN),
    GPU("GPU", Style.PLAIN),
    GPU_DAY("GPU-day", Style.PLAIN),
    GPU_HOUR("GPU-h", Style.PLAIN),
    SECOND("s", Style.SECONDS),
    SECOND_PER_REQUEST("s/request", Style.SECONDS),
    SECOND_PER_TOKEN("s/token", Style.SECONDS),
    HOUR("h", Style.PLAIN),
    DAY("day", Style.PLAIN),
    WATT("W", Style.PLAIN),
    KWH("kWh", Style.PLAIN),
    KWH_PER_DAY("kWh/day", Style.PLAIN),
    YEAR("year", Style.PLAIN),
    USD("USD", Style.CURRENCY),
    USD_PER_DAY("USD/day", Style.CURRENCY),
    USD_PER_GPU_HOUR("USD/GPU-h", Style.CURRENCY),
    USD_PER_KWH("USD/kWh", Style.CURRENCY),
    USD_PER_MTOKEN("USD/Mtoken", Style.CURRENCY),
    RATIO("1", Style.PLAIN);

    /** How a report prints a value of this unit ({@code SECONDS}: below a second in ms or µs). */
    public enum Style { SI, SCIENTIFIC, PLAIN, CURRENCY, SECONDS }

    private final String symbol;
    private final Style style;

    Unit(String symbol, Style style) {
        this.symbol = symbol;
        this.style = style;
    }

    public String symbol() {
        return symbol;
    }

    public Style style() {
        return style;
    }

    /**
     * Whether a value in this unit may be below zero: money (a saving, a margin) and pure ratios may;
     * counts (GPUs, replicas, users, tokens, parameters, FLOP), sizes (bytes), rates, times and energy
     * may not.
     */
    public boolean canBeNegative() {
        return style == Style.CURRENCY || this == RATIO;
    }

    /**
     * Whether a value in this unit counts whole things bought or run (GPUs, replicas): a whole number,
     * at least 1, rounded up wherever a figure of it is summarized (a percentile, a mean).
     */
    public boolean isCount() {
        return this == GPU || this == REPLICA;
    }

    private static final java.util.Map<String, Unit> BY_SYMBOL = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Unit::symbol, u -> u));

    /** The unit with this symbol; the message lists the known symbols when there is none. */
    public static Unit of(String symbol) {
        Unit u = BY_SYMBOL.get(symbol);
        if (u == null) {
            throw new IllegalArgumentException("unknown unit '" + Excerpt.of(symbol) + "' (known: " + symbols() + ")");
        }
        return u;
    }

    public static boolean isKnown(String symbol) {
        return BY_SYMBOL.containsKey(symbol);
    }

    public static String symbols() {
        return Arrays.stream(values()).map(Unit::symbol).collect(Collectors.joining(", "));
    }
}

package llmcap.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import llmcap.domain.Unit;

/**
 * The one number formatter of every human-readable output (text, Markdown, HTML, SVG labels): numbers
 * with units ({@code 331.6 GB}, {@code 137.7 PFLOP/s}, {@code 3.145e23 FLOP}, {@code 2,207 GPU},
 * {@code $360,000/day}), deviations ({@code +0.55 %}), shares ({@code 51.4 %}) and tolerances
 * ({@code ±5 %}). SI prefixes only: 1 GB = 1e9 bytes. JSON and CSV carry plain numbers in base units.
 */
public final class Show {

    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};

    private Show() {
    }

    public static String value(double v, String unitSymbol) {
        Unit unit = Unit.of(unitSymbol);
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return switch (unit.style()) {
            case SI -> si(v, unit.symbol());
            case SCIENTIFIC -> withUnit(Math.abs(v) >= 1e6 ? scientific(v) : plain(v), unit.symbol());
            case PLAIN -> withUnit(plain(v), unit.symbol());
            case CURRENCY -> currency(v, unit);
            case SECONDS -> seconds(v, unit.symbol());
        };
    }

    /** A derived or given fact as a report prints it: {@code 331.6 GB}, or a setting's word. */
    public static String fact(llmcap.engine.Derivation d) {
        return d.isSetting() ? d.setting().value() : value(d.quantity().value(), d.quantity().unit());
    }

    /** Like {@link #value}, but a unit this build does not know is printed as given: {@code 12.5 furlong}. */
    public static String lenient(double v, String unitSymbol) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (unitSymbol == null || unitSymbol.isEmpty() || "1".equals(unitSymbol)) {
            return plain(v);
        }
        return Unit.isKnown(unitSymbol) ? value(v, unitSymbol) : significant(v, 4) + " " + unitSymbol;
    }

    /** Deviation of {@code ours} from {@code theirs} in percent, signed: {@code +0.55 %}. */
    public static String deviation(double ours, double theirs) {
        if (theirs == 0) {
            return ours == 0 ? "0 %" : "n/a";
        }
        return signedPercent(percent(ours, theirs));
    }

    /** A percentage already in percent, signed, two decimals: {@code +0.55 %}; {@code n/a} if not finite. */
    public static String signedPercent(double percent) {
        return Double.isFinite(percent) ? String.format(Locale.ROOT, "%+.2f %%", percent) : "n/a";
    }

    /** A fraction as a percentage with one decimal: 0.514 is {@code 51.4 %}. */
    public static String share(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", fraction * 100) : "n/a";
    }

    /** A tolerance given in percent: {@code ±5 %}, {@code ±12.5 %}. */
    public static String tolerance(double percent) {
        return "±" + significant(percent, 3) + " %";
    }

    public static double percent(double ours, double theirs) {
        return (ours - theirs) / Math.abs(theirs) * 100;
    }

    static String si(double v, String symbol) {
        if (v != 0 && Math.abs(v) < 1e-3) {
            return scientific(v) + " " + symbol;
        }
        int i = 0;
        double x = Math.abs(v);
        while (x >= 1000 && i < PREFIXES.length - 1) {
            x /= 1000;
            i++;
        }
        return significant(Math.copySign(x, v), 4) + " " + PREFIXES[i] + symbol;
    }

    /** {@code 3.145e23}: four significant digits. */
    static String scientific(double v) {
        String s = String.format(Locale.ROOT, "%.3e", v);
        String mantissa = s.substring(0, s.indexOf('e'));
        int exp = Integer.parseInt(s.substring(s.indexOf('e') + 1));
        mantissa = mantissa.contains(".") ? mantissa.replaceAll("0+$", "").replaceAll("\\.$", "") : mantissa;
        return mantissa + "e" + exp;
    }

    /** Whole numbers grouped ({@code 13,000,000}); others to 4 significant digits, at least one decimal above 100. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.1f", v);
        }
        return significant(v, 4);
    }

    /** {@code v} to {@code digits} significant digits, without trailing zeros. */
    public static String significant(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        // Very small or very large numbers in scientific notation, never hundreds of digits.
        return Math.abs(v) < 1e-6 || Math.abs(v) >= 1e21 ? scientific(v) : b.toPlainString();
    }

    private static String currency(double v, Unit unit) {
        String amount = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "$%,.0f", v)
                : String.format(Locale.ROOT, "$%,.2f", v);
        return switch (unit) {
            case USD_PER_DAY -> amount + "/day";
            case USD_PER_GPU_HOUR -> amount + "/GPU-h";
            case USD_PER_KWH -> String.format(Locale.ROOT, "$%.3f/kWh", v);
            case USD_PER_MTOKEN -> String.format(Locale.ROOT, "$%,.4g/Mtoken", v);
            default -> amount;
        };
    }

    /** {@code 23.4 ms}, {@code 139 µs/request}, {@code 2.5 s}: a second's fractions in ms or µs. */
    static String seconds(double v, String symbol) {
        double x = Math.abs(v);
        if (x == 0 || x >= 1) {
            return withUnit(plain(v), symbol);
        }
        String rest = symbol.substring(1); // "" or "/request"
        return x >= 1e-3 ? significant(v * 1e3, 4) + " ms" + rest
                : x >= 1e-6 ? significant(v * 1e6, 4) + " µs" + rest : scientific(v) + " " + symbol;
    }

    private static String withUnit(String number, String symbol) {
        return "1".equals(symbol) ? number : number + " " + symbol;
    }
}

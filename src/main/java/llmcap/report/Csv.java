package llmcap.report;

import java.util.List;

/**
 * The one CSV writer of every CSV output (estimate, compare, sensitivity, uncertainty, sweep): RFC 4180
 * fields, quoted when they hold a comma, a double quote or a line break, a quote doubled inside;
 * records end with a line feed. Numbers are written in base units, whole numbers without a decimal
 * point ({@code 2207}), others as Java prints a double ({@code 2.749846153846154}).
 */
public final class Csv {

    private Csv() {
    }

    /** One record, line feed included. */
    public static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(cells.get(i)));
        }
        return b.append('\n').toString();
    }

    /** One field, quoted if it must be; null is the empty field. */
    public static String field(String cell) {
        String c = cell == null ? "" : cell;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                return '"' + c.replace("\"", "\"\"") + '"';
            }
        }
        return c;
    }

    /** A number in base units; NaN (not derived) is the empty field. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 9e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

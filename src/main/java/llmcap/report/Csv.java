package llmcap.report;

import java.util.List;

/** CSV cells, quoted when they hold a comma, a quote or a line break (RFC 4180). */
final class Csv {

    private Csv() {
    }

    static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            b.append(c.matches(".*[,\"\\r\\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return b.append('\n').toString();
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 9e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

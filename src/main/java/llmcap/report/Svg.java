package llmcap.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small SVG charts for the HTML reports, as strings, with no library and no script: a horizontal
 * bar chart, a tornado and a row of P10-P90 ranges. Every chart is an {@code <svg>} with
 * {@code class="chart chart-KIND"}, {@code role="img"}, an {@code aria-label}, an explicit viewBox
 * and {@code width="100%"}; every bar is a {@code <g class="bar ...">} (in a tornado, a
 * {@code <rect class="bar ...">}) with a {@code <title>} for hover text. Values that are NaN or
 * infinite are skipped, so "NaN" never appears in the output.
 */
public final class Svg {

    /** One bar; {@code highlight} draws it in the accent colour (e.g. the cheapest row). */
    public record Bar(String label, double value, String valueText, boolean highlight) {
    }

    /** One assumption of a tornado: the output at its low and at its high end, with their texts. */
    public record Swing(String label, double low, double high, String lowText, String highText) {
    }

    /** One figure's P10, P50 and P90, drawn on its own scale; {@code text} is printed beside it. */
    public record Range(String label, double p10, double p50, double p90, String text) {
    }

    static final int WIDTH = 760;
    private static final int ROW = 24;
    private static final int BAR = 16;
    private static final int BOTTOM = 10;
    private static final double CHAR = 7.0;
    static final String BLUE = "#4e79a7";
    static final String ORANGE = "#e8710a";
    private static final String MUTED = "#59636e";
    private static final String TRACK = "#e3e8ee";
    private static final String INK = "#1f2328";

    private Svg() {
    }

    /** Horizontal bars from a zero line (negative values to its left), the value printed on the right. */
    public static String barChart(String title, List<Bar> bars) {
        List<Bar> rows = bars.stream().filter(b -> Double.isFinite(b.value())).toList();
        int top = 30;
        StringBuilder out = open("bar", title, top, rows.size());
        if (rows.isEmpty()) {
            return empty(out, top, "no data");
        }
        List<String> texts = rows.stream().map(b -> text(b.valueText(), b.value())).toList();
        int labelW = column(rows.stream().map(Bar::label).toList(), 80, 300);
        int valueW = column(texts, 60, 220);
        double x0 = labelW;
        double x1 = WIDTH - valueW;
        double min = 0;
        double max = 0;
        for (Bar b : rows) {
            min = Math.min(min, b.value());
            max = Math.max(max, b.value());
        }
        double span = max - min == 0 ? 1 : max - min;
        double zero = x0 + (0 - min) / span * (x1 - x0);
        for (int i = 0; i < rows.size(); i++) {
            Bar b = rows.get(i);
            double y = top + i * ROW;
            double xv = x0 + (b.value() - min) / span * (x1 - x0);
            double w = Math.abs(xv - zero);
            w = b.value() != 0 && w < 1 ? 1 : w;
            out.append("<g class=\"bar").append(b.highlight() ? " highlight" : "").append("\"><title>")
                    .append(esc(b.label() + ": " + texts.get(i) + (b.highlight() ? " (highlighted)" : "")))
                    .append("</title>");
            label(out, b.label(), labelW, y);
            out.append("<rect x=\"").append(f(Math.min(zero, xv))).append("\" y=\"").append(f(y + (ROW - BAR) / 2.0))
                    .append("\" width=\"").append(f(w)).append("\" height=\"").append(BAR).append("\" fill=\"")
                    .append(b.highlight() ? ORANGE : BLUE).append("\"/>");
            out.append("<text x=\"").append(f(x1 + 6)).append("\" y=\"").append(f(y + ROW / 2.0 + 4)).append("\"")
                    .append(b.highlight() ? " font-weight=\"600\"" : "").append(">").append(esc(fit(texts.get(i), valueW - 8)))
                    .append("</text></g>\n");
        }
        axis(out, zero, top, top + rows.size() * ROW);
        return out.append("</svg>").toString();
    }

    /**
     * A tornado: for each assumption, a bar from the base output to the output at its low end and one
     * to the output at its high end, in the order given (rank them first). A NaN end draws no bar.
     */
    public static String tornado(String title, double base, String baseText, List<Swing> swings) {
        int top = 48;
        StringBuilder out = open("tornado", title, top, swings.size());
        out.append(legend("assumption low", BLUE, WIDTH - 250)).append(legend("assumption high", ORANGE, WIDTH - 120));
        if (swings.isEmpty() || !Double.isFinite(base)) {
            return empty(out, top, swings.isEmpty() ? "no data" : "base value not derived");
        }
        double min = base;
        double max = base;
        List<String> ends = new ArrayList<>();
        for (Swing s : swings) {
            for (double v : new double[] {s.low(), s.high()}) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            ends.add(text(s.lowText(), s.low()) + " · " + text(s.highText(), s.high()));
        }
        if (max - min == 0) {
            double pad = Math.max(Math.abs(base), 1) * 0.1;
            min -= pad;
            max += pad;
        }
        int labelW = column(swings.stream().map(Swing::label).toList(), 80, 280);
        int textW = column(ends, 50, 170);
        double x0 = labelW + textW;
        double x1 = WIDTH - textW;
        double span = max - min;
        double xb = x0 + (base - min) / span * (x1 - x0);
        out.append("<text x=\"").append(f(xb)).append("\" y=\"").append(top - 8)
                .append("\" text-anchor=\"middle\" fill=\"").append(MUTED).append("\">")
                .append(esc("base " + text(baseText, base))).append("</text>\n");
        for (int i = 0; i < swings.size(); i++) {
            Swing s = swings.get(i);
            double y = top + i * ROW;
            out.append("<g class=\"swing\">");
            label(out, s.label(), labelW, y);
            List<String> left = new ArrayList<>();
            List<String> right = new ArrayList<>();
            double leftX = xb;
            double rightX = xb;
            double[] values = {s.low(), s.high()};
            String[] texts = {text(s.lowText(), s.low()), text(s.highText(), s.high())};
            // the longer bar first, so a shorter one on the same side stays visible on top of it
            int first = Math.abs(values[0] - base) >= Math.abs(values[1] - base) || !Double.isFinite(values[1]) ? 0 : 1;
            for (int k : new int[] {first, 1 - first}) {
                double v = values[k];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double xv = x0 + (v - min) / span * (x1 - x0);
                String end = k == 0 ? "low" : "high";
                out.append("<rect class=\"bar ").append(end).append("\" x=\"").append(f(Math.min(xb, xv)))
                        .append("\" y=\"").append(f(y + (ROW - BAR) / 2.0)).append("\" width=\"")
                        .append(f(Math.abs(xv - xb))).append("\" height=\"").append(BAR).append("\" fill=\"")
                        .append(k == 0 ? BLUE : ORANGE).append("\"><title>")
                        .append(esc(s.label() + " at its " + end + " end: " + texts[k])).append("</title></rect>");
                if (v < base) {
                    left.add(texts[k]);
                    leftX = Math.min(leftX, xv);
                } else {
                    right.add(texts[k]);
                    rightX = Math.max(rightX, xv);
                }
            }
            if (left.isEmpty() && right.isEmpty()) {
                right.add("not derived");
            }
            endText(out, left, leftX - 4, y, "end");
            endText(out, right, rightX + 4, y, "start");
            out.append("</g>\n");
        }
        out.append("<line class=\"base\" x1=\"").append(f(xb)).append("\" y1=\"").append(top - 4).append("\" x2=\"")
                .append(f(xb)).append("\" y2=\"").append(top + swings.size() * ROW).append("\" stroke=\"").append(INK)
                .append("\" stroke-dasharray=\"3 2\"/>\n");
        return out.append("</svg>").toString();
    }

    /**
     * One row per figure, each on its own scale from 0 to its P90 (or spanning its negative values):
     * a thick line from P10 to P90 and a mark at P50. A row with a NaN percentile is skipped.
     */
    public static String rangeBars(String title, List<Range> ranges) {
        List<Range> rows = ranges.stream()
                .filter(r -> Double.isFinite(r.p10()) && Double.isFinite(r.p50()) && Double.isFinite(r.p90())).toList();
        int top = 36;
        StringBuilder out = open("range", title, top, rows.size());
        out.append("<text x=\"").append(WIDTH).append("\" y=\"16\" text-anchor=\"end\" fill=\"").append(MUTED)
                .append("\">").append(esc("each row on its own scale, 0 to its P90; | = P50")).append("</text>\n");
        if (rows.isEmpty()) {
            return empty(out, top, "no data");
        }
        int labelW = column(rows.stream().map(Range::label).toList(), 80, 280);
        int textW = column(rows.stream().map(Range::text).toList(), 80, 360);
        double x0 = labelW;
        double x1 = WIDTH - textW;
        for (int i = 0; i < rows.size(); i++) {
            Range r = rows.get(i);
            double y = top + i * ROW;
            double lo = Math.min(0, Math.min(r.p10(), Math.min(r.p50(), r.p90())));
            double hi = Math.max(0, Math.max(r.p10(), Math.max(r.p50(), r.p90())));
            double span = hi - lo == 0 ? 1 : hi - lo;
            double a = x0 + (Math.min(r.p10(), r.p90()) - lo) / span * (x1 - x0);
            double b = x0 + (Math.max(r.p10(), r.p90()) - lo) / span * (x1 - x0);
            double m = x0 + (r.p50() - lo) / span * (x1 - x0);
            double mid = y + ROW / 2.0;
            out.append("<g class=\"bar range\"><title>").append(esc(r.label() + ": " + nz(r.text()))).append("</title>");
            label(out, r.label(), labelW, y);
            out.append("<rect class=\"track\" x=\"").append(f(x0)).append("\" y=\"").append(f(mid - 2))
                    .append("\" width=\"").append(f(x1 - x0)).append("\" height=\"4\" fill=\"").append(TRACK).append("\"/>");
            out.append("<rect class=\"p10-p90\" x=\"").append(f(a)).append("\" y=\"").append(f(mid - 4))
                    .append("\" width=\"").append(f(Math.max(b - a, 1))).append("\" height=\"8\" rx=\"2\" fill=\"")
                    .append(BLUE).append("\"/>");
            out.append("<rect class=\"p50\" x=\"").append(f(m - 1.5)).append("\" y=\"").append(f(mid - BAR / 2.0))
                    .append("\" width=\"3\" height=\"").append(BAR).append("\" fill=\"").append(ORANGE).append("\"/>");
            out.append("<text x=\"").append(f(x1 + 8)).append("\" y=\"").append(f(mid + 4)).append("\">")
                    .append(esc(fit(nz(r.text()), textW - 10))).append("</text></g>\n");
        }
        return out.append("</svg>").toString();
    }

    private static StringBuilder open(String kind, String title, int top, int rows) {
        int height = top + Math.max(rows, 1) * ROW + BOTTOM;
        return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-").append(kind)
                .append("\" role=\"img\" aria-label=\"").append(esc(nz(title))).append("\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"")
                .append(" font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"").append(INK).append("\">\n")
                .append("<text class=\"chart-title\" x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"600\">")
                .append(esc(nz(title))).append("</text>\n");
    }

    private static String empty(StringBuilder out, int top, String message) {
        return out.append("<text class=\"empty\" x=\"0\" y=\"").append(top + ROW / 2 + 4).append("\" fill=\"")
                .append(MUTED).append("\">").append(esc(message)).append("</text>\n</svg>").toString();
    }

    private static String legend(String text, String colour, int x) {
        return "<rect x=\"" + x + "\" y=\"6\" width=\"10\" height=\"10\" fill=\"" + colour + "\"/><text x=\"" + (x + 14)
                + "\" y=\"15\" fill=\"" + MUTED + "\">" + esc(text) + "</text>\n";
    }

    private static void label(StringBuilder out, String label, int labelW, double y) {
        out.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(f(y + ROW / 2.0 + 4))
                .append("\" text-anchor=\"end\">").append(esc(fit(nz(label), labelW - 12))).append("</text>");
    }

    private static void endText(StringBuilder out, List<String> texts, double x, double y, String anchor) {
        if (!texts.isEmpty()) {
            out.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y + ROW / 2.0 + 4))
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(esc(String.join(" · ", texts)))
                    .append("</text>");
        }
    }

    private static void axis(StringBuilder out, double x, int y1, int y2) {
        out.append("<line class=\"axis\" x1=\"").append(f(x)).append("\" y1=\"").append(y1).append("\" x2=\"")
                .append(f(x)).append("\" y2=\"").append(y2).append("\" stroke=\"").append(MUTED).append("\"/>\n");
    }

    /** Width in viewBox units of a column holding these texts, between {@code min} and {@code max}. */
    private static int column(List<String> texts, int min, int max) {
        int chars = texts.stream().mapToInt(t -> nz(t).length()).max().orElse(0);
        return (int) Math.max(min, Math.min(max, Math.ceil(chars * CHAR + 16)));
    }

    /** The text cut with an ellipsis to fit {@code width} (the {@code <title>} keeps it whole). */
    private static String fit(String s, double width) {
        int max = (int) Math.floor(width / CHAR);
        return s.length() <= max || max < 2 ? s : s.substring(0, max - 1) + "…";
    }

    private static String text(String given, double v) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return Double.isFinite(v) ? Show.significant(v, 4) : "n/a";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A coordinate with at most one decimal; never NaN or Infinity. */
    static String f(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.1f", v);
        s = s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String esc(String s) {
        return HtmlPage.esc(s);
    }
}

package llmcap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG charts: well-formed XML, one bar per finite input, highlight, escaping, NaN, empty and negative input. */
class SvgTest {

    private static final String NASTY = "a<b & \"c\" 'd'";

    static Document parse(String xml) {
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** Elements with this tag whose class attribute has {@code cls} as one of its words. */
    static List<Element> byClass(Document d, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element root(String svg, String kind) {
        Element root = parse(svg).getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("chart chart-" + kind, root.getAttribute("class"));
        assertEquals("img", root.getAttribute("role"));
        assertFalse(root.getAttribute("aria-label").isEmpty());
        assertTrue(root.getAttribute("viewBox").matches("0 0 \\d+ \\d+"), root.getAttribute("viewBox"));
        assertEquals("100%", root.getAttribute("width"));
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), svg);
        return root;
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    @Test
    void barChartHasOneBarWithATitlePerInputAndTheHighlightInTheAccentColour() {
        String svg = Svg.barChart("daily cost", List.of(new Svg.Bar("gpt-3.5 on a100", 360_000, "$360,000/day", false),
                new Svg.Bar("gpt-3.5 on h100", 250_000, "$250,000/day", true),
                new Svg.Bar("llama on l4", 500_000, "$500,000/day", false)));
        root(svg, "bar");
        Document d = parse(svg);
        List<Element> bars = byClass(d, "g", "bar");
        assertEquals(3, bars.size());
        for (Element g : bars) {
            assertEquals("title", ((Element) g.getElementsByTagName("title").item(0)).getTagName());
        }
        List<Element> highlighted = byClass(d, "g", "highlight");
        assertEquals(1, highlighted.size());
        assertTrue(highlighted.get(0).getTextContent().contains("$250,000/day"));
        Element rect = (Element) highlighted.get(0).getElementsByTagName("rect").item(0);
        assertEquals(Svg.ORANGE, rect.getAttribute("fill"));
        Element other = (Element) bars.get(0).getElementsByTagName("rect").item(0);
        assertEquals(Svg.BLUE, other.getAttribute("fill"));
        // widths proportional to the values: 500k is the longest bar
        double w0 = num(other, "width");
        double w2 = num((Element) bars.get(2).getElementsByTagName("rect").item(0), "width");
        assertEquals(500.0 / 360, w2 / w0, 0.02);
    }

    @Test
    void labelsAndTitlesAreEscaped() {
        String svg = Svg.barChart(NASTY, List.of(new Svg.Bar(NASTY, 1, NASTY, true)));
        Element root = root(svg, "bar");
        assertEquals(NASTY, root.getAttribute("aria-label"));
        assertFalse(svg.contains("a<b"), svg);
        assertTrue(svg.contains("a&lt;b &amp; &quot;c&quot; &#39;d&#39;"), svg);
        Document d = parse(svg);
        assertTrue(d.getElementsByTagName("title").item(0).getTextContent().startsWith(NASTY + ": " + NASTY));
        String tornado = Svg.tornado(NASTY, 1, NASTY, List.of(new Svg.Swing(NASTY, 0.5, 2, NASTY, NASTY)));
        root(tornado, "tornado");
        assertFalse(tornado.contains("a<b"));
        String ranges = Svg.rangeBars(NASTY, List.of(new Svg.Range(NASTY, 1, 2, 3, NASTY)));
        root(ranges, "range");
        assertFalse(ranges.contains("a<b"));
    }

    @Test
    void nanValuesAreSkippedAndNeverPrinted() {
        String svg = Svg.barChart("t", List.of(new Svg.Bar("one", 1, null, false),
                new Svg.Bar("nan", Double.NaN, "NaN", true), new Svg.Bar("inf", Double.POSITIVE_INFINITY, null, false),
                new Svg.Bar("two", 2, null, false)));
        root(svg, "bar");
        Document d = parse(svg);
        assertEquals(2, byClass(d, "g", "bar").size());
        assertEquals(0, byClass(d, "g", "highlight").size());
        assertFalse(svg.contains(">nan<"));
    }

    @Test
    void zeroAndNegativeValuesDrawFromTheZeroLine() {
        String svg = Svg.barChart("deviation", List.of(new Svg.Bar("minus", -5, "-5 %", false),
                new Svg.Bar("zero", 0, "0 %", false), new Svg.Bar("plus", 10, "+10 %", true)));
        root(svg, "bar");
        Document d = parse(svg);
        List<Element> bars = byClass(d, "g", "bar");
        assertEquals(3, bars.size());
        Element axis = byClass(d, "line", "axis").get(0);
        double zero = num(axis, "x1");
        Element minus = (Element) bars.get(0).getElementsByTagName("rect").item(0);
        Element nil = (Element) bars.get(1).getElementsByTagName("rect").item(0);
        Element plus = (Element) bars.get(2).getElementsByTagName("rect").item(0);
        assertEquals(zero, num(minus, "x") + num(minus, "width"), 0.11);
        assertEquals(0, num(nil, "width"));
        assertEquals(zero, num(plus, "x"), 0.11);
        assertEquals(2.0, num(plus, "width") / num(minus, "width"), 0.02);
        for (Element g : bars) {
            Element r = (Element) g.getElementsByTagName("rect").item(0);
            assertTrue(num(r, "x") >= 0 && num(r, "x") + num(r, "width") <= Svg.WIDTH);
        }
        root(Svg.barChart("all zero", List.of(new Svg.Bar("z", 0, "0", false))), "bar");
    }

    @Test
    void emptyListsGiveAChartThatSaysSo() {
        for (String svg : List.of(Svg.barChart("none", List.of()), Svg.tornado("none", 1, "1", List.of()),
                Svg.rangeBars("none", List.of()), Svg.tornado("nan base", Double.NaN, "n/a",
                        List.of(new Svg.Swing("x", 1, 2, "1", "2"))))) {
            Document d = parse(svg);
            assertTrue(d.getDocumentElement().getAttribute("class").startsWith("chart chart-"));
            assertEquals(0, byClass(d, "g", "bar").size() + byClass(d, "rect", "bar").size());
            assertEquals(1, byClass(d, "text", "empty").size(), svg);
            assertFalse(svg.contains("NaN"));
        }
    }

    @Test
    void tornadoDrawsALowAndAHighBarPerSwingInTheGivenOrderSkippingNan() {
        String svg = Svg.tornado("serving.gpus", 2207, "2,207 GPU", List.of(
                new Svg.Swing("serving.peak_factor", 1766, 2649, "1,766 GPU", "2,649 GPU"),
                new Svg.Swing("serving.utilization", 2759, 1840, "2,759 GPU", "1,840 GPU"),
                new Svg.Swing("gpu.flops_bf16", Double.NaN, 2000, "n/a", "2,000 GPU"),
                new Svg.Swing("unchanged", 2207, 2207, "2,207 GPU", "2,207 GPU")));
        root(svg, "tornado");
        Document d = parse(svg);
        assertEquals(4, byClass(d, "g", "swing").size());
        assertEquals(3, byClass(d, "rect", "low").size());
        assertEquals(4, byClass(d, "rect", "high").size());
        for (Element r : byClass(d, "rect", "bar")) {
            assertEquals("title", r.getFirstChild().getNodeName());
        }
        assertTrue(svg.indexOf("serving.peak_factor") < svg.indexOf("serving.utilization"));
        assertTrue(svg.indexOf("serving.utilization") < svg.indexOf("gpu.flops_bf16"));
        double base = num(byClass(d, "line", "base").get(0), "x1");
        Element firstLow = byClass(d, "rect", "low").get(0);
        assertEquals(base, num(firstLow, "x") + num(firstLow, "width"), 0.11);
        assertTrue(svg.contains("base 2,207 GPU"));
    }

    @Test
    void rangeBarsPutEachFigureOnItsOwnScaleWithTheP50InsideTheRange() {
        String svg = Svg.rangeBars("P10-P90", List.of(new Svg.Range("serving.gpus", 1500, 2207, 3300, "a"),
                new Svg.Range("cost.fleet_daily_usd", 2e5, 3.6e5, 4e5, "b"),
                new Svg.Range("skipped", Double.NaN, 1, 2, "c"),
                new Svg.Range("negative", -3, -1, 2, "d"), new Svg.Range("zero", 0, 0, 0, "e")));
        root(svg, "range");
        Document d = parse(svg);
        List<Element> rows = byClass(d, "g", "bar");
        assertEquals(4, rows.size());
        assertFalse(svg.contains("skipped"));
        Element track = byClass(d, "rect", "track").get(0);
        double right = num(track, "x") + num(track, "width");
        for (int i = 0; i < 2; i++) {
            Element span = byClass(d, "rect", "p10-p90").get(i);
            Element p50 = byClass(d, "rect", "p50").get(i);
            assertEquals(right, num(span, "x") + num(span, "width"), 0.11, "P90 at the end of its own scale");
            double mid = num(p50, "x") + 1.5;
            assertTrue(mid > num(span, "x") && mid < num(span, "x") + num(span, "width"));
        }
    }
}

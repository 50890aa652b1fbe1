package llmcap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each renderer of the estimate against an output written out by hand for {@link ReportFixture}'s
 * estimate, in {@code src/test/resources/renderers/}: text, Markdown and CSV whole, JSON and HTML for
 * the headline (their other parts are tested against the bundled rules elsewhere). The expected files
 * were written from the fixture's numbers and the formats' rules, not captured from llmcap.
 */
class RendererExpectedOutputTest {

    private static final Path DIR = Path.of("src/test/resources/renderers");

    private static String expected(String file) throws IOException {
        return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void text() throws IOException {
        assertEquals(expected("estimate.txt"), Reports.ESTIMATE.render(Format.text, ReportFixture.report()));
    }

    @Test
    void markdown() throws IOException {
        assertEquals(expected("estimate.md"), Reports.ESTIMATE.render(Format.markdown, ReportFixture.report()));
    }

    @Test
    void csv() throws IOException {
        String csv = Reports.ESTIMATE.render(Format.csv, ReportFixture.report());
        assertEquals(expected("estimate.csv"), csv);
        List<List<String>> rows = llmcap.CsvRows.parse(csv);
        assertTrue(rows.stream().allMatch(r -> r.size() == 8), "every row has the header's 8 fields: " + rows);
        assertEquals("fixture: \"hand-made\", 2026", rows.get(9).get(7), "quotes and a comma survive a round trip");
    }

    @Test
    void jsonHeadline() throws IOException {
        JsonObject doc = JsonParser.parseString(Reports.ESTIMATE.render(Format.json, ReportFixture.report()))
                .getAsJsonObject();
        assertEquals("serving", doc.get("kind").getAsString());
        assertEquals(JsonParser.parseString(expected("estimate-headline.json")), doc.get("headline"));
    }

    @Test
    void htmlHeadline() throws IOException {
        String html = Reports.ESTIMATE.render(Format.html, ReportFixture.report());
        int from = html.indexOf("<section class=\"headline\">");
        int to = html.indexOf("</section>", from) + "</section>\n".length();
        assertTrue(from > 0 && html.indexOf("<h2>", from) == html.indexOf("<h2>"), "the answers come first");
        assertEquals(expected("estimate-headline.html"), html.substring(from, to));
    }
}

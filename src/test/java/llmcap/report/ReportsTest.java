package llmcap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.EnumSet;
import java.util.List;
import llmcap.app.UsageException;
import org.junit.jupiter.api.Test;

/** The dispatch table: each format is its own renderer; a format a report lacks is refused, never text. */
class ReportsTest {

    @Test
    void everyFormatOfTheEstimateIsThatFormat() {
        EstimateReport r = ReportFixture.report();
        assertEquals(EnumSet.allOf(Format.class), Reports.ESTIMATE.formats());
        assertTrue(Reports.ESTIMATE.render(Format.text, r).startsWith("llmcap estimate: "));
        assertTrue(Reports.ESTIMATE.render(Format.markdown, r).startsWith("# llmcap estimate: "));
        assertTrue(JsonParser.parseString(Reports.ESTIMATE.render(Format.json, r)).isJsonObject());
        assertTrue(Reports.ESTIMATE.render(Format.html, r).startsWith("<!doctype html>\n"));
        List<List<String>> csv = llmcap.CsvRows.parse(Reports.ESTIMATE.render(Format.csv, r));
        assertEquals(List.of("name", "value", "unit", "kind", "rule", "where", "inputs", "citation"), csv.get(0));
    }

    @Test
    void aFormatAReportLacksIsAUsageErrorNamingTheOnesItHas() {
        UsageException e = assertThrows(UsageException.class, () -> Reports.VALIDATE.require(Format.csv));
        assertEquals("--format csv is not available for validate (use one of text, json, markdown, html)",
                e.getMessage());
        assertThrows(UsageException.class, () -> Reports.VALIDATE.render(Format.csv, new Reports.Validated(List.of(),
                "catalog")));
    }

    @Test
    void aFormatGivenAsTextIsReadCaseInsensitivelyAndAnUnknownOneIsRefused() {
        assertEquals(SweepWriter.Format.jsonl, Format.named("format", "JSONL", SweepWriter.Format.values()));
        UsageException e = assertThrows(UsageException.class,
                () -> Format.named("format", "xml", SweepWriter.Format.values()));
        assertEquals("format 'xml' is not a format here (use one of csv, jsonl)", e.getMessage());
    }
}

package llmcap.report;

import static llmcap.report.Format.csv;
import static llmcap.report.Format.html;
import static llmcap.report.Format.json;
import static llmcap.report.Format.markdown;
import static llmcap.report.Format.text;

import java.util.List;
import llmcap.app.CompareResult;
import llmcap.app.SensitivityResult;
import llmcap.app.UncertaintyResult;
import llmcap.app.Validation.CaseResult;

/**
 * The one dispatch table from format to renderer: a row per report, a renderer per format it has.
 * Every command and the server render through it; a format not in a report's row is refused with the
 * list of those that are (exit 2, HTTP 400).
 */
public final class Reports {

    /** {@code llmcap estimate}. */
    public static final Report<EstimateReport> ESTIMATE = Report.<EstimateReport>of("estimate")
            .with(text, TextReport::render).with(json, JsonReport::render).with(markdown, MarkdownReport::render)
            .with(csv, EstimateCsv::render).with(html, HtmlReport::estimate);

    /** {@code llmcap estimate --samples N}. */
    public static final Report<UncertaintyResult> UNCERTAINTY = Report.<UncertaintyResult>of("estimate --samples")
            .with(text, WhatIfReport::uncertaintyText).with(json, WhatIfReport::uncertaintyJson)
            .with(markdown, WhatIfReport::uncertaintyMarkdown).with(csv, WhatIfReport::uncertaintyCsv)
            .with(html, HtmlReport::uncertainty);

    /** {@code llmcap compare}. */
    public static final Report<CompareResult> COMPARE = Report.<CompareResult>of("compare")
            .with(text, CompareReport::text).with(json, CompareReport::json).with(markdown, CompareReport::markdown)
            .with(csv, CompareReport::csv).with(html, HtmlReport::compare);

    /** {@code llmcap sensitivity}. */
    public static final Report<SensitivityResult> SENSITIVITY = Report.<SensitivityResult>of("sensitivity")
            .with(text, WhatIfReport::sensitivityText).with(json, WhatIfReport::sensitivityJson)
            .with(markdown, WhatIfReport::sensitivityMarkdown).with(csv, WhatIfReport::sensitivityCsv)
            .with(html, HtmlReport::sensitivity);

    /** {@code llmcap validate}: no CSV (a case is a table of tables). */
    public static final Report<Validated> VALIDATE = Report.<Validated>of("validate")
            .with(text, v -> ValidationReport.text(v.results(), v.catalog()))
            .with(json, v -> ValidationReport.json(v.results()))
            .with(markdown, v -> ValidationReport.markdown(v.results()))
            .with(html, v -> HtmlReport.validate(v.results()));

    /** What {@code validate} renders: the cases' results and the catalog they were read from. */
    public record Validated(List<CaseResult> results, String catalog) {
        public Validated {
            results = List.copyOf(results);
        }
    }

    private Reports() {
    }
}

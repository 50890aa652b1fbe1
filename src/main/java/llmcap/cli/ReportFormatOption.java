package llmcap.cli;

import llmcap.report.Format;
import picocli.CommandLine.Option;

/** {@code --format} for the report commands (estimate, compare, sensitivity). */
final class ReportFormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, csv or html (default: ${DEFAULT-VALUE}). JSON and CSV values are in base units.")
    Format format;
}

package llmcap.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} for the listing commands ({@code catalog}, {@code rules}). */
final class ListFormatOption {

    enum ListFormat { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    ListFormat format;

    boolean json() {
        return format == ListFormat.json;
    }
}

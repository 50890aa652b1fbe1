package llmcap.report;

/** Output formats of the report commands. */
public enum Format {
    text, json, markdown
}

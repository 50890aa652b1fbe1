package llmcap.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the files on disk could not be loaded the last time they were read: each line as the command
 * line would print it ({@code rules/serving.drl:21: ...}), the first {@code file:line} among them,
 * and when it was seen. The server keeps answering from the last good snapshot meanwhile.
 */
public record ReloadError(List<String> lines, Optional<String> where, Instant at) {

    private static final Pattern PLACE = Pattern.compile("^(\\S+?:\\d+)(?::\\d+)?:");
    /** Drools' parser sometimes says {@code rules/a.drl: Line 149:0 unexpected exception ... Stack trace: ...}. */
    private static final Pattern PARSER_PLACE = Pattern.compile("^(\\S+): Line (\\d+):\\d+ (.*)$");

    public ReloadError {
        lines = List.copyOf(lines);
    }

    public static ReloadError of(List<String> given, Instant at) {
        List<String> lines = given.stream().map(ReloadError::tidy).toList();
        Optional<String> where = Optional.empty();
        for (String l : lines) {
            Matcher m = PLACE.matcher(l);
            if (m.find()) {
                where = Optional.of(m.group(1));
                break;
            }
        }
        return new ReloadError(lines, where, at);
    }

    /** One line as the page and the API show it: {@code file:line: message}, never a stack trace. */
    static String tidy(String line) {
        String l = line;
        int trace = l.indexOf(" Stack trace:");
        if (trace > 0) {
            l = l.substring(0, trace).strip();
        }
        Matcher m = PARSER_PLACE.matcher(l);
        return m.matches() ? m.group(1) + ":" + m.group(2) + ": " + m.group(3) : l;
    }

    public String message() {
        return String.join("\n", lines);
    }
}

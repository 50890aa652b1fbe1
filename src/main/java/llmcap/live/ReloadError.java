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

    public ReloadError {
        lines = List.copyOf(lines);
    }

    public static ReloadError of(List<String> lines, Instant at) {
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

    public String message() {
        return String.join("\n", lines);
    }
}

package llmcap.app;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder of rules or catalog files, and the name reports and errors use for it: {@code rules}
 * for {@code ./rules}, the path as given for {@code --rules DIR}, {@code bundled:rules} for the
 * copy inside the jar.
 */
public record Folder(Path path, String display) {
    public Folder {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(display, "display must not be null");
    }
}

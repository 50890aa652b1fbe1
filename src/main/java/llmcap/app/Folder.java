package llmcap.app;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder of rules or catalog files, and the name reports and errors use for it: {@code rules}
 * for {@code ./rules}, the path as given for {@code --rules DIR}, {@code bundled:rules} for the
 * copy inside the jar.
 *
 * @param trusted false for rules found in the working directory that the user has not trusted: they
 *                are not run (see {@link Trust})
 */
public record Folder(Path path, String display, boolean trusted) {
    public Folder {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(display, "display must not be null");
    }

    public Folder(Path path, String display) {
        this(path, display, true);
    }
}

package llmcap.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A folder of rules or catalog files, and the name reports and errors use for it: {@code rules}
 * for {@code ./rules}, the path as given for {@code --rules DIR}, {@code bundled:rules} for the
 * copy inside the jar. A catalog may be several folders laid over each other ({@link #overlay}).
 *
 * @param trusted false for rules found in the working directory that the user has not trusted: they
 *                are not run (see {@link Trust})
 * @param layers  for a catalog read from several folders, those folders, the base first (the path is
 *                the top one's, the display names them all); empty for one folder
 */
public record Folder(Path path, String display, boolean trusted, List<Folder> layers) {
    public Folder {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(display, "display must not be null");
        layers = List.copyOf(layers);
    }

    public Folder(Path path, String display, boolean trusted) {
        this(path, display, trusted, List.of());
    }

    public Folder(Path path, String display) {
        this(path, display, true);
    }

    /**
     * {@code tops} laid over {@code base}, the last on top: {@code base} itself when there are none,
     * else one folder named {@code my-catalog over catalog}.
     */
    public static Folder overlay(Folder base, List<Folder> tops) {
        if (tops.isEmpty()) {
            return base;
        }
        List<Folder> all = new ArrayList<>();
        all.add(base);
        all.addAll(tops);
        List<String> names = new ArrayList<>();
        all.forEach(f -> names.add(0, f.display()));
        return new Folder(tops.get(tops.size() - 1).path(), String.join(" over ", names), true, all);
    }

    /** The folders this one is read from, the base first: itself, or its layers. */
    public List<Folder> folders() {
        return layers.isEmpty() ? List.of(this) : layers;
    }
}

package llmcap.app;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the rules and the catalog come from. Rules, in this order: the folder given on the command
 * line; {@code ./rules} in the working directory; {@code $LLMCAP_HOME/rules} (the launcher sets it to
 * the repository); the copy bundled in the jar. Rules found in the working directory run only if they
 * are {@code $LLMCAP_HOME}'s or trusted ({@link Trust}). The catalog: the bundled one
 * ({@code $LLMCAP_HOME/catalog}, else the jar's copy) with the folders given with {@code --catalog}
 * laid over it, else {@code ./catalog}; {@code --catalog-only DIR} replaces the bundled one.
 */
public final class Locations {

    private static final String BUNDLED = "/llmcap/bundled/";

    private Locations() {
    }

    /** The rules folder; one found in the working directory is marked untrusted unless the user trusted it. */
    public static Folder rules(Optional<Path> given) {
        return resolve(given, "rules", Path.of(""), home(), Trust.fromEnvironment());
    }

    /** {@code given} laid over the bundled catalog, or {@code ./catalog} when none is given and there is one. */
    public static Folder catalog(Optional<Path> given) {
        return catalog(given.map(List::of).orElse(List.of()), Optional.empty());
    }

    /**
     * The catalog: {@code only} (a whole catalog) or the bundled one, with {@code overlays} laid over it in
     * order, or with {@code ./catalog} when no overlay is given. A folder that is the base itself is not
     * laid over it again (the repository's own {@code ./catalog} run with the launcher).
     */
    public static Folder catalog(List<Path> overlays, Optional<Path> only) {
        return catalog(overlays, only, Path.of(""), home());
    }

    static Folder catalog(List<Path> overlays, Optional<Path> only, Path workingDir, Optional<Path> home) {
        Folder base = only.map(p -> given(p, "--catalog-only")).orElseGet(() -> homeOrBundled("catalog", home));
        List<Folder> tops = new ArrayList<>();
        for (Path p : overlays) {
            tops.add(given(p, "--catalog"));
        }
        Path local = workingDir.resolve("catalog");
        if (overlays.isEmpty() && only.isEmpty() && Files.isDirectory(local)) {
            tops.add(new Folder(local, "catalog"));
        }
        List<Folder> over = new ArrayList<>();
        for (Folder top : tops) {
            if (same(top.path(), base.path())) {
                base = top; // the base itself, named as the user found or gave it
            } else {
                over.add(top);
            }
        }
        return Folder.overlay(base, over);
    }

    /** A folder named with {@code option}: it must be one; its display is the path as given. */
    private static Folder given(Path p, String option) {
        if (!Files.isDirectory(p)) {
            throw new UsageException(option + " " + p + ": not a folder");
        }
        return new Folder(p, p.toString().replaceAll("/+$", ""));
    }

    /**
     * Why untrusted rules are not run, and what to do: one line. Rules given with {@code --rules}, under
     * {@code $LLMCAP_HOME} or bundled in the jar are the user's explicit choice; rules merely found in the
     * working directory may come with someone else's checkout.
     */
    public static String untrusted(Folder rules) {
        return "./" + rules.display() + " (" + rules.path().toAbsolutePath().normalize() + ") holds rules found in the"
                + " working directory, and rule files are code that llmcap would run: trust this folder once with"
                + " `llmcap trust`, or name it with --rules " + rules.display();
    }

    /** The copy of {@code rules} or {@code catalog} inside the jar (or the build's classes folder). */
    public static Folder bundled(String name) {
        URL url = Locations.class.getResource(BUNDLED + name);
        if (url == null) {
            throw new IllegalStateException("the bundled " + name + " folder is missing from the jar");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return new Folder(fs.getPath(BUNDLED + name), "bundled:" + name);
            }
            return new Folder(Path.of(uri), "bundled:" + name);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled " + name + " folder: " + e.getMessage(), e);
        }
    }

    /** {@code trust}: null for data (the catalog), which needs none. */
    static Folder resolve(Optional<Path> given, String name, Path workingDir, Optional<Path> home, Trust trust) {
        if (given.isPresent()) {
            return given(given.get(), "--" + name);
        }
        Path local = workingDir.resolve(name);
        if (Files.isDirectory(local)) {
            boolean trusted = trust == null || home.map(h -> same(h.resolve(name), local)).orElse(false)
                    || trust.trusts(local);
            return new Folder(local, name, trusted);
        }
        return homeOrBundled(name, home);
    }

    /** {@code $LLMCAP_HOME/NAME} when it is a folder, else the copy bundled in the jar. */
    private static Folder homeOrBundled(String name, Optional<Path> home) {
        return home.map(h -> h.resolve(name)).filter(Files::isDirectory).map(p -> new Folder(p, p.toString()))
                .orElseGet(() -> bundled(name));
    }

    private static Optional<Path> home() {
        String home = System.getenv("LLMCAP_HOME");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home));
    }

    private static boolean same(Path a, Path b) {
        if (a.getFileSystem() != b.getFileSystem()) {
            return false; // the jar's copy is no folder on disk
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}

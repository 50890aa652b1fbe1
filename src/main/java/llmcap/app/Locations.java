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
import java.util.Map;
import java.util.Optional;

/**
 * Where the rules and the catalog come from, in this order: the folder given on the command line;
 * {@code ./rules} or {@code ./catalog} in the working directory; the same folders under
 * {@code $LLMCAP_HOME} (the launcher sets it to the repository); the copies bundled in the jar.
 * Rules found in the working directory run only if they are {@code $LLMCAP_HOME}'s or trusted ({@link Trust}).
 */
public final class Locations {

    private static final String BUNDLED = "/llmcap/bundled/";

    private Locations() {
    }

    /** The rules folder; one found in the working directory is marked untrusted unless the user trusted it. */
    public static Folder rules(Optional<Path> given) {
        return resolve(given, "rules", Path.of(""), home(), Trust.fromEnvironment());
    }

    public static Folder catalog(Optional<Path> given) {
        return resolve(given, "catalog", Path.of(""), home(), null);
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
            Path p = given.get();
            if (!Files.isDirectory(p)) {
                throw new UsageException("--" + name + " " + p + ": not a folder");
            }
            return new Folder(p, p.toString().replaceAll("/+$", ""));
        }
        Path local = workingDir.resolve(name);
        if (Files.isDirectory(local)) {
            boolean trusted = trust == null || home.map(h -> same(h.resolve(name), local)).orElse(false)
                    || trust.trusts(local);
            return new Folder(local, name, trusted);
        }
        if (home.isPresent() && Files.isDirectory(home.get().resolve(name))) {
            return new Folder(home.get().resolve(name), home.get().resolve(name).toString());
        }
        return bundled(name);
    }

    private static Optional<Path> home() {
        String home = System.getenv("LLMCAP_HOME");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home));
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}

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
 */
public final class Locations {

    private static final String BUNDLED = "/llmcap/bundled/";

    private Locations() {
    }

    public static Folder rules(Optional<Path> given) {
        return resolve(given, "rules");
    }

    public static Folder catalog(Optional<Path> given) {
        return resolve(given, "catalog");
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

    private static Folder resolve(Optional<Path> given, String name) {
        if (given.isPresent()) {
            Path p = given.get();
            if (!Files.isDirectory(p)) {
                throw new UsageException("--" + name + " " + p + ": not a folder");
            }
            return new Folder(p, p.toString().replaceAll("/+$", ""));
        }
        Path local = Path.of(name);
        if (Files.isDirectory(local)) {
            return new Folder(local, name);
        }
        String home = System.getenv("LLMCAP_HOME");
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, name))) {
            return new Folder(Path.of(home, name), Path.of(home, name).toString());
        }
        return bundled(name);
    }
}

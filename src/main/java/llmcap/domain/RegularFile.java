package llmcap.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the files users give llmcap (rules, catalog, scenarios, config.json) only when they are
 * regular files, links followed, and no larger than a limit: a named pipe would wait for a writer for
 * ever, {@code /dev/zero} would never end, and a huge file would fill the memory.
 */
public final class RegularFile {

    /** The file is not a regular one (a folder, device, named pipe or socket), or it is over the limit. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    private RegularFile() {
    }

    /** The bytes of {@code file}; {@link Refused} names what it is instead, or its size. */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new Refused(a.isDirectory() ? "a folder, not a file"
                    : "not a regular file (a device, named pipe or socket), so nothing llmcap reads");
        }
        if (a.size() > maxBytes) {
            throw new Refused(tooLarge(maxBytes));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) { // it grew while being read
                throw new Refused(tooLarge(maxBytes));
            }
            return bytes;
        }
    }

    private static String tooLarge(long maxBytes) {
        return maxBytes % (1 << 20) == 0 ? "larger than " + maxBytes / (1 << 20) + " MiB"
                : String.format(Locale.ROOT, "larger than %,d bytes", maxBytes);
    }
}

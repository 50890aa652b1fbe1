package llmcap.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule folders the user has trusted (with {@code llmcap trust}, or by making them with
 * {@code llmcap init}): one absolute, links-resolved path a line in
 * {@code $XDG_CONFIG_HOME/llmcap/trusted-rules} (else {@code ~/.config/llmcap/trusted-rules}). Rule
 * files are code: llmcap runs the rules it finds in the working directory only from a folder listed
 * here, so running llmcap inside someone else's checkout runs none of its code unasked. Trust is by
 * folder, as mise does it, not by content: rules are meant to be edited, and an edit needs no new trust.
 */
public final class Trust {

    private final Path file;

    public Trust(Path file) {
        this.file = file;
    }

    public static Trust fromEnvironment() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new Trust(base.resolve("llmcap").resolve("trusted-rules"));
    }

    /** Where the list is kept. */
    public Path file() {
        return file;
    }

    public boolean trusts(Path dir) {
        try {
            return lines().contains(dir.toRealPath().toString());
        } catch (IOException e) {
            return false;
        }
    }

    /** Adds {@code dir}; returns the path recorded. */
    public Path add(Path dir) throws IOException {
        Path real = dir.toRealPath();
        if (!lines().contains(real.toString())) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, real + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return real;
    }

    /** Removes {@code dir}; false if it was not there. */
    public boolean remove(Path dir) throws IOException {
        String real = dir.toRealPath().toString();
        List<String> lines = lines();
        if (!lines.remove(real)) {
            return false;
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return true;
    }

    private List<String> lines() {
        try {
            return Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                    : new ArrayList<>();
        } catch (IOException e) {
            return new ArrayList<>(); // an unreadable list trusts nothing
        }
    }
}

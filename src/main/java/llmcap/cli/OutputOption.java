package llmcap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/**
 * {@code --out FILE}: the output goes to a temporary file beside FILE, renamed over it only once
 * complete. On any failure the previous FILE is untouched and no partial file is left.
 */
final class OutputOption {

    /** Writes the whole output; may throw, in which case nothing is kept. */
    interface Body {
        void write(PrintWriter out) throws IOException;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically: all or nothing) instead of stdout.")
    Path out;

    void emit(PrintWriter stdout, Body body) {
        if (out == null) {
            try {
                body.write(stdout);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to stdout: " + e.getMessage(), e);
            }
            stdout.flush();
            return;
        }
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new UncheckedIOException(new IOException("--out " + out + ": is a folder, not a file"));
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("--out " + out + ": the folder " + dir + " does not exist"));
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("--out " + out + ": cannot write in " + dir + " ("
                    + e.getClass().getSimpleName() + ")"));
        }
        boolean done = false;
        try {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
                 PrintWriter pw = new PrintWriter(w)) {
                body.write(pw);
                pw.flush();
                if (pw.checkError()) {
                    throw new IOException("write failed (disk full?)");
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("--out " + out + ": " + e.getMessage()));
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more can be done; the message above is what matters
                }
            }
        }
    }
}

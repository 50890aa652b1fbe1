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

    /** An I/O failure whose message is the one line the user sees (exit 5). */
    private static UncheckedIOException failure(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    void emit(PrintWriter stdout, Body body) {
        if (out == null) {
            try {
                body.write(stdout);
            } catch (IOException e) {
                throw failure("cannot write to stdout: " + e.getMessage());
            }
            stdout.flush();
            return;
        }
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw failure("--out " + out + ": is a folder, not a file");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw failure("--out " + out + ": " + (dir != null && Files.exists(dir) ? dir + " is a file, not a folder"
                    : "the folder " + dir + " does not exist"));
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw failure("--out " + out + ": cannot write in " + dir + " (" + reason(e) + ")");
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
            throw failure("--out " + out + ": " + reason(e));
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

package llmcap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import llmcap.app.Workspace;
import picocli.CommandLine.Option;

/**
 * {@code --out FILE}: the output goes to a temporary file beside FILE, renamed over it only once
 * complete. On any failure, or when the run is interrupted (Ctrl-C, SIGTERM), the previous FILE is
 * untouched and no temporary file is left. Links, special files and the run's own inputs: see
 * {@link OutputTarget}.
 */
final class OutputOption {

    /** Writes the whole output; may throw, in which case nothing is kept. */
    interface Body {
        void write(PrintWriter out) throws IOException;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically: all or nothing) instead of stdout.")
    Path out;

    void emit(PrintWriter stdout, Body body) {
        emit(stdout, List.of(), body);
    }

    /** Writes to stdout, or to {@code --out}, which must not be one of the files {@code w} reads. */
    void emit(PrintWriter stdout, Workspace w, Body body) {
        emit(stdout, out == null ? List.of() : w.inputFiles(), body);
    }

    private void emit(PrintWriter stdout, Collection<Path> inputs, Body body) {
        if (out == null) {
            try {
                body.write(stdout);
            } catch (IOException e) { // only a body's own I/O: writes to stdout throw FailFastWriter.Failure
                throw new java.io.UncheckedIOException("cannot write to stdout: " + e.getMessage(), e);
            }
            stdout.flush();
            return;
        }
        OutputTarget target = OutputTarget.of(out, inputs);
        try {
            if (target.how == OutputTarget.How.DIRECT) {
                try (OutputStream s = Files.newOutputStream(target.file, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    write(s, body);
                }
            } else {
                replace(target, body);
            }
        } catch (IOException e) {
            throw OutputTarget.failure(out, OutputTarget.reason(e));
        } catch (FailFastWriter.Failure e) {
            if (e.brokenPipe() && target.how == OutputTarget.How.DIRECT) {
                throw e; // a pipe's reader went away (--out /dev/stdout | head): quiet, as on stdout
            }
            throw OutputTarget.failure(out, OutputTarget.reason(e.getCause()));
        }
    }

    /** Through a complete temporary file: renamed over the target, or copied into it to keep its hard links. */
    private static void replace(OutputTarget target, Body body) throws IOException {
        AtomicReference<Path> pending = new AtomicReference<>();
        Thread cleanup = new Thread(() -> {
            if (pending.get() != null) {
                deleteQuietly(pending.get());
            }
        }, "llmcap-out-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C or SIGTERM: no temporary file left behind
        try {
            Path tmp = target.createTemporary();
            pending.set(tmp);
            try (OutputStream s = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                write(s, body);
            }
            if (target.how == OutputTarget.How.IN_PLACE) {
                copyInto(tmp, target);
            } else {
                target.keepAttributes(tmp);
                try {
                    Files.move(tmp, target.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target.file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            if (pending.get() != null) {
                deleteQuietly(pending.get());
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs and deletes the file
            }
        }
    }

    /** The new content, complete in {@code tmp}, copied into the file itself: its inode, links and mode stay. */
    private static void copyInto(Path tmp, OutputTarget target) throws IOException {
        try (OutputStream s = Files.newOutputStream(target.file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Files.copy(tmp, s);
        } catch (IOException e) {
            throw new IOException(OutputTarget.reason(e) + "; the file has other hard links, so llmcap rewrites it"
                    + " in place, and it may now be incomplete", e);
        }
    }

    private static void write(OutputStream s, Body body) throws IOException {
        PrintWriter pw = new PrintWriter(new FailFastWriter(new BufferedWriter(new OutputStreamWriter(s,
                StandardCharsets.UTF_8), 1 << 16), "write"));
        body.write(pw);
        pw.flush();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more can be done; the message about the failure is what matters
        }
    }
}

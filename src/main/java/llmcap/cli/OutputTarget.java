package llmcap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Collection;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import llmcap.app.UsageException;

/**
 * The file {@code --out} names, found by following symbolic links to their end, and how to write it:
 * <ul>
 * <li>{@link How#REPLACE}: a regular file, or none yet: a temporary file beside it, renamed over it once
 *     complete, with the old file's permissions (a new file gets what the umask gives);</li>
 * <li>{@link How#IN_PLACE}: a regular file with other hard links: written completely to a temporary file
 *     first, then copied into the file itself, so every link sees the new content;</li>
 * <li>{@link How#DIRECT}: a device, a named pipe or a descriptor such as {@code /dev/stdout}: written
 *     to directly, as a shell redirection would; a rename would replace the special file.</li>
 * </ul>
 * A file the run reads (a rule, a catalog or scenario file) is refused, whatever name leads to it.
 */
final class OutputTarget {

    enum How { REPLACE, IN_PLACE, DIRECT }

    private static final int MAX_LINKS = 40;

    /** The path as the user gave it, for messages. */
    final Path given;
    /** The file itself, links followed. */
    final Path file;
    final How how;
    /** The existing file's attributes, or null for a new file. */
    final PosixFileAttributes existing;

    private OutputTarget(Path given, Path file, How how, PosixFileAttributes existing) {
        this.given = given;
        this.file = file;
        this.how = how;
        this.existing = existing;
    }

    /** Resolves {@code given}; refuses a folder, a missing folder and the run's own {@code inputs}. */
    static OutputTarget of(Path given, Collection<Path> inputs) {
        Path p = given.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (p.startsWith("/proc") || p.startsWith("/dev/fd")) { // a descriptor (/dev/stdout): the kernel knows
                return new OutputTarget(given, given, How.DIRECT, null);
            }
            if (hops == MAX_LINKS) {
                throw failure(given, "too many levels of symbolic links");
            }
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p));
            } catch (IOException e) {
                throw failure(given, reason(e));
            }
        }
        PosixFileAttributes a = attributes(p);
        if (a == null) {
            Path dir = p.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw failure(given, dir != null && Files.exists(dir) ? dir + " is a file, not a folder"
                        : "the folder " + dir + " does not exist");
            }
            return new OutputTarget(given, p, How.REPLACE, null);
        }
        if (a.isDirectory()) {
            throw failure(given, "is a folder, not a file");
        }
        if (!a.isRegularFile()) {
            return new OutputTarget(given, p, How.DIRECT, a);
        }
        for (Path in : inputs) {
            if (same(p, in)) {
                throw new UsageException("--out " + given + ": " + (p.equals(given.toAbsolutePath()) ? "is"
                        : "leads to " + p + ",") + " one of this run's own input files; write the output elsewhere");
            }
        }
        return new OutputTarget(given, p, links(p) > 1 ? How.IN_PLACE : How.REPLACE, a);
    }

    /** A new, empty temporary file beside the target, with a short name (a long target name still fits). */
    Path createTemporary() {
        Path dir = file.getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(".llmcap-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
            try {
                return Files.createFile(tmp); // permissions: what the umask gives a new file
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw failure(given, "cannot create a temporary file in " + dir);
                }
            } catch (IOException e) {
                throw failure(given, "cannot write in " + dir + " (" + reason(e) + ")");
            }
        }
    }

    /** Gives {@code tmp} the existing file's permissions (and, where allowed, its group and owner). */
    void keepAttributes(Path tmp) throws IOException {
        if (existing == null) {
            return;
        }
        Files.setPosixFilePermissions(tmp, existing.permissions());
        try {
            Files.setAttribute(tmp, "posix:group", existing.group(), LinkOption.NOFOLLOW_LINKS);
            Files.setOwner(tmp, existing.owner());
        } catch (IOException | UnsupportedOperationException e) {
            // only the owner's own groups, and only root may give a file away: the permissions are what matter
        }
    }

    /** An I/O failure whose message is the one line the user sees (exit 5). */
    static UncheckedIOException failure(Path given, String problem) {
        String message = "--out " + given + ": " + problem;
        return new UncheckedIOException(message, new IOException(message));
    }

    static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() == null ? "write failed" : e.getMessage();
    }

    private static PosixFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("--out " + p + ": " + reason(e), e);
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static int links(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:nlink")).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }
}

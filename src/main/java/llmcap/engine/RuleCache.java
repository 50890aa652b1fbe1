package llmcap.engine;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rules kept on disk, with their {@link RuleIndex} (so a run that finds its rules compiled
 * parses none of them), keyed by the SHA-256 of every rule file's name and text and of the
 * llmcap build: edit a rule and the key changes, so the rules are compiled afresh.
 *
 * <p>An entry holds the compiled packages in units, each as {@link PackageBytes} serialized it, each with
 * its length: one unit when all files were compiled together (a command), one per file when they were
 * compiled one by one (a server, whose reload after a saved file serializes only that file; the others'
 * bytes are kept from before, {@link FileCompiler}); then the index.
 *
 * <p>An entry is Java-serialized compiled code, so loading one runs what it holds: the cache is
 * trusted exactly as far as these checks go. Each entry starts with the whole SHA-256 of the sources
 * it was compiled from, and is used only when that matches the rules being loaded (an entry copied or
 * planted under another key is ignored, never a different result). The folder is created 0700, and
 * not used at all when another user owns it or others may write to it; an entry owned by another user,
 * a link, anything but a regular file or anything over {@value #MAX_BYTES} bytes is ignored. An entry
 * that is ignored or unreadable is compiled afresh and replaced; it never fails the run.
 */
final class RuleCache {

    static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final String MAGIC = "llmcap-rules-5 ";

    private final Path dir;
    private final Consumer<String> warn;
    private boolean warned;

    RuleCache(Path dir) {
        this(dir, w -> { });
    }

    /** {@code warn} hears, once per cache, why the folder is not used. */
    RuleCache(Path dir, Consumer<String> warn) {
        this.dir = dir;
        this.warn = warn;
    }

    /** The default folder: {@code $LLMCAP_CACHE}, else {@code $XDG_CACHE_HOME/llmcap}, else {@code ~/.cache/llmcap}; none if "off". */
    static Optional<RuleCache> fromEnvironment(Consumer<String> warn) {
        String explicit = System.getenv("LLMCAP_CACHE");
        if ("off".equals(explicit)) {
            return Optional.empty();
        }
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(new RuleCache(Path.of(explicit), warn));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(new RuleCache(base.resolve("llmcap"), warn));
    }

    /** The entry's file name part: the first 128 bits of {@link #digest}. */
    static String key(List<RuleFile> files) {
        return digest(files).substring(0, 32);
    }

    /** The SHA-256 of the build and of every rule file's name and text, in hex. */
    static String digest(List<RuleFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(buildIdentity().getBytes(StandardCharsets.UTF_8));
            for (RuleFile f : files) {
                sha.update((f.display() + "\u0000" + f.text() + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** What an entry holds: the compiled rules and the index of the rule files they were compiled from. */
    record Entry(Collection<KiePackage> packages, RuleIndex index) {
    }

    /** The compiled rules of {@code key}, if a usable entry made from sources with this {@code digest} is there. */
    Optional<Entry> read(String key, String digest) {
        Path file = dir.resolve("rules-" + key + ".bin");
        try {
            if (!Files.exists(dir) || !usableFolder()) {
                return Optional.empty();
            }
            PosixFileAttributes a = attributes(file);
            if (a == null || !a.isRegularFile() || a.size() > MAX_BYTES || !mine(file, a)) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_BYTES);
            }
            byte[] header = (MAGIC + digest + "\n").getBytes(StandardCharsets.US_ASCII);
            if (bytes.length < header.length || !Arrays.equals(bytes, 0, header.length, header, 0, header.length)) {
                return Optional.empty(); // from other rules, an older format, or damaged
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, header.length, bytes.length - header.length);
            List<KiePackage> packages = new ArrayList<>();
            int units = in.getInt();
            if (units < 0) {
                return Optional.empty();
            }
            for (int i = 0; i < units; i++) {
                int length = length(in);
                Optional<Collection<KiePackage>> unit = PackageBytes.read(bytes, in.position(), length);
                if (unit.isEmpty()) {
                    return Optional.empty();
                }
                packages.addAll(unit.get());
                in.position(in.position() + length);
            }
            byte[] index = new byte[length(in)];
            in.get(index);
            return Optional.of(new Entry(packages, IndexCodec.read(index)));
        } catch (IOException | RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError e) {
            return Optional.empty(); // unreadable or from an incompatible build: compile instead
        }
    }

    /** A length the entry states, checked against what is left of it. */
    private static int length(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalStateException("damaged entry");
        }
        return n;
    }

    /**
     * Writes the entry atomically, readable by its owner only; a cache that cannot be written is skipped.
     * {@code serialized}: the packages as {@link PackageBytes} wrote them, one unit per file compiled alone,
     * when they are at hand; when empty, the packages are serialized here, as one unit.
     */
    void write(String key, String digest, Entry entry, List<byte[]> serialized) {
        try {
            List<byte[]> units = serialized;
            if (units.isEmpty()) {
                byte[] all = PackageBytes.write(entry.packages());
                if (all == null) {
                    return;
                }
                units = List.of(all);
            }
            byte[] index = IndexCodec.write(entry.index());
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!usableFolder()) {
                return;
            }
            Path tmp = Files.createTempFile(dir, "rules-", ".tmp"); // 0600
            try {
                try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp),
                        1 << 16))) { // straight to the file: an entry is megabytes, a server writes one per saved edit
                    out.write((MAGIC + digest + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.writeInt(units.size());
                    for (byte[] unit : units) {
                        out.writeInt(unit.length);
                        out.write(unit);
                    }
                    out.writeInt(index.length);
                    out.write(index);
                }
                Files.move(tmp, dir.resolve("rules-" + key + ".bin"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                prune();
            } finally {
                Files.deleteIfExists(tmp); // gone already when it was moved
            }
        } catch (IOException | RuntimeException e) {
            // no cache then; the next run compiles again
        }
    }

    /** How many entries the folder keeps, the most recently written: a server writes one per saved edit. */
    static final int KEPT = 16;

    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("rules-[0-9a-f]{32}\\.bin");

    /** Deletes all but the {@link #KEPT} newest entries; one being read meanwhile is only compiled again. */
    private void prune() throws IOException {
        List<Path> entries;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> ENTRY.matcher(p.getFileName().toString()).matches()).toList();
        }
        if (entries.size() <= KEPT) {
            return;
        }
        java.util.Map<Path, Long> written = new java.util.HashMap<>();
        for (Path p : entries) {
            PosixFileAttributes a = attributes(p);
            written.put(p, a == null ? 0L : a.lastModifiedTime().toMillis());
        }
        List<Path> newestFirst = new ArrayList<>(entries);
        newestFirst.sort(java.util.Comparator.comparing((Path p) -> written.get(p)).reversed());
        for (Path p : newestFirst.subList(KEPT, newestFirst.size())) {
            Files.deleteIfExists(p);
        }
    }

    /** The folder is ours and no one else may write to it; if not, say so once. */
    private boolean usableFolder() throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
        Set<PosixFilePermission> p = a.permissions();
        String problem = !mine(dir, a) ? "it belongs to " + a.owner().getName()
                : p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)
                ? "other users may write to it" : null;
        if (problem != null && !warned) {
            warned = true;
            warn.accept("the cache of compiled rules " + dir + " is not used: " + problem + " (a cache entry is code"
                    + " that runs; chmod 700 a folder of your own, or set LLMCAP_CACHE)");
        }
        return problem == null;
    }

    private static PosixFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** Owned by the user running llmcap: by user id where the file system has them, else by name. */
    private static boolean mine(Path p, PosixFileAttributes a) throws IOException {
        try {
            long uid = ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            return uid == new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (UnsupportedOperationException | IllegalArgumentException | LinkageError e) {
            return a.owner().getName().equals(System.getProperty("user.name"));
        }
    }

    private static String buildIdentity() {
        try (InputStream in = RuleCache.class.getResourceAsStream("/llmcap/build.properties")) {
            return in == null ? "unknown build" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unknown build";
        }
    }
}

package llmcap.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rules kept on disk, keyed by the SHA-256 of every rule file's name and text and of the
 * llmcap build: edit a rule and the key changes, so the rules are compiled afresh. A cache entry
 * that cannot be read is ignored and replaced; it can never change a result, only save the time
 * of compiling (most of a cold start).
 */
final class RuleCache {

    private final Path dir;

    RuleCache(Path dir) {
        this.dir = dir;
    }

    /** The default folder: {@code $LLMCAP_CACHE}, else {@code $XDG_CACHE_HOME/llmcap}, else {@code ~/.cache/llmcap}; none if "off". */
    static Optional<RuleCache> fromEnvironment() {
        String explicit = System.getenv("LLMCAP_CACHE");
        if ("off".equals(explicit)) {
            return Optional.empty();
        }
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(new RuleCache(Path.of(explicit)));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(new RuleCache(base.resolve("llmcap")));
    }

    static String key(List<RuleFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(buildIdentity().getBytes(StandardCharsets.UTF_8));
            for (RuleFile f : files) {
                sha.update((f.display() + "\u0000" + f.text() + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    @SuppressWarnings("unchecked")
    Optional<Collection<KiePackage>> read(String key) {
        Path file = dir.resolve("rules-" + key + ".bin");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(
                new ByteArrayInputStream(Files.readAllBytes(file)), RuleCache.class.getClassLoader())) {
            return Optional.of((Collection<KiePackage>) in.readObject());
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return Optional.empty(); // unreadable or from an incompatible build: compile instead
        }
    }

    /** Writes the entry atomically; a cache that cannot be written is skipped silently. */
    void write(String key, Collection<KiePackage> packages) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(new ArrayList<>(packages));
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "rules-", ".tmp");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, dir.resolve("rules-" + key + ".bin"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no cache then; the next run compiles again
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

package llmcap.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled packages as bytes and back, with Drools' own serialization (which carries the compiled
 * classes): what the cache on disk ({@link RuleCache}) and the files kept in memory ({@link FileCompiler})
 * hold. Reading bytes gives new objects every time, shared with no one.
 */
final class PackageBytes {

    private PackageBytes() {
    }

    /** The bytes of {@code packages}; null when they cannot be serialized (then nothing is kept). */
    static byte[] write(Collection<KiePackage> packages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(packages));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return bytes.toByteArray();
    }

    /** The packages {@link #write} wrote in {@code bytes[offset, offset + length)}; empty when they cannot be read. */
    @SuppressWarnings("unchecked")
    static Optional<Collection<KiePackage>> read(byte[] bytes, int offset, int length) {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes, offset, length),
                PackageBytes.class.getClassLoader())) {
            return Optional.of((Collection<KiePackage>) in.readObject());
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError | OutOfMemoryError
                 | StackOverflowError e) {
            return Optional.empty(); // damaged, or from an incompatible build
        }
    }

    static Optional<Collection<KiePackage>> read(byte[] bytes) {
        return read(bytes, 0, bytes.length);
    }
}

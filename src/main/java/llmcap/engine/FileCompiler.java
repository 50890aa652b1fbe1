package llmcap.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles rule files one at a time and keeps, for the life of the process, each file's compiled
 * package by its name and text. A server that reloads after one file is saved compiles that file
 * alone (tens of milliseconds) instead of all of them (half a second warm, seconds under load). What
 * is kept is the serialized package: every rule book reads its own copy, so no two share an object.
 * A file that does not compile alone (an error, or a function another file declares), or a rule name
 * two files share, makes the caller compile all files together, so errors read as they always have.
 */
final class FileCompiler {

    /** Files kept: a rules folder's worth several times over. */
    private static final int KEPT = 96;

    private static final Map<String, byte[]> COMPILED = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    /** Set by a long-running process (the server): a one-off command compiles all files together, a tenth faster cold. */
    static volatile boolean enabled;

    private FileCompiler() {
    }

    /** The packages of {@code files}, in their order; empty when one of them does not compile on its own. */
    static Optional<List<KiePackage>> compile(List<RuleFile> files) {
        List<KiePackage> out = new ArrayList<>();
        for (RuleFile f : files) {
            String key = f.display() + "\u0000" + f.text();
            byte[] bytes;
            synchronized (COMPILED) {
                bytes = COMPILED.get(key);
            }
            if (bytes != null) { // compiled before: this rule book's own copy
                Optional<Collection<KiePackage>> read = read(bytes);
                if (read.isEmpty()) {
                    return Optional.empty();
                }
                out.addAll(read.get());
                continue;
            }
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
            Resource r = ResourceFactory.newByteArrayResource(f.text().getBytes(StandardCharsets.UTF_8));
            r.setSourcePath(f.display());
            builder.add(r, ResourceType.DRL);
            if (builder.hasErrors()) {
                return Optional.empty();
            }
            // Just compiled: these objects are this rule book's alone; what is kept is a serialized copy.
            bytes = write(builder.getKnowledgePackages());
            if (bytes != null) {
                synchronized (COMPILED) {
                    COMPILED.put(key, bytes);
                }
            }
            out.addAll(builder.getKnowledgePackages());
        }
        // Two files with a rule of one name: together they are an error; merged one by one the second
        // would silently replace the first.
        // So with a function.
        java.util.Set<String> names = new java.util.HashSet<>();
        for (KiePackage p : out) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                if (!names.add(p.getName() + "/rule " + r.getName())) {
                    return Optional.empty();
                }
            }
            for (String function : p.getFunctionNames()) {
                if (!names.add(p.getName() + "/function " + function)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(out);
    }

    private static byte[] write(Collection<KiePackage> packages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(packages));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Collection<KiePackage>> read(byte[] bytes) {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes),
                FileCompiler.class.getClassLoader())) {
            return Optional.of((Collection<KiePackage>) in.readObject());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

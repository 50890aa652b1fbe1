package llmcap.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.parser.ParserError;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles rule files one at a time and keeps, for the life of the process, each file's compiled
 * package by its name and text. A server that reloads after one file is saved compiles that file
 * alone (tens of milliseconds) instead of all of them (half a second warm, seconds under load). What
 * is kept is the serialized package: every rule book reads its own copy, so no two share an object.
 *
 * <p>A saved file the parser rejects is reported from that file alone, when every other file compiles
 * on its own: a compile of all files together would report exactly its syntax errors too (a file
 * that cannot be parsed adds nothing to the rest, and the rest compile together as they do alone),
 * and finding them takes milliseconds. Any other failure (a compile error, which may come from a
 * function another file declares), or a rule or function name two files share, makes the caller
 * compile all files together, so those errors read as they always have.
 */
final class FileCompiler {

    /** One file compiled alone: its packages, serialized, and the names its rules and functions take. */
    private record Kept(byte[] packages, List<String> names) {
    }

    private static final PerFile<Kept> COMPILED = new PerFile<>();

    /** Set by a long-running process (the server): a one-off command compiles all files together, a tenth faster cold. */
    static volatile boolean enabled;

    private FileCompiler() {
    }

    /**
     * Compiled rules: the packages, and each file's packages as serialized ({@link PackageBytes}) when all
     * of them are at hand, so a cache on disk need not serialize them again; else no bytes.
     */
    record Compiled(Collection<KiePackage> packages, List<byte[]> serialized) {
    }

    /**
     * The packages of {@code files}, in their order; empty when the files must be compiled together.
     * Throws {@link RuleException} with the syntax errors of the files that cannot be parsed.
     */
    static Optional<Compiled> compile(List<RuleFile> files) {
        List<String> syntax = new ArrayList<>();
        List<Collection<KiePackage>> fresh = new ArrayList<>(); // by file: compiled now, or null when kept
        List<Kept> kept = new ArrayList<>();
        for (RuleFile f : files) {
            Kept k = COMPILED.get(f);
            if (k != null) {
                kept.add(k);
                fresh.add(null);
                continue;
            }
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
            Resource r = ResourceFactory.newByteArrayResource(f.text().getBytes(StandardCharsets.UTF_8));
            r.setSourcePath(f.display());
            builder.add(r, ResourceType.DRL);
            if (builder.hasErrors()) {
                List<String> errors = RuleBook.errors(builder);
                if (!onlySyntax(builder) || errors.contains(RuleBook.NO_MESSAGE)) {
                    return Optional.empty();
                }
                syntax.addAll(errors);
                continue;
            }
            // Just compiled: these objects are this rule book's alone; what is kept is a serialized copy.
            Collection<KiePackage> packages = builder.getKnowledgePackages();
            k = new Kept(PackageBytes.write(packages), names(packages));
            if (k.packages() != null) {
                COMPILED.put(f, k);
            }
            kept.add(k);
            fresh.add(packages);
        }
        // Two files with a rule of one name: together they are an error; merged one by one the second
        // would silently replace the first. So with a function.
        Set<String> seen = new HashSet<>();
        for (Kept k : kept) {
            for (String name : k.names()) {
                if (!seen.add(name)) {
                    return Optional.empty();
                }
            }
        }
        if (!syntax.isEmpty()) {
            throw new RuleException(syntax);
        }
        List<KiePackage> out = new ArrayList<>();
        List<byte[]> serialized = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            byte[] bytes = kept.get(i).packages();
            if (bytes != null) {
                serialized.add(bytes);
            }
            if (fresh.get(i) != null) {
                out.addAll(fresh.get(i));
                continue;
            }
            Optional<Collection<KiePackage>> read = PackageBytes.read(bytes); // this rule book's own copy
            if (read.isEmpty()) {
                return Optional.empty();
            }
            out.addAll(read.get());
        }
        return Optional.of(new Compiled(out, serialized.size() == kept.size() ? serialized : List.of()));
    }

    /** True when every error is the parser's: the file's text is not DRL, whatever the other files hold. */
    private static boolean onlySyntax(KnowledgeBuilder builder) {
        for (KnowledgeBuilderError e : builder.getErrors()) {
            if (!(e instanceof ParserError)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(Collection<KiePackage> packages) {
        List<String> out = new ArrayList<>();
        for (KiePackage p : packages) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                out.add(p.getName() + "/rule " + r.getName());
            }
            for (String function : p.getFunctionNames()) {
                out.add(p.getName() + "/function " + function);
            }
        }
        return List.copyOf(out);
    }
}

package llmcap.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.kie.api.definition.KiePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The rules of one folder, compiled at run time, with the index that locates each rule. Compiling
 * reports every error of every file at once, each as {@code rules/FILE.drl:LINE: message}.
 */
public final class RuleBook {

    private final KieBase kieBase;
    private final RuleIndex index;
    private final List<RuleFile> files;

    private RuleBook(KieBase kieBase, RuleIndex index, List<RuleFile> files) {
        this.kieBase = kieBase;
        this.index = index;
        this.files = List.copyOf(files);
    }

    /** Compiles the rules, or reads them from the cache of compiled rules when the files are unchanged. */
    public static RuleBook load(List<RuleFile> files) {
        return load(files, w -> { });
    }

    /** As {@link #load(List)}; {@code warnings} hears why the cache is not used, if it is not. */
    public static RuleBook load(List<RuleFile> files, java.util.function.Consumer<String> warnings) {
        return load(files, RuleCache.fromEnvironment(warnings));
    }

    static RuleBook load(List<RuleFile> files, Optional<RuleCache> cache) {
        lint(files);
        String digest = RuleCache.digest(files);
        String key = digest.substring(0, 32);
        Optional<RuleCache.Entry> cached = cache.flatMap(c -> c.read(key, digest));
        if (cached.isPresent()) {
            return new RuleBook(kieBase(cached.get().packages()), cached.get().index(), files);
        }
        FileCompiler.Compiled compiled = compilePackages(files);
        RuleCache.Entry made = new RuleCache.Entry(compiled.packages(), new RuleIndex(files));
        cache.ifPresent(c -> c.write(key, digest, made, compiled.serialized()));
        return new RuleBook(kieBase(made.packages()), made.index(), files);
    }

    /** Compiles the rules, never using the cache. */
    public static RuleBook compile(List<RuleFile> files) {
        lint(files);
        return new RuleBook(kieBase(compilePackages(files).packages()), new RuleIndex(files), files);
    }

    /** Compiles all files together, as before files were compiled one by one: what tests compare with. */
    static RuleBook compiledTogether(List<RuleFile> files) {
        return new RuleBook(kieBase(compileTogether(files)), new RuleIndex(files), files);
    }

    private static void lint(List<RuleFile> files) {
        List<String> problems = RuleLint.problems(files);
        if (!problems.isEmpty()) {
            throw new RuleException(problems);
        }
    }

    /**
     * From now on this process compiles rule files one by one and keeps each ({@link FileCompiler}): for
     * a server, whose reload after one saved file then compiles that file alone. A one-off command does
     * not call it: compiling all files together is a tenth faster in a cold JVM (1.4 s against 1.65 s).
     */
    public static void keepCompiledFiles() {
        FileCompiler.enabled = true;
    }

    /** Each file on its own when the process keeps them and it can be, else all together. */
    private static FileCompiler.Compiled compilePackages(List<RuleFile> files) {
        if (FileCompiler.enabled) {
            Optional<FileCompiler.Compiled> one = FileCompiler.compile(files);
            if (one.isPresent()) {
                return one.get();
            }
        }
        return new FileCompiler.Compiled(compileTogether(files), List.of());
    }

    private static Collection<KiePackage> compileTogether(List<RuleFile> files) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (RuleFile f : files) {
            Resource r = ResourceFactory.newByteArrayResource(f.text().getBytes(StandardCharsets.UTF_8));
            r.setSourcePath(f.display());
            builder.add(r, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            throw new RuleException(rootCauses(errors(builder), files));
        }
        return builder.getKnowledgePackages();
    }

    private static KieBase kieBase(Collection<KiePackage> packages) {
        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration();
        // Equal quantities are one fact: two rules deriving the same value do not double every consumer.
        conf.setOption(EqualityBehaviorOption.EQUALITY);
        InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase(conf);
        kb.addPackages(packages);
        return kb;
    }

    /** A session kept idle, and the {@link #signature} of the question it last answered. */
    private record Idle(int signature, IncrementalSession session) {
    }

    /** Sessions of these rules kept between estimates, the most recently used first; at most {@link #KEPT}. */
    private final java.util.ArrayDeque<Idle> idle = new java.util.ArrayDeque<>();

    /**
     * How many idle sessions a rule book keeps: enough for a server answering questions about a few
     * dozen model, GPU and scenario combinations at once (a few hundred kilobytes each).
     */
    static final int KEPT = 32;

    /**
     * What a question is about, less what the command line changes: the inputs that come from the
     * catalog, the scenario and its defaults (the model, the GPU, the scenario's figures). Questions with
     * one signature differ only in values set on top, which a kept session re-derives cheaply.
     */
    static int signature(List<llmcap.domain.Input> inputs) {
        int h = 1;
        for (llmcap.domain.Input in : inputs) {
            if (in.origin().kind() != llmcap.domain.Origin.Kind.COMMAND_LINE) {
                h = 31 * h + in.hashCode();
            } else {
                h = 31 * h + in.fact().name().hashCode(); // which names are set, not to what
            }
        }
        return h;
    }

    /**
     * An idle session last used for a question of {@code signature} that can take {@code inputs}
     * ({@link IncrementalSession#reusableFor}), for the caller alone; null when there is none.
     */
    IncrementalSession borrow(int signature, List<llmcap.domain.Input> inputs, int firingLimit,
                              java.time.Duration timeLimit) {
        IncrementalSession s = null;
        synchronized (idle) {
            for (var it = idle.iterator(); it.hasNext(); ) {
                Idle i = it.next();
                if (i.signature() == signature) {
                    it.remove();
                    s = i.session();
                    break;
                }
            }
        }
        if (s == null) {
            return null;
        }
        if (s.firesUnder(firingLimit, timeLimit) && s.reusableFor(inputs, index)) {
            return s;
        }
        s.close();
        return null;
    }

    /** Keeps {@code s}, last used for a question of {@code signature}; closes the least recently used beyond {@link #KEPT}. */
    void giveBack(int signature, IncrementalSession s) {
        Idle dropped = null;
        synchronized (idle) {
            idle.addFirst(new Idle(signature, s));
            if (idle.size() > KEPT) {
                dropped = idle.removeLast();
            }
        }
        if (dropped != null) {
            dropped.session().close();
        }
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public RuleIndex index() {
        return index;
    }

    public List<RuleFile> files() {
        return files;
    }

    private volatile Consequences consequences;

    /** What each rule's action computes, read from the rule files once, when first asked ({@code explain}). */
    public Consequences consequences() {
        Consequences c = consequences;
        if (c == null) {
            c = new Consequences(index, files);
            consequences = c;
        }
        return c;
    }

    /**
     * A bad import breaks every rule of its package, in every file: report the import, at its own
     * line, and drop the errors that only repeat it.
     */
    static List<String> rootCauses(List<String> errors, List<RuleFile> files) {
        java.util.regex.Pattern importError = java.util.regex.Pattern.compile("(.*?)(?::\\d+)?: Error importing : '([^']+)'.*");
        List<String> bad = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String e : errors) {
            java.util.regex.Matcher m = importError.matcher(e);
            if (m.matches()) {
                String type = m.group(2);
                bad.add(type);
                String file = m.group(1);
                int line = files.stream().filter(f -> f.display().equals(file)).findFirst()
                        .map(f -> lineOf(f.text(), "import " + type)).orElse(0);
                if (line > 0) { // written by the user; the others are Drools' own imports of DRL functions
                    out.add(file + ":" + line + ": cannot import " + type + " (no such class)");
                }
            }
        }
        if (bad.isEmpty() || out.isEmpty()) {
            return errors;
        }
        for (String e : errors) {
            if (!importError.matcher(e).matches() && bad.stream().noneMatch(e::contains)) {
                out.add(e);
            }
        }
        return out;
    }

    private static int lineOf(String text, String prefix) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(prefix)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static final java.util.regex.Pattern PARSER_CRASH =
            java.util.regex.Pattern.compile("Line (\\d+):\\d+ unexpected exception at input '(.*?)'\\. Exception: (.*)");

    /**
     * One error as {@code FILE:LINE: message}, never with a stack trace. Drools' parser, when it crashes
     * on a file that ends inside a rule, gives no line of its own but says {@code Line 203:0 unexpected
     * exception at input '<eof>'. Exception: java.lang.NullPointerException: ... Stack trace: ...}.
     */
    static String errorLine(String path, int line, String message) {
        String msg = message;
        int trace = msg.indexOf(" Stack trace:");
        if (trace > 0) {
            msg = msg.substring(0, trace).strip();
        }
        java.util.regex.Matcher crash = PARSER_CRASH.matcher(msg);
        if (crash.matches()) {
            line = line > 0 ? line : Integer.parseInt(crash.group(1));
            msg = crash.group(2).equals("<eof>")
                    ? "the file ends in the middle of a rule (a parenthesis, a string or the rule's end is missing)"
                    : "Drools' parser failed at '" + crash.group(2) + "' (" + crash.group(3) + ")";
        }
        return path + (line > 0 ? ":" + line : "") + ": " + msg;
    }

    /** What {@link #errors} says of a builder that failed without a message of its own. */
    static final String NO_MESSAGE = "rules: compilation failed without a message";

    /** The builder's errors, each one line {@code FILE:LINE: message}, in the order it found them. */
    static List<String> errors(KnowledgeBuilder builder) {
        List<String> out = new ArrayList<>();
        for (KnowledgeBuilderError e : builder.getErrors()) {
            String path = e.getResource() != null && e.getResource().getSourcePath() != null
                    ? e.getResource().getSourcePath() : "rules";
            int[] lines = e.getLines();
            int line = lines != null && lines.length > 0 ? lines[0] : 0;
            String msg = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").strip();
            if (msg.startsWith("Parser returned a null Package")) {
                continue; // follows every syntax error and says nothing of its own
            }
            String line1 = errorLine(path, line, msg);
            if (!out.contains(line1)) {
                out.add(line1);
            }
        }
        if (out.isEmpty()) {
            out.add(NO_MESSAGE);
        }
        return out;
    }
}

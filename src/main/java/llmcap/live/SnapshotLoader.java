package llmcap.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import llmcap.app.Folder;
import llmcap.app.HeadlineLoader;
import llmcap.app.HeadlineSpec;
import llmcap.app.Selection;
import llmcap.app.Workspace;
import llmcap.catalog.Catalog;
import llmcap.catalog.CatalogException;
import llmcap.catalog.ValidationCase;
import llmcap.catalog.ValidationLoader;
import llmcap.engine.RuleBook;
import llmcap.engine.RuleFile;

/**
 * Makes snapshots: reads the rule files and compiles them, loads the catalog and its validation
 * cases, and names each by the SHA-256 of the files it was made from. A part whose files did not
 * change since the previous snapshot is taken over from it, not read again.
 */
public final class SnapshotLoader {

    /** How many times the catalog is read again when its files change while it is being loaded. */
    private static final int CATALOG_ATTEMPTS = 5;

    private final Folder rules;
    private final Folder catalog;
    private final java.time.Duration ruleTimeout;

    public SnapshotLoader(Folder rules, Folder catalog) {
        this(rules, catalog, llmcap.engine.Engine.DEFAULT_TIME_LIMIT);
    }

    /** {@code ruleTimeout}: the wall-clock limit of one rule firing, in the check run and in every request. */
    public SnapshotLoader(Folder rules, Folder catalog, java.time.Duration ruleTimeout) {
        this.rules = rules;
        this.catalog = catalog;
        this.ruleTimeout = ruleTimeout;
    }

    public Folder rulesFolder() {
        return rules;
    }

    public Folder catalogFolder() {
        return catalog;
    }

    /**
     * A snapshot of the files as they are now; throws (RuleException, CatalogException) when they
     * cannot be used, leaving {@code previous} as it was. Files that changed are first put through a
     * check run, the estimate of the default scenario: rules that fail on it or fire past the time
     * limit are never swapped in.
     */
    public Snapshot load(Optional<Snapshot> previous) {
        List<RuleFile> files = RuleFile.readAll(rules.path(), rules.display());
        String rulesVersion = rulesVersion(withHeadline(files));
        Optional<Snapshot> sameRules = previous.filter(p -> p.version().rules().equals(rulesVersion));
        RuleBook book = sameRules.map(Snapshot::rules).orElseGet(() -> RuleBook.load(files));
        // headline.yaml is part of the rules version: unchanged rules, unchanged headline (a catalog edit reads neither)
        HeadlineSpec headline = sameRules.map(Snapshot::headline)
                .orElseGet(() -> HeadlineLoader.load(rules, book.index().names()));
        for (int attempt = 1; ; attempt++) {
            String before = catalogVersion();
            Optional<Snapshot> same = previous.filter(p -> p.version().catalog().equals(before));
            Catalog c = same.map(Snapshot::catalog).orElseGet(() -> Catalog.load(Workspace.layers(catalog)));
            List<ValidationCase> cases = same.map(Snapshot::validationCases)
                    .orElseGet(() -> ValidationLoader.loadAll(c));
            if (before.equals(catalogVersion()) || attempt == CATALOG_ATTEMPTS) {
                Snapshot next = new Snapshot(rules, book, catalog, c, cases, headline, new Snapshot.Version(rulesVersion, before),
                        ruleTimeout);
                if (previous.map(p -> !p.version().equals(next.version())).orElse(true)) {
                    check(next);
                }
                return next;
            }
        }
    }

    /** The check run: the default scenario's estimate, when the catalog has that scenario. */
    private static void check(Snapshot s) {
        if (s.catalog().scenarios().containsKey(Selection.DEFAULT_SCENARIO)) {
            s.workspace().estimate(Selection.defaults());
        }
    }

    /** The rule files and the folder's {@code headline.yaml}, if it has one: an edit of either is a new version. */
    private List<RuleFile> withHeadline(List<RuleFile> files) {
        Path own = rules.path().resolve(HeadlineSpec.FILE);
        if (!Files.isRegularFile(own)) {
            return files;
        }
        List<RuleFile> all = new java.util.ArrayList<>(files);
        try {
            all.add(new RuleFile(rules.display() + "/" + HeadlineSpec.FILE, Files.readString(own)));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new llmcap.engine.RuleException(rules.display() + "/" + HeadlineSpec.FILE + ": cannot read ("
                    + e.getMessage() + ")");
        }
        return all;
    }

    /** The version of exactly the rule texts that are compiled (and of the headline file). */
    static String rulesVersion(List<RuleFile> files) {
        MessageDigest sha = sha256();
        for (RuleFile f : files) {
            sha.update((f.display() + "\u0000" + f.text() + "\u0000").getBytes(StandardCharsets.UTF_8));
        }
        return hex(sha);
    }

    /**
     * The version of every file under every folder of the catalog, the bundled one and each overlay (GPUs,
     * models, scenarios, validation cases): an edit of any of them is a new version.
     */
    String catalogVersion() {
        MessageDigest sha = sha256();
        for (Folder layer : catalog.folders()) {
            Path root = layer.path();
            sha.update((layer.display() + "\u0000").getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    sha.update((root.relativize(p) + "\u0000").getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(p));
                    sha.update((byte) 0);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new CatalogException(layer.display() + ": cannot read (" + e.getMessage() + ")");
            }
        }
        return hex(sha);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }
}

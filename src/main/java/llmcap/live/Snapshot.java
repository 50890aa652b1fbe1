package llmcap.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import llmcap.app.Folder;
import llmcap.app.Timings;
import llmcap.app.Validation;
import llmcap.app.Workspace;
import llmcap.catalog.Catalog;
import llmcap.catalog.ValidationCase;
import llmcap.engine.RuleBook;
import llmcap.engine.RuleFile;

/**
 * Compiled rules, the catalog and the validation cases as they were read together, with the version
 * (SHA-256) of the files each came from. Immutable and safe to share between threads: a request takes
 * one snapshot and uses it from start to end, so it never sees rules of one version and a catalog of
 * another. A reload makes a new snapshot; it never changes this one.
 */
public final class Snapshot {

    private final Folder rulesFolder;
    private final RuleBook rules;
    private final Folder catalogFolder;
    private final Catalog catalog;
    private final List<ValidationCase> cases;
    private final Version version;
    private final java.time.Duration ruleTimeout;
    private final llmcap.app.HeadlineSpec headline;
    private final Map<String, RuleFile> filesByName;
    private final Supplier<List<Validation.CaseResult>> validation;

    /** The versions of the rule files and of the catalog files a snapshot was made from. */
    public record Version(String rules, String catalog) {
        public Version {
            Objects.requireNonNull(rules, "rules must not be null");
            Objects.requireNonNull(catalog, "catalog must not be null");
        }

        /** One string naming both, as the HTTP header and the page show it: {@code RULES+CATALOG}. */
        public String id() {
            return rules + "+" + catalog;
        }
    }

    Snapshot(Folder rulesFolder, RuleBook rules, Folder catalogFolder, Catalog catalog, List<ValidationCase> cases,
             llmcap.app.HeadlineSpec headline, Version version, java.time.Duration ruleTimeout) {
        this.headline = Objects.requireNonNull(headline, "headline must not be null");
        this.ruleTimeout = Objects.requireNonNull(ruleTimeout, "ruleTimeout must not be null");
        this.rulesFolder = Objects.requireNonNull(rulesFolder, "rulesFolder must not be null");
        this.rules = Objects.requireNonNull(rules, "rules must not be null");
        this.catalogFolder = Objects.requireNonNull(catalogFolder, "catalogFolder must not be null");
        this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
        this.cases = List.copyOf(cases);
        this.version = Objects.requireNonNull(version, "version must not be null");
        Map<String, RuleFile> byName = new java.util.LinkedHashMap<>();
        rules.files().forEach(f -> byName.put(f.display(), f));
        this.filesByName = java.util.Collections.unmodifiableMap(byName);
        this.validation = memo(() -> {
            Validation v = new Validation(workspace());
            return cases.stream().map(v::run).toList();
        });
    }

    /** A workspace over this snapshot's rules and catalog; it reads nothing from disk. One per request. */
    public Workspace workspace() {
        return new Workspace(rulesFolder, rules, catalogFolder, catalog, new Timings()).withRuleTimeout(ruleTimeout)
                .withHeadline(headline);
    }

    public RuleBook rules() {
        return rules;
    }

    /** What every estimate of this snapshot opens with ({@code headline.yaml}). */
    public llmcap.app.HeadlineSpec headline() {
        return headline;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Folder rulesFolder() {
        return rulesFolder;
    }

    public Folder catalogFolder() {
        return catalogFolder;
    }

    public List<ValidationCase> validationCases() {
        return cases;
    }

    public Version version() {
        return version;
    }

    /** The rule files by the name provenance uses ({@code rules/serving.drl}), in name order. */
    public Map<String, RuleFile> ruleFiles() {
        return filesByName;
    }

    /** Every validation case run against this snapshot; computed once, on first use, then shared. */
    public List<Validation.CaseResult> validation() {
        return validation.get();
    }

    /** A value computed at most once (its failure is not kept: the next caller tries again). */
    private static <T> Supplier<T> memo(Supplier<T> compute) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = compute.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}

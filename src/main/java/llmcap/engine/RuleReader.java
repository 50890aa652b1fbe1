package llmcap.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import llmcap.domain.Quantity;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * Reads one rule file with Drools' own parser and describes each rule: its file and line, the names its
 * conditions need present or missing (in any pattern, under {@code exists}, {@code or}, {@code not},
 * {@code accumulate}, across lines), the values they compare settings with, and what its action inserts.
 * The conditions' structure comes from Drools' descriptors ({@link RuleDescr}, {@link PatternDescr},
 * {@link ExprConstraintDescr}, through {@link Constraints}); the action is Java text Drools never parses,
 * read with {@link JavaText}.
 */
final class RuleReader {

    /** One rule as read: what the index keeps of it, and every mention of a name. */
    record Read(RuleInfo info, List<Mention> mentions) {
        Read {
            mentions = List.copyOf(mentions);
        }
    }

    private static final PerFile<List<Read>> KEPT = new PerFile<>();

    /**
     * As {@link #read}, kept by the file's name and text in a process that keeps compiled files (a server,
     * {@link RuleBook#keepCompiledFiles}): a reload after one saved file reads that file alone.
     */
    static List<Read> readKept(RuleFile file) {
        if (!FileCompiler.enabled) {
            return read(file);
        }
        List<Read> out = KEPT.get(file);
        if (out == null) {
            out = read(file);
            KEPT.put(file, out);
        }
        return out;
    }

    private final RuleFile file;
    private final List<Read> rules = new ArrayList<>();

    private RuleReader(RuleFile file) {
        this.file = file;
    }

    /** The rules of {@code file}; a file Drools cannot parse is a {@link RuleException} with its errors. */
    static List<Read> read(RuleFile file) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, file.text());
        } catch (DroolsParserException e) {
            throw new RuleException(file.display() + ": " + e.getMessage());
        }
        if (parser.hasErrors() || pkg == null) {
            List<String> lines = new ArrayList<>();
            for (DroolsError e : parser.getErrors()) {
                int[] at = e.getLines();
                lines.add(RuleBook.errorLine(file.display(), at != null && at.length > 0 ? at[0] : 0,
                        e.getMessage().replaceAll("\\s+", " ").strip()));
            }
            throw new RuleException(lines.isEmpty() ? List.of(file.display() + ": cannot be parsed") : lines);
        }
        RuleReader r = new RuleReader(file);
        String packageName = pkg.getName() == null || pkg.getName().isEmpty() ? "llmcap.rules" : pkg.getName();
        for (RuleDescr rule : pkg.getRules()) {
            r.rule(rule, packageName);
        }
        return List.copyOf(r.rules);
    }

    private void rule(RuleDescr rule, String packageName) {
        String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        RuleInfo bare = new RuleInfo(rule.getName(), packageName, file.display(), rule.getLine(), List.of(), List.of(),
                Map.of(), false, List.of(), consequence.strip());
        List<Mention> mentions = new ArrayList<>();
        Map<String, Constraints.Bound> bound = new HashMap<>();
        if (rule.getLhs() != null) {
            walk(rule.getLhs(), false, bare, mentions, bound);
        }
        List<Mention> made = actions(consequence, rule, bare, bound);
        mentions.addAll(made);
        annotations(rule, bare, made, mentions);
        rules.add(new Read(info(bare, rule, mentions), mentions));
    }

    /** The rule's conditions, depth first in source order; {@code absent} under a {@code not}. */
    private void walk(BaseDescr d, boolean absent, RuleInfo rule, List<Mention> out, Map<String, Constraints.Bound> bound) {
        if (d instanceof NotDescr n) {
            n.getDescrs().forEach(c -> walk((BaseDescr) c, true, rule, out, bound));
        } else if (d instanceof PatternDescr p) {
            Constraints.pattern(p, absent, rule, out, bound);
            if (p.getSource() instanceof AccumulateDescr a && a.getInput() != null) {
                walk(a.getInput(), absent, rule, out, bound);
            } else if (p.getSource() instanceof CollectDescr c && c.getInputPattern() != null) {
                walk(c.getInputPattern(), absent, rule, out, bound);
            }
        } else if (d instanceof AccumulateDescr a && a.getInput() != null) {
            walk(a.getInput(), absent, rule, out, bound);
        } else if (d instanceof ConditionalElementDescr ce) { // and, or, exists, forall
            for (Object c : ce.getDescrs()) {
                walk((BaseDescr) c, absent, rule, out, bound);
            }
        }
    }

    /** Every quantity and setting the action creates, at its own line. */
    private List<Mention> actions(String consequence, RuleDescr rule, RuleInfo info, Map<String, Constraints.Bound> bound) {
        List<Mention> out = new ArrayList<>();
        int base = consequenceStart(consequence, rule);
        for (JavaText.Creation c : JavaText.creations(consequence)) {
            if (c.args().isEmpty()) {
                continue;
            }
            int line = JavaText.lineOf(file.text(), base + c.offset());
            String first = c.args().get(0).text();
            Optional<String> name = JavaText.stringLiteral(first).filter(Quantity::isValidName)
                    .or(() -> JavaText.concatenationPrefix(first).map(p -> p + "*"));
            if (name.isEmpty()) {
                continue;
            }
            Mention m = Mention.of(Mention.Kind.DERIVE, c.setting(), name.get(), info, line);
            if (!c.setting()) {
                String unit = c.args().size() == 3 ? JavaText.stringLiteral(c.args().get(2).text()).orElse("") : "";
                out.add(m.withUnit(unit));
            } else if (c.args().size() == 2) {
                String value = c.args().get(1).text();
                Optional<String> literal = JavaText.stringLiteral(value);
                Constraints.Bound from = JavaText.variable(value).map(bound::get).orElse(null);
                out.add(literal.isPresent() ? m.withValues(List.of(literal.get()), false)
                        : from == null ? m : !from.values().isEmpty() ? m.withValues(from.values(), false)
                        : m.from(from.setting()));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    /** Where the action's text begins in the file: Drools gives the text and the line of {@code then}. */
    private int consequenceStart(String consequence, RuleDescr rule) {
        String text = file.text();
        int lineStart = 0;
        for (int l = 1; l < Math.max(1, rule.getConsequenceLine()) && lineStart >= 0; l++) {
            lineStart = text.indexOf('\n', lineStart) + 1;
        }
        String head = consequence.strip();
        int cut = head.indexOf('\n');
        head = cut < 0 ? head : head.substring(0, cut);
        int at = head.isEmpty() ? -1 : text.indexOf(head, Math.max(0, lineStart));
        return at >= 0 ? at - consequence.indexOf(head) : Math.max(0, lineStart);
    }

    private void annotations(RuleDescr rule, RuleInfo info, List<Mention> made, List<Mention> out) {
        for (AnnotationDescr a : rule.getAnnotations()) {
            out.add(Mention.of(Mention.Kind.ANNOTATION, false, a.getName(), info, a.getLine()));
            if (a.getName().equals("range")) {
                for (String target : made.stream().map(Mention::name).filter(n -> !RuleIndex.isPrefix(n)).distinct().toList()) {
                    out.add(new Mention(Mention.Kind.RANGE, false, target, info.name(), info.file(), a.getLine(), "",
                            JavaText.items(a.getSingleValueAsString()), false, ""));
                }
            }
            if (a.getName().equals("values")) {
                List<String> values = JavaText.items(a.getSingleValueAsString()).stream()
                        .map(v -> JavaText.stringLiteral(v).orElse(v)).toList();
                List<Mention> targets = made.stream().filter(m -> !m.name().endsWith("*")).toList();
                String target = targets.stream().map(Mention::name).distinct().count() == 1 ? targets.get(0).name() : "";
                boolean setting = !targets.isEmpty() && targets.get(0).setting();
                out.add(new Mention(Mention.Kind.DECLARE, setting, target, info.name(), info.file(), a.getLine(), "",
                        values, false, ""));
            }
        }
    }

    /** What the index keeps of the rule, made from its mentions. */
    private static RuleInfo info(RuleInfo bare, RuleDescr rule, List<Mention> mentions) {
        AnnotationDescr u = rule.getAnnotation("uncertain");
        List<Double> uncertain = u == null ? List.of() : uncertain(JavaText.items(u.getSingleValueAsString()));
        return withMentions(new RuleInfo(bare.name(), bare.packageName(), bare.file(), bare.line(), List.of(), List.of(),
                Map.of(), rule.getAnnotation("optional") != null, uncertain, bare.consequence()), mentions);
    }

    /** {@code bare} with what its mentions say it reads, tests absent and derives. */
    static RuleInfo withMentions(RuleInfo bare, List<Mention> mentions) {
        Map<String, String> derives = new java.util.LinkedHashMap<>();
        for (Mention m : mentions) {
            if (m.kind() == Mention.Kind.DERIVE && !RuleIndex.isPrefix(m.name())) {
                derives.putIfAbsent(m.name(), m.unit());
            }
        }
        return new RuleInfo(bare.name(), bare.packageName(), bare.file(), bare.line(), names(mentions, Mention.Kind.READ),
                names(mentions, Mention.Kind.ABSENT), derives, bare.optional(), bare.uncertain(), bare.consequence());
    }

    private static List<String> names(List<Mention> mentions, Mention.Kind kind) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(); // a loop: this runs in every cold start
        for (Mention m : mentions) {
            if (m.kind() == kind) {
                out.add(m.name());
            }
        }
        return List.copyOf(out);
    }

    /** The factors of {@code @uncertain(low, high)} or {@code @uncertain(low, mode, high)}, or none. */
    static List<Double> uncertain(List<String> parts) {
        List<Double> out = new ArrayList<>();
        for (String part : parts) {
            try {
                out.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        boolean ordered = out.size() >= 2 && out.size() <= 3;
        for (int i = 1; i < out.size(); i++) {
            ordered &= out.get(i - 1) <= out.get(i);
        }
        return ordered && out.get(0) > 0 ? out : List.of();
    }
}

package llmcap.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;

/**
 * The constraints of one {@code Quantity(...)} or {@code Setting(...)} pattern, each parsed by Drools'
 * expression parser into relations ({@code name == "x"}, {@code value in ("a", "b")} becomes
 * {@code value == "a" || value == "b"}), so what the pattern matches is read from structure: a name
 * compared with a literal, with a concatenation ({@code "gpu.flops_" + $dtype}, kept as the prefix
 * pattern {@code gpu.flops_*}), several names joined by {@code ||}, a setting's values, a unit.
 */
final class Constraints {

    /** A variable bound to a setting's value ({@code $dtype : value}), and the values the pattern restricts it to. */
    record Bound(String setting, List<String> values) {
    }

    private static final Set<String> QUANTITY = Set.of("Quantity", "llmcap.domain.Quantity");
    private static final Set<String> SETTING = Set.of("Setting", "llmcap.domain.Setting");

    private final List<Mention> out;
    private final RuleInfo rule;
    /** A name a condition tests ({@code name == "x"}) and the line it is written on. */
    private record Name(String name, int line) {
    }

    private final List<Name> names = new ArrayList<>();
    private final List<Mention> values = new ArrayList<>();
    private final List<String> boundVariables = new ArrayList<>();

    private Constraints(RuleInfo rule, List<Mention> out) {
        this.rule = rule;
        this.out = out;
    }

    /** Adds the mentions of pattern {@code p} to {@code out}, and its value bindings to {@code bound}. */
    static void pattern(PatternDescr p, boolean absent, RuleInfo rule, List<Mention> out, Map<String, Bound> bound) {
        boolean quantity = QUANTITY.contains(p.getObjectType());
        boolean setting = SETTING.contains(p.getObjectType());
        if (!quantity && !setting) {
            return;
        }
        Constraints c = new Constraints(rule, out);
        for (BaseDescr d : p.getDescrs()) {
            if (d instanceof ExprConstraintDescr e) {
                c.constraint(e);
            }
        }
        Mention.Kind kind = absent ? Mention.Kind.ABSENT : Mention.Kind.READ;
        for (Name n : c.names) {
            out.add(Mention.of(kind, setting, n.name(), rule, n.line()));
            for (Mention v : c.values) {
                out.add(new Mention(v.kind(), setting, n.name(), v.rule(), v.file(), v.line(), v.unit(), v.values(),
                        v.excluded(), ""));
            }
        }
        if (setting && c.names.size() == 1 && !RuleIndex.isPrefix(c.names.get(0).name())) {
            List<String> allowed = c.values.stream().filter(v -> v.kind() == Mention.Kind.COMPARE && !v.excluded())
                    .findFirst().map(Mention::values).orElse(List.of());
            c.boundVariables.forEach(v -> bound.put(v, new Bound(c.names.get(0).name(), allowed)));
        }
    }

    private void constraint(ExprConstraintDescr e) {
        String text = e.getExpression();
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr tree = parser.parse(text);
        if (parser.hasErrors() || tree == null) {
            return; // the compiler reports it
        }
        relations(tree, e, text);
    }

    private void relations(BaseDescr d, ExprConstraintDescr e, String text) {
        if (d instanceof ConstraintConnectiveDescr c) {
            boolean or = c.getConnective() == ConnectiveType.OR;
            List<RelationalExprDescr> rels = new ArrayList<>();
            for (BaseDescr child : c.getDescrs()) {
                if (child instanceof RelationalExprDescr r && field(r).isPresent()) {
                    rels.add(r);
                } else {
                    relations(child, e, text);
                }
            }
            group(rels, or, e, text);
        } else if (d instanceof RelationalExprDescr r && field(r).isPresent()) {
            group(List.of(r), false, e, text);
        } else if (d instanceof BindingDescr b && b.getExpression().strip().equals("value")) {
            boundVariables.add(b.getVariable());
        }
    }

    /**
     * Relations joined by one connective: names compared with {@code ==} (one, or several joined by
     * {@code ||}); values listed with {@code ==} / {@code in} or refused with {@code !=} / {@code not in}.
     */
    private void group(List<RelationalExprDescr> rels, boolean or, ExprConstraintDescr e, String text) {
        List<String> listed = new ArrayList<>();
        boolean refused = false;
        int line = e.getLine();
        for (RelationalExprDescr r : rels) {
            String f = field(r).orElseThrow();
            String other = other(r);
            String op = r.getOperator();
            if (f.equals("name") && op.equals("==")) {
                Optional<String> n = JavaText.stringLiteral(other).or(() -> JavaText.concatenationPrefix(other).map(p -> p + "*"));
                n.ifPresent(s -> names.add(new Name(s, lineOf(e, text, other))));
            } else if (f.equals("unit") && op.equals("==")) {
                JavaText.stringLiteral(other).ifPresent(u -> values.add(Mention.of(Mention.Kind.UNIT, false, "", rule,
                        lineOf(e, text, other)).withUnit(u)));
            } else if (f.equals("value") && (op.equals("==") || op.equals("!="))) {
                listed.add(JavaText.stringLiteral(other).orElse(other.strip()));
                refused = op.equals("!=");
                line = lineOf(e, text, other);
            } else if (f.equals("value") && isAtMostZero(op, other)) {
                values.add(Mention.of(Mention.Kind.SIGNED, false, "", rule, e.getLine()));
            }
        }
        if (!listed.isEmpty() && (or || refused || listed.size() == 1)) {
            values.add(Mention.of(Mention.Kind.COMPARE, false, "", rule, line).withValues(listed, refused));
        }
    }

    /** {@code value <= 0}, {@code value < 0}: the rules treat the quantity as a signed difference. */
    private static boolean isAtMostZero(String op, String other) {
        try {
            double v = Double.parseDouble(other.strip());
            return op.equals("<=") && v <= 0 || op.equals("<") && v <= 0;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    /** The fact's field a relation tests ({@code name}, {@code value}, {@code unit}), whichever side it is on. */
    private static Optional<String> field(RelationalExprDescr r) {
        Optional<String> left = fieldName(r.getLeft());
        return left.isPresent() ? left : fieldName(r.getRight()).filter(f -> r.getOperator().equals("==")
                || r.getOperator().equals("!="));
    }

    private static Optional<String> fieldName(BaseDescr d) {
        if (!(d instanceof AtomicExprDescr a) || a.isLiteral()) {
            return Optional.empty();
        }
        String t = a.getExpression().strip();
        t = t.startsWith("this.") ? t.substring(5) : t;
        t = t.endsWith("()") ? t.substring(0, t.length() - 2) : t;
        return Set.of("name", "value", "unit").contains(t) ? Optional.of(t) : Optional.empty();
    }

    private static String other(RelationalExprDescr r) {
        BaseDescr o = fieldName(r.getLeft()).isPresent() ? r.getRight() : r.getLeft();
        return o instanceof AtomicExprDescr a ? a.getExpression() : o.getText() == null ? "" : o.getText();
    }

    /** The line of {@code literal} inside a constraint that may span lines. */
    private static int lineOf(ExprConstraintDescr e, String text, String literal) {
        int at = text.indexOf(literal.strip());
        return e.getLine() + (at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count());
    }
}

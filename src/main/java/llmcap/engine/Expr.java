package llmcap.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Java expression as a rule's action writes it ({@code Math.ceil($need / $gpu)}), parsed, so that
 * {@code explain} can show it with the numbers it was computed from and check that it gives the
 * recorded value. Covers what actions compute with: numbers, {@code $variables} and locals, the
 * arithmetic, comparison and logical operators, {@code ?:}, casts, {@code Math.*} and calls of the
 * rule files' own functions (which {@link #evaluate} cannot run: they make an expression opaque).
 * Evaluation follows Java: a literal without a point or exponent is an {@code int}, and {@code int}
 * with {@code int} stays {@code int} ({@code 1 / 2} is 0).
 */
public sealed interface Expr {

    record Num(String text, double value, boolean integral) implements Expr {
    }

    record Str(String value) implements Expr {
    }

    /** A {@code $variable}, a local of the action, or a constant such as {@code Double.MAX_VALUE}. */
    record Name(String name) implements Expr {
    }

    record Unary(String op, Expr operand) implements Expr {
    }

    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    /** {@code Math.ceil(x)} or a rule file's function {@code largestBatchWithin(a, b)}. */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Cond(Expr test, Expr then, Expr otherwise) implements Expr {
    }

    /** Parentheses as the rule wrote them. */
    record Group(Expr inner) implements Expr {
    }

    record Cast(String type, Expr operand) implements Expr {
    }

    /** The parsed expression, or empty when the text is not an expression this reader knows. */
    static Optional<Expr> parse(String text) {
        try {
            Parser p = new Parser(DrlTokens.of(text));
            Expr e = p.ternary();
            return p.atEnd() ? Optional.of(e) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Thrown by {@link #evaluate} for what it cannot work out: a rule file's function, an unbound name. */
    final class Opaque extends RuntimeException {
        Opaque(String what) {
            super(what, null, false, false);
        }
    }

    /** The functions of {@code Math} that {@link #evaluate} computes. */
    Set<String> MATH = Set.of("ceil", "floor", "max", "min", "abs", "sqrt", "pow", "log", "log10", "exp", "cbrt");

    /**
     * The value as Java computes it: a {@link Double}, an {@link Integer}, a {@link String} or a
     * {@link Boolean}. {@code names} gives each {@code $variable} and local.
     *
     * @throws Opaque for a rule file's function, or a name {@code names} does not give
     */
    static Object evaluate(Expr e, Map<String, Object> names) {
        return Evaluator.eval(e, names);
    }

    /** The names of {@code $variables} and locals the expression reads. */
    static Set<String> names(Expr e) {
        Set<String> out = new java.util.LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Name n) {
            out.add(n.name());
        }
        children(e).forEach(c -> collect(c, out));
    }

    /** The sub-expressions of {@code e}, in the order written. */
    static List<Expr> children(Expr e) {
        if (e instanceof Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Call c) {
            return c.args();
        } else if (e instanceof Cond c) {
            return List.of(c.test(), c.then(), c.otherwise());
        } else if (e instanceof Group g) {
            return List.of(g.inner());
        } else if (e instanceof Cast c) {
            return List.of(c.operand());
        }
        return List.of();
    }

    /** Precedence climbing over {@link DrlTokens}; throws IllegalArgumentException where the text is not understood. */
    final class Parser {
        private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("==", "!="),
                List.of("<", ">", "<=", ">="), List.of("+", "-"), List.of("*", "/", "%"));
        private final List<DrlTokens.Token> tokens;
        private int at;

        Parser(List<DrlTokens.Token> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return at == tokens.size();
        }

        Expr ternary() {
            Expr test = binary(0);
            if (!accept("?")) {
                return test;
            }
            Expr then = ternary();
            expect(":");
            return new Cond(test, then, ternary());
        }

        private Expr binary(int level) {
            if (level == LEVELS.size()) {
                return unary();
            }
            Expr left = binary(level + 1);
            while (!atEnd() && LEVELS.get(level).contains(peek().text()) && peek().kind() == DrlTokens.Kind.OP) {
                String op = next().text();
                left = new Binary(op, left, binary(level + 1));
            }
            return left;
        }

        private Expr unary() {
            if (!atEnd() && peek().kind() == DrlTokens.Kind.OP && Set.of("-", "+", "!").contains(peek().text())) {
                return new Unary(next().text(), unary());
            }
            if (isCast()) {
                next();
                String type = next().text();
                next();
                return new Cast(type, unary());
            }
            return primary();
        }

        private boolean isCast() {
            return at + 2 < tokens.size() && tokens.get(at).text().equals("(")
                    && Set.of("double", "long", "int", "float").contains(tokens.get(at + 1).text())
                    && tokens.get(at + 2).text().equals(")");
        }

        private Expr primary() {
            if (atEnd()) {
                throw new IllegalArgumentException("expression ends early");
            }
            DrlTokens.Token t = next();
            switch (t.kind()) {
                case NUMBER -> {
                    return number(t.text());
                }
                case STRING -> {
                    return new Str(t.text().substring(1, t.text().length() - 1));
                }
                case IDENT -> {
                    StringBuilder name = new StringBuilder(t.text());
                    while (accept(".")) {
                        name.append('.').append(expectKind(DrlTokens.Kind.IDENT));
                    }
                    if (!accept("(")) {
                        return new Name(name.toString());
                    }
                    List<Expr> args = new ArrayList<>();
                    if (!accept(")")) {
                        do {
                            args.add(ternary());
                        } while (accept(","));
                        expect(")");
                    }
                    return new Call(name.toString(), args);
                }
                default -> {
                    if (t.text().equals("(")) {
                        Expr inner = ternary();
                        expect(")");
                        return new Group(inner);
                    }
                    throw new IllegalArgumentException("unexpected " + t.text());
                }
            }
        }

        private static Num number(String text) {
            String t = text.replace("_", "");
            boolean dbl = t.matches(".*[.eEdD].*") && !t.startsWith("0x");
            String digits = t.replaceAll("[dDfFlL]$", "");
            return new Num(text, Double.parseDouble(digits), !dbl && !t.endsWith("f") && !t.endsWith("F"));
        }

        private DrlTokens.Token peek() {
            return tokens.get(at);
        }

        private DrlTokens.Token next() {
            return tokens.get(at++);
        }

        private boolean accept(String text) {
            if (!atEnd() && peek().text().equals(text) && peek().kind() != DrlTokens.Kind.STRING) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String text) {
            if (!accept(text)) {
                throw new IllegalArgumentException("expected " + text);
            }
        }

        private String expectKind(DrlTokens.Kind kind) {
            if (atEnd() || peek().kind() != kind) {
                throw new IllegalArgumentException("expected " + kind);
            }
            return next().text();
        }
    }
}

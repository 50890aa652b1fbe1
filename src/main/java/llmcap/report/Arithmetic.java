package llmcap.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import llmcap.domain.Origin;
import llmcap.engine.Consequences;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;
import llmcap.engine.Expr;

/**
 * A rule's arithmetic with the actual numbers: the expression of its action with each bound variable
 * replaced by its value and unit, {@code Math.ceil} and the like written plainly, and the result:
 * {@code 688.4 PFLOP/s / 312 TFLOP/s = 2,206.5, rounded up: 2,207 GPU}. The values are those Drools
 * bound when the rule fired; the expression is computed again from them and shown only if it gives
 * the recorded value. An expression calling a rule file's own function is shown with its arguments'
 * values and the recorded result. Anything else (a constant, a copy, an action this reader does not
 * follow) shows nothing.
 */
public final class Arithmetic {

    private Arithmetic() {
    }

    /** The lines (one per local the action declares, then the value's own), or none. */
    public static List<String> lines(Consequences actions, Estimate e, Derivation d) {
        if (d.isSetting() || d.origin().kind() != Origin.Kind.RULE && d.origin().kind() != Origin.Kind.DEFAULT_RULE) {
            return List.of();
        }
        Optional<Consequences.Action> action = actions.at(d.origin().where());
        Expr expr = action.map(a -> a.values().get(d.name())).orElse(null);
        if (expr == null || trivial(expr)) {
            return List.of();
        }
        Map<String, Object> env = new HashMap<>(d.bindings());
        Renderer r = new Renderer(e, d, action.get().boundTo(), env);
        List<String> out = new ArrayList<>();
        java.util.Set<String> used = Expr.names(expr);
        for (Consequences.Local local : action.get().locals()) {
            Object v = evaluate(local.expression(), env);
            if (!(v instanceof Number) || !r.resolvable(local.expression())) {
                return List.of();
            }
            env.put(local.name(), v);
            if (used.contains(local.name())) {
                out.add(local.name() + " = " + r.render(local.expression()) + " = " + Renderer.number(((Number) v).doubleValue()));
            }
        }
        if (!r.resolvable(expr)) {
            return List.of();
        }
        Object v = evaluate(expr, env);
        double recorded = d.quantity().value();
        if (v != null && !(v instanceof Number n && same(n.doubleValue(), recorded))) {
            return List.of(); // never show arithmetic that does not give the figure
        }
        out.add(main(r, expr, env, d));
        return out;
    }

    private static String main(Renderer r, Expr expr, Map<String, Object> env, Derivation d) {
        Expr top = unwrap(expr);
        if (top instanceof Expr.Call c && c.args().size() == 1
                && (c.function().equals("Math.ceil") || c.function().equals("Math.floor"))) {
            Object inner = evaluate(c.args().get(0), env);
            if (inner instanceof Number n) {
                return r.render(unwrap(c.args().get(0))) + " = " + Renderer.number(n.doubleValue())
                        + (c.function().equals("Math.ceil") ? ", rounded up: " : ", rounded down: ") + Show.fact(d);
            }
        }
        return r.render(expr) + " = " + Show.fact(d);
    }

    /** A literal or a bare name: the rule states a constant or copies a value, nothing to compute. */
    private static boolean trivial(Expr e) {
        Expr u = unwrap(e);
        return u instanceof Expr.Num || u instanceof Expr.Name || u instanceof Expr.Str;
    }

    private static Expr unwrap(Expr e) {
        return e instanceof Expr.Group g ? unwrap(g.inner()) : e;
    }

    /** The value, or null when the expression calls a function of the rule file. */
    private static Object evaluate(Expr e, Map<String, Object> env) {
        try {
            return Expr.evaluate(e, env);
        } catch (Expr.Opaque x) {
            return null;
        }
    }

    static boolean same(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Writes an expression with its values. */
    private static final class Renderer {
        private final Estimate estimate;
        private final Derivation derivation;
        private final Map<String, String> boundTo;
        private final Map<String, Object> env;

        Renderer(Estimate estimate, Derivation derivation, Map<String, String> boundTo, Map<String, Object> env) {
            this.estimate = estimate;
            this.derivation = derivation;
            this.boundTo = boundTo;
            this.env = env;
        }

        /** True when every name is a bound value, a local worked out already, or a constant. */
        boolean resolvable(Expr e) {
            return Expr.names(e).stream().allMatch(n -> env.containsKey(n) || n.equals("Double.MAX_VALUE"));
        }

        String render(Expr e) {
            if (e instanceof Expr.Num n) {
                return n.text();
            } else if (e instanceof Expr.Str s) {
                return "\"" + s.value() + "\"";
            } else if (e instanceof Expr.Name n) {
                return name(n.name());
            } else if (e instanceof Expr.Group g) {
                return "(" + render(g.inner()) + ")";
            } else if (e instanceof Expr.Unary u) {
                return u.op() + render(u.operand());
            } else if (e instanceof Expr.Binary b) {
                return render(b.left()) + " " + (b.op().equals("*") ? "×" : b.op()) + " " + render(b.right());
            } else if (e instanceof Expr.Cond c) {
                return render(c.test()) + " ? " + render(c.then()) + " : " + render(c.otherwise());
            } else if (e instanceof Expr.Cast c) {
                return "(" + c.type() + ") " + render(c.operand());
            } else if (e instanceof Expr.Call c) {
                String f = c.function().startsWith("Math.") ? c.function().substring(5) : c.function();
                return f + "(" + c.args().stream().map(this::render).collect(Collectors.joining(", ")) + ")";
            }
            throw new IllegalStateException("unknown expression " + e);
        }

        private String name(String name) {
            Object v = env.get(name);
            if (v instanceof String s) {
                return s;
            }
            if (!(v instanceof Number n)) {
                return name.replace("Double.MAX_VALUE", "∞");
            }
            double x = n.doubleValue();
            String unit = name.startsWith("$") ? unitOf(name, x) : null;
            return unit == null ? number(x) : Show.value(x, unit);
        }

        /** The unit of the quantity the variable was bound to, checked against the value Drools bound. */
        private String unitOf(String variable, double value) {
            String named = boundTo.get(variable);
            Optional<Derivation> source = named == null ? Optional.empty() : estimate.get(named);
            if (source.isPresent() && !source.get().isSetting() && same(source.get().quantity().value(), value)) {
                return source.get().quantity().unit();
            }
            List<String> units = derivation.inputs().stream().map(estimate::get).flatMap(Optional::stream)
                    .filter(d -> !d.isSetting() && same(d.quantity().value(), value))
                    .map(d -> d.quantity().unit()).distinct().toList();
            return units.size() == 1 ? units.get(0) : null;
        }

        /** A number without a unit: grouped or to four digits, in powers of ten from a million. */
        static String number(double v) {
            return Math.abs(v) >= 1e6 && Double.isFinite(v) ? Show.scientific(v) : Show.value(v, "1");
        }
    }
}

package llmcap.engine;

import java.util.List;
import java.util.Map;

/**
 * Computes an {@link Expr} as Java would: {@code int} arithmetic between two {@code int}s (literals
 * without a point or exponent), {@code double} otherwise; {@code Math}'s functions; comparisons and
 * {@code ?:}. A rule file's own function, or a name not given, makes it throw {@link Expr.Opaque}.
 */
final class Evaluator {

    private Evaluator() {
    }

    static Object eval(Expr e, Map<String, Object> names) {
        if (e instanceof Expr.Num n) {
            return n.integral() && n.value() == (int) n.value() ? (Object) (int) n.value() : (Object) n.value();
        } else if (e instanceof Expr.Str s) {
            return s.value();
        } else if (e instanceof Expr.Name n) {
            return name(n.name(), names);
        } else if (e instanceof Expr.Group g) {
            return eval(g.inner(), names);
        } else if (e instanceof Expr.Unary u) {
            return unary(u.op(), eval(u.operand(), names));
        } else if (e instanceof Expr.Binary b) {
            return binary(b, names);
        } else if (e instanceof Expr.Cond c) {
            return bool(eval(c.test(), names)) ? eval(c.then(), names) : eval(c.otherwise(), names);
        } else if (e instanceof Expr.Cast c) {
            double v = number(eval(c.operand(), names));
            return switch (c.type()) {
                case "int" -> (Object) (int) v;
                case "long" -> (Object) (double) (long) v;
                case "float" -> (Object) (double) (float) v;
                default -> (Object) v;
            };
        } else if (e instanceof Expr.Call c) {
            return call(c, names);
        }
        throw new Expr.Opaque("unknown expression");
    }

    private static Object name(String name, Map<String, Object> names) {
        Object v = names.get(name);
        if (v != null) {
            return v;
        }
        return switch (name) {
            case "Double.MAX_VALUE" -> Double.MAX_VALUE;
            case "Double.MIN_VALUE" -> Double.MIN_VALUE;
            case "Math.PI" -> Math.PI;
            case "Math.E" -> Math.E;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new Expr.Opaque(name + " is not known");
        };
    }

    private static Object unary(String op, Object v) {
        return switch (op) {
            case "-" -> v instanceof Integer i ? (Object) (-i) : (Object) (-number(v));
            case "!" -> !bool(v);
            default -> v;
        };
    }

    private static Object binary(Expr.Binary b, Map<String, Object> names) {
        if (b.op().equals("&&") || b.op().equals("||")) {
            boolean left = bool(eval(b.left(), names));
            if (b.op().equals("&&") ? !left : left) {
                return left;
            }
            return bool(eval(b.right(), names));
        }
        Object l = eval(b.left(), names);
        Object r = eval(b.right(), names);
        if (b.op().equals("+") && (l instanceof String || r instanceof String)) {
            return String.valueOf(l) + r;
        }
        if (b.op().equals("==") || b.op().equals("!=")) {
            boolean same = l instanceof Number && r instanceof Number ? number(l) == number(r) : l.equals(r);
            return b.op().equals("==") == same;
        }
        double x = number(l);
        double y = number(r);
        if (l instanceof Integer && r instanceof Integer) { // int with int: Java's int arithmetic, truncating division
            if ((b.op().equals("/") || b.op().equals("%")) && y == 0) {
                throw new Expr.Opaque("integer division by zero");
            }
            Object v = doubles(b.op(), x, y);
            return v instanceof Double d ? (Object) (int) (double) d : v;
        }
        return doubles(b.op(), x, y);
    }

    private static Object doubles(String op, double x, double y) {
        return switch (op) {
            case "+" -> (Object) (x + y);
            case "-" -> (Object) (x - y);
            case "*" -> (Object) (x * y);
            case "/" -> (Object) (x / y);
            case "%" -> (Object) (x % y);
            case "<" -> x < y;
            case ">" -> x > y;
            case "<=" -> x <= y;
            case ">=" -> x >= y;
            default -> throw new Expr.Opaque("operator " + op);
        };
    }

    private static Object call(Expr.Call c, Map<String, Object> names) {
        if (!c.function().startsWith("Math.") || !Expr.MATH.contains(c.function().substring(5))) {
            throw new Expr.Opaque(c.function() + " is a function of the rule file");
        }
        List<Object> args = c.args().stream().map(a -> eval(a, names)).toList();
        String f = c.function().substring(5);
        boolean ints = args.stream().allMatch(a -> a instanceof Integer);
        if (args.size() == 2 && (f.equals("max") || f.equals("min") || f.equals("pow"))) {
            double x = number(args.get(0));
            double y = number(args.get(1));
            if (f.equals("pow")) {
                return Math.pow(x, y);
            }
            double v = f.equals("max") ? Math.max(x, y) : Math.min(x, y);
            return ints ? (Object) (int) v : (Object) v;
        }
        if (args.size() != 1) {
            throw new Expr.Opaque("Math." + f + " with " + args.size() + " arguments");
        }
        double x = number(args.get(0));
        return switch (f) {
            case "ceil" -> (Object) Math.ceil(x);
            case "floor" -> (Object) Math.floor(x);
            case "abs" -> ints ? (Object) Math.abs((int) x) : (Object) Math.abs(x);
            case "sqrt" -> (Object) Math.sqrt(x);
            case "log" -> (Object) Math.log(x);
            case "log10" -> (Object) Math.log10(x);
            case "exp" -> (Object) Math.exp(x);
            case "cbrt" -> (Object) Math.cbrt(x);
            default -> throw new Expr.Opaque("Math." + f);
        };
    }

    static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new Expr.Opaque("not a number: " + v);
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new Expr.Opaque("not a condition: " + v);
    }
}

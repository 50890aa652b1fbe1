package llmcap.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the index needs of the Java text Drools leaves unparsed: a rule's action (Drools hands it to the
 * Java compiler as it is) and the arguments of an annotation. Comments, string, character and text-block
 * literals are skipped as Java skips them, so {@code // insert(new Quantity("x", ...))} or a string that
 * spells a call is never taken for one.
 */
final class JavaText {

    /** One {@code new Quantity(...)} or {@code new Setting(...)} in an action: its arguments and where it starts. */
    record Creation(boolean setting, List<Arg> args, int offset) {
    }

    /** One argument of a call, as written. */
    record Arg(String text) {
    }

    private JavaText() {
    }

    /** Every {@code new Quantity(...)} and {@code new Setting(...)} in {@code code}, in order. */
    static List<Creation> creations(String code) {
        List<Creation> out = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            int skip = skipLiteralOrComment(code, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            if (word(code, i, "new")) {
                int j = skipSpace(code, i + 3);
                int start = j;
                while (j < code.length() && (Character.isJavaIdentifierPart(code.charAt(j)) || code.charAt(j) == '.')) {
                    j++;
                }
                String type = code.substring(start, j);
                String simple = type.substring(type.lastIndexOf('.') + 1);
                int open = skipSpace(code, j);
                if ((simple.equals("Quantity") || simple.equals("Setting")) && open < code.length() && code.charAt(open) == '(') {
                    List<Arg> args = arguments(code, open + 1);
                    out.add(new Creation(simple.equals("Setting"), args, i));
                }
                i = Math.max(j, i + 3);
                continue;
            }
            i++;
        }
        return out;
    }

    /**
     * The top-level, comma-separated arguments of the call whose '(' ends just before {@code from}, each
     * stripped of blanks; empty if the call is not closed.
     */
    static List<Arg> arguments(String s, int from) {
        List<Arg> args = new ArrayList<>();
        return scan(s, from, args) < 0 ? List.of() : args;
    }

    /**
     * Scans from {@code from} to the bracket that closes the one just before it, skipping comments and
     * literals; adds each top-level argument to {@code args} if it is not null. The closing bracket's
     * index, or -1 if there is none.
     */
    private static int scan(String s, int from, List<Arg> args) {
        int depth = 0;
        int start = from;
        int i = from;
        while (i < s.length()) {
            int skip = skipLiteralOrComment(s, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            char c = s.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if ((c == ')' || c == '}' || c == ']') && depth-- == 0) {
                addArg(args, s, start, i);
                return i;
            } else if (c == ',' && depth == 0) {
                addArg(args, s, start, i);
                start = i + 1;
            }
            i++;
        }
        return -1;
    }

    /** The comma-separated items of an annotation's value ({@code "none", "full"} or {@code 0.85, 1.0, 1.1}). */
    static List<String> items(String annotationValue) {
        if (annotationValue == null || annotationValue.isBlank()) {
            return List.of();
        }
        return arguments(annotationValue + ")", 0).stream().map(Arg::text).toList();
    }

    private static void addArg(List<Arg> args, String s, int start, int end) {
        if (args == null) {
            return;
        }
        String raw = s.substring(start, end);
        if (!raw.isBlank() || !args.isEmpty()) {
            args.add(new Arg(raw.strip()));
        }
    }

    /** The value of {@code text} if it is exactly one string literal ({@code "x"} or {@code ("x")}), else none. */
    static Optional<String> stringLiteral(String text) {
        String t = unparenthesize(text);
        int end = stringEnd(t, 0);
        return end == t.length() && end > 0 ? Optional.of(unescape(t.substring(1, end - 1))) : Optional.empty();
    }

    /**
     * The literal that begins a concatenation, {@code "gpu.flops_" + $dtype} or {@code ("gpu.flops_" + $w)}:
     * the name is that prefix and something only known when the rule fires.
     */
    static Optional<String> concatenationPrefix(String text) {
        String t = unparenthesize(text);
        int end = stringEnd(t, 0);
        if (end < 0 || end == t.length()) {
            return Optional.empty();
        }
        int plus = skipSpace(t, end);
        return plus < t.length() && t.charAt(plus) == '+' ? Optional.of(unescape(t.substring(1, end - 1))) : Optional.empty();
    }

    /** The bound variable {@code text} names ({@code $dtype}), if it is nothing but one. */
    static Optional<String> variable(String text) {
        String t = unparenthesize(text);
        if (t.isEmpty() || !Character.isJavaIdentifierStart(t.charAt(0))) {
            return Optional.empty();
        }
        for (int i = 1; i < t.length(); i++) {
            if (!Character.isJavaIdentifierPart(t.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(t);
    }

    private static String unparenthesize(String text) {
        String t = text.strip();
        while (t.length() >= 2 && t.charAt(0) == '(' && scan(t, 1, null) == t.length() - 1) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** The index just past the string literal ({@code "..."} or DRL's {@code '...'}) at {@code at}, or -1. */
    private static int stringEnd(String t, int at) {
        if (at >= t.length() || t.charAt(at) != '"' && t.charAt(at) != '\'') {
            return -1;
        }
        char quote = t.charAt(at);
        for (int i = at + 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Past the comment, string, text block or character literal at {@code i}; {@code i} if there is none. */
    private static int skipLiteralOrComment(String s, int i) {
        char c = s.charAt(i);
        char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        if (c == '/' && next == '/') {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl;
        }
        if (c == '/' && next == '*') {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        if (c == '"' && s.startsWith("\"\"\"", i)) {
            int close = s.indexOf("\"\"\"", i + 3);
            while (close > 0 && s.charAt(close - 1) == '\\') {
                close = s.indexOf("\"\"\"", close + 1);
            }
            return close < 0 ? s.length() : close + 3;
        }
        if (c == '"' || c == '\'') {
            for (int j = i + 1; j < s.length(); j++) {
                char d = s.charAt(j);
                if (d == '\\') {
                    j++;
                } else if (d == c || d == '\n') {
                    return j + 1;
                }
            }
            return s.length();
        }
        return i;
    }

    private static boolean word(String s, int i, String w) {
        return s.startsWith(w, i) && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)))
                && (i + w.length() >= s.length() || !Character.isJavaIdentifierPart(s.charAt(i + w.length())));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length()) {
            int skip = skipLiteralOrComment(s, i);
            if (skip > i && (s.charAt(i) == '/')) {
                i = skip;
            } else if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** The 1-based line of {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

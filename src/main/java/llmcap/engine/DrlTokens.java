package llmcap.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a piece of DRL or Java text: identifiers ({@code $need}, {@code Math}), numbers,
 * string literals, operators and punctuation, each with its offset; comments ({@code //}, a line
 * starting with {@code #}, and block comments) and white space are skipped.
 */
final class DrlTokens {

    enum Kind { IDENT, NUMBER, STRING, OP }

    record Token(Kind kind, String text, int offset) {
    }

    private static final String[] OPS = {"==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=",
        "+", "-", "*", "/", "%", "<", ">", "!", "?", ":", "(", ")", ",", ";", ".", "=", "{", "}", "[", "]", "@"};

    private DrlTokens() {
    }

    static List<Token> of(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("//", i) || c == '#' && (i == 0 || s.charAt(i - 1) == '\n')) {
                i = lineEnd(s, i);
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                i = stringEnd(s, i, c);
                out.add(new Token(Kind.STRING, s.substring(start, i), start));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                i = numberEnd(s, i);
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, s.substring(start, i), start));
            } else {
                String op = op(s, i);
                i += op.length();
                out.add(new Token(Kind.OP, op, start));
            }
        }
        return out;
    }

    private static int lineEnd(String s, int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? s.length() : end;
    }

    private static int stringEnd(String s, int i, char quote) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != quote) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(j + 1, s.length());
    }

    /** {@code 3600}, {@code 0.51}, {@code 4.0}, {@code 1e6}, {@code 2.5e-3}, {@code 1_000}, {@code 3L}, {@code 2.0d}. */
    private static int numberEnd(String s, int i) {
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            boolean exponentSign = (c == '+' || c == '-') && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E');
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static String op(String s, int i) {
        for (String op : OPS) {
            if (s.startsWith(op, i)) {
                return op;
            }
        }
        return String.valueOf(s.charAt(i));
    }
}

package llmcap.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the text of the rules may not do, checked before they are compiled, each refusal one line
 * {@code FILE:LINE: ...} naming the rule or function:
 * <ul>
 * <li>declare a fact type: the engine records and retracts only Quantity and Setting facts, so a sweep
 *     or a sample reusing a session would keep a declared fact made from an earlier row's inputs;</li>
 * <li>call {@code exit} or {@code halt} ({@code System.exit}, {@code Runtime.halt}, {@code drools.halt()}):
 *     the process would end with the rule's exit code, or firing stop half way, without a word.</li>
 * </ul>
 * Rules are code and llmcap cannot sandbox them (see the README's Trust section); this catches the
 * mistakes, not a determined author. Deleting, updating or inserting other objects is caught as it
 * happens, by the recorder.
 */
final class RuleLint {

    private static final Pattern DECLARE = Pattern.compile("(?m)^[ \\t]*declare[ \\t]+(?:trait[ \\t]+)?([\\w.$]+)");
    private static final Pattern STOP = Pattern.compile("(?<![\\w$])(exit|halt)\\s*\\(");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern HEADER = Pattern.compile("(?m)^[ \\t]*(rule|function)[ \\t]+(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s(]+(?:[ \\t]+[\\w$]+)?)");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");

    private RuleLint() {
    }

    /** Every refusal in {@code files}, in file order; empty when there is none. */
    static List<String> problems(List<RuleFile> files) {
        List<String> out = new ArrayList<>();
        for (RuleFile f : files) {
            String text = blankStrings(blankComments(f.text()));
            Matcher d = DECLARE.matcher(text);
            while (d.find()) {
                out.add(f.display() + ":" + JavaText.lineOf(text, d.start()) + ": declares a fact type " + d.group(1) + "; llmcap's"
                        + " rules derive only Quantity and Setting facts (a declared fact would outlive the inputs it"
                        + " was made from when a sweep reuses a session)");
            }
            Matcher s = STOP.matcher(text);
            while (s.find()) {
                out.add(f.display() + ":" + JavaText.lineOf(text, s.start()) + ": " + enclosing(f.text(), text, s.start()) + " calls "
                        + s.group(1) + "(...); a rule must not end the process or stop the engine (llmcap would end"
                        + " with the rule's exit code, or report half an estimate): throw an exception to fail instead");
            }
        }
        return out;
    }

    /** {@code rule "x"} or {@code function f} around {@code at}, or "the file" outside both. */
    private static String enclosing(String original, String text, int at) {
        String found = "the file";
        Matcher h = HEADER.matcher(text);
        while (h.find() && h.start() < at) {
            Matcher end = END.matcher(text);
            boolean closed = h.group(1).equals("rule") && end.find(h.end()) && end.start() < at;
            String name = original.substring(h.start(2), h.end(2));
            found = closed ? "the file" : h.group(1).equals("rule") ? "rule " + name
                    : "function " + name.replaceFirst(".*\\s", ""); // "void stop": the name is the last word
        }
        return found;
    }

    /** Blanks the inside of string literals (keeping their length and lines), so text in them is no call. */
    private static String blankStrings(String text) {
        StringBuilder out = new StringBuilder(text);
        Matcher m = STRING.matcher(text);
        while (m.find()) {
            for (int i = m.start() + 1; i < m.end() - 1; i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /** Replaces comments by spaces (keeping newlines) so commented-out text is not refused. */
    static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text);
        boolean inString = false;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            char next = i + 1 < out.length() ? out.charAt(i + 1) : 0;
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/' && next == '/' || c == '#' && (i == 0 || out.charAt(i - 1) == '\n')) {
                while (i < out.length() && out.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && next == '*') {
                while (i < out.length() && !(out.charAt(i) == '*' && i + 1 < out.length() && out.charAt(i + 1) == '/')) {
                    if (out.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                if (i + 1 < out.length()) {
                    out.setCharAt(i, ' ');
                    out.setCharAt(i + 1, ' ');
                }
            }
        }
        return out.toString();
    }
}

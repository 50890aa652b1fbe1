package llmcap.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule's text says about its arithmetic, read from the DRL text at the rule's file and line:
 * which quantity each bound variable holds ({@code $need} of {@code Quantity(name == "serving.peak_flops",
 * $need : value)}), the locals its action declares ({@code double bytes = ...;}) and the expression of
 * each quantity it inserts ({@code new Quantity("serving.gpus_compute", Math.ceil($need / $gpu), "GPU")}).
 * An action with anything but locals, {@code insert}s and {@code throw}s in it (an {@code if}, a loop, an
 * assignment) gives nothing: its arithmetic is not shown.
 * This is a small reader of the text, kept in this one class so that a reader built on Drools' own
 * parser can take its place.
 */
public final class Consequences {

    /** A local of an action, in the order declared. */
    public record Local(String name, Expr expression) {
    }

    /**
     * One rule's action.
     *
     * @param boundTo  variable -> the quantity or setting name its pattern matched, where the name is a literal
     * @param locals   the locals the action declares, in order
     * @param values   quantity name -> the expression of its value
     * @param selected the settings a condition tests for a value ({@code Setting(name == "x", value == "y")}):
     *                 the rule applies to that choice only
     */
    public record Action(Map<String, String> boundTo, List<Local> locals, Map<String, Expr> values, Set<String> selected) {
        public Action {
            boundTo = Map.copyOf(boundTo);
            locals = List.copyOf(locals);
            values = Map.copyOf(values);
            selected = Set.copyOf(selected);
        }
    }

    private static final Set<String> TYPES = Set.of("double", "int", "long", "float");
    private static final Set<String> CONTROL = Set.of("if", "for", "while", "do", "switch", "return", "{", "}");

    private final Map<String, Action> byWhere = new HashMap<>();

    private Consequences() {
    }

    /** Knows no rule's action: every arithmetic is left out. */
    public static Consequences none() {
        return new Consequences();
    }

    /** Reads the action of every rule {@code index} knows, from the text of {@code files}. */
    public Consequences(RuleIndex index, List<RuleFile> files) {
        Map<String, List<RuleInfo>> byFile = new LinkedHashMap<>();
        index.rules().forEach(r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r));
        for (RuleFile f : files) {
            List<RuleInfo> rules = byFile.get(f.display());
            if (rules != null) {
                read(f.text(), rules);
            }
        }
    }

    /** The action of the rule at {@code where} ({@code rules/serving.drl:38}), if it was read. */
    public Optional<Action> at(String where) {
        return Optional.ofNullable(byWhere.get(where));
    }

    private void read(String text, List<RuleInfo> rules) {
        List<DrlTokens.Token> tokens = DrlTokens.of(text);
        int[] lineStarts = lineStarts(text);
        for (RuleInfo r : rules) {
            if (r.line() < 1 || r.line() > lineStarts.length) {
                continue;
            }
            int from = firstAt(tokens, lineStarts[r.line() - 1]);
            int when = find(tokens, from, "when");
            int then = find(tokens, when, "then");
            int end = find(tokens, then, "end");
            if (when < 0 || then < 0 || end < 0) {
                continue;
            }
            action(text, tokens.subList(when + 1, then), tokens.subList(then + 1, end))
                    .ifPresent(a -> byWhere.put(r.where(), a));
        }
    }

    private static Optional<Action> action(String text, List<DrlTokens.Token> lhs, List<DrlTokens.Token> rhs) {
        List<Local> locals = new ArrayList<>();
        Map<String, Expr> values = new LinkedHashMap<>();
        for (List<DrlTokens.Token> st : split(rhs, ";")) {
            if (st.isEmpty()) {
                continue;
            }
            if (st.stream().anyMatch(t -> t.kind() != DrlTokens.Kind.STRING && CONTROL.contains(t.text()))) {
                return Optional.empty();
            }
            if (st.size() > 3 && TYPES.contains(st.get(0).text()) && st.get(2).text().equals("=")) {
                Optional<Expr> e = Expr.parse(source(text, st.subList(3, st.size())));
                if (e.isEmpty()) {
                    return Optional.empty();
                }
                locals.add(new Local(st.get(1).text(), e.get()));
            } else if (st.get(0).text().equals("insert")) {
                inserted(text, st).ifPresent(v -> values.put(v.getKey(), v.getValue()));
            } else if (!st.get(0).text().equals("throw")) {
                return Optional.empty(); // an assignment, a call: the locals may not hold what they were declared with
            }
        }
        Set<String> selected = new java.util.HashSet<>();
        Map<String, String> bound = bindings(lhs, selected);
        return Optional.of(new Action(bound, locals, values, selected));
    }

    /** {@code insert(new Quantity("name", EXPR, "unit"))}: the name and the parsed EXPR. */
    private static Optional<Map.Entry<String, Expr>> inserted(String text, List<DrlTokens.Token> st) {
        for (int i = 0; i + 2 < st.size(); i++) {
            if (st.get(i).text().equals("new") && st.get(i + 1).text().equals("Quantity") && st.get(i + 2).text().equals("(")) {
                List<List<DrlTokens.Token>> args = split(st.subList(i + 3, closing(st, i + 2)), ",");
                if (args.size() == 3 && args.get(0).size() == 1 && args.get(0).get(0).kind() == DrlTokens.Kind.STRING) {
                    String name = unquote(args.get(0).get(0).text());
                    return Expr.parse(source(text, args.get(1))).map(e -> Map.entry(name, e));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code Quantity(name == "x", $v : value)} and {@code Setting(...)}: variable -> "x"; the settings
     * tested for a value ({@code value == "y"}, {@code value in (...)}) go to {@code selected}.
     */
    private static Map<String, String> bindings(List<DrlTokens.Token> lhs, Set<String> selected) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < lhs.size(); i++) {
            String t = lhs.get(i).text();
            if ((t.equals("Quantity") || t.equals("Setting")) && lhs.get(i + 1).text().equals("(")) {
                String name = null;
                boolean tested = false;
                List<String> vars = new ArrayList<>();
                for (List<DrlTokens.Token> arg : split(lhs.subList(i + 2, closing(lhs, i + 1)), ",")) {
                    tested |= t.equals("Setting") && arg.size() >= 3 && arg.get(0).text().equals("value")
                            && (arg.get(1).text().equals("==") || arg.get(1).text().equals("in"));
                    if (arg.size() == 3 && arg.get(0).text().equals("name") && arg.get(1).text().equals("==")
                            && arg.get(2).kind() == DrlTokens.Kind.STRING) {
                        name = unquote(arg.get(2).text());
                    } else if (arg.size() == 3 && arg.get(0).text().startsWith("$") && arg.get(1).text().equals(":")
                            && arg.get(2).text().equals("value")) {
                        vars.add(arg.get(0).text());
                    }
                }
                for (String v : vars) {
                    if (name != null) {
                        out.put(v, name);
                    }
                }
                if (tested && name != null && !negated(lhs, i)) {
                    selected.add(name);
                }
            }
        }
        return out;
    }

    /** True when the pattern at {@code at} is inside {@code not}: a setting it tests is one the rule needs absent. */
    private static boolean negated(List<DrlTokens.Token> lhs, int at) {
        return at > 0 && lhs.get(at - 1).text().equals("not") || at > 1 && lhs.get(at - 1).text().equals("(")
                && lhs.get(at - 2).text().equals("not");
    }

    /** The index of the ')' that closes the '(' at {@code open}, or the end of the list. */
    private static int closing(List<DrlTokens.Token> ts, int open) {
        int depth = 0;
        for (int i = open; i < ts.size(); i++) {
            if (ts.get(i).kind() == DrlTokens.Kind.OP) {
                depth += ts.get(i).text().equals("(") ? 1 : ts.get(i).text().equals(")") ? -1 : 0;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return ts.size();
    }

    /** The token runs between {@code separator}s outside parentheses. */
    private static List<List<DrlTokens.Token>> split(List<DrlTokens.Token> ts, String separator) {
        List<List<DrlTokens.Token>> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < ts.size(); i++) {
            DrlTokens.Token t = ts.get(i);
            if (t.kind() != DrlTokens.Kind.OP) {
                continue;
            }
            depth += t.text().equals("(") ? 1 : t.text().equals(")") ? -1 : 0;
            if (depth == 0 && t.text().equals(separator)) {
                out.add(ts.subList(start, i));
                start = i + 1;
            }
        }
        out.add(ts.subList(start, ts.size()));
        return out;
    }

    /** The text the tokens cover, from the first token's start to the last token's end. */
    private static String source(String text, List<DrlTokens.Token> ts) {
        if (ts.isEmpty()) {
            return "";
        }
        DrlTokens.Token last = ts.get(ts.size() - 1);
        return text.substring(ts.get(0).offset(), last.offset() + last.text().length());
    }

    private static int find(List<DrlTokens.Token> ts, int from, String word) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < ts.size(); i++) {
            if (ts.get(i).kind() == DrlTokens.Kind.IDENT && ts.get(i).text().equals(word)) {
                return i;
            }
        }
        return -1;
    }

    private static int firstAt(List<DrlTokens.Token> ts, int offset) {
        for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i).offset() >= offset) {
                return i;
            }
        }
        return -1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String unquote(String s) {
        return s.substring(1, s.length() - 1);
    }
}

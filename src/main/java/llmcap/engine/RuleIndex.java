package llmcap.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import llmcap.domain.Quantity;

/**
 * Reads DRL text (not the compiled rules) to learn each rule's file, line, the quantity names it
 * reads and the quantities it creates with {@code new Quantity("name", value, "unit")}. Drools keeps
 * no line numbers for rules, so provenance takes them from here.
 */
public final class RuleIndex {

    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+(\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^[ \\t]*then\\b");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\"");
    private static final Pattern NEW_QUANTITY = Pattern.compile("new\\s+Quantity\\s*\\(");
    private static final Pattern NOT_QUANTITY = Pattern.compile("\\bnot\\s*\\(?\\s*(?:Quantity|Setting)\\s*\\(([^)]*)\\)");
    private static final Pattern NEW_SETTING = Pattern.compile("new\\s+Setting\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern SETTING_PATTERN = Pattern.compile("\\bSetting\\s*\\(\\s*name\\s*==\\s*\"([^\"]+)\"");

    private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
    private final Set<String> settings = new TreeSet<>();
    /** Quantities some rule's condition tests for a negative or zero value: signed differences, such as a room left. */
    private final Set<String> signed = new TreeSet<>();
    /** Units stated by conditions ({@code Quantity(name == "x", unit == "GPU")}) for inputs no rule creates. */
    private final Map<String, String> declaredUnits = new LinkedHashMap<>();
    /** {@code @range(LOW, HIGH[, whole])} of a rule, for the quantities it derives: their valid values. */
    private final Map<String, llmcap.domain.ValueRange> ranges = new LinkedHashMap<>();
    private static final Pattern RANGE = Pattern.compile("(?m)^\\s*@range\\s*\\(([^)]*)\\)");
    private static final Pattern QUANTITY_PATTERN = Pattern.compile("\\bQuantity\\s*\\(");
    private static final Pattern NAME_IS = Pattern.compile("\\bname\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern AT_MOST_ZERO = Pattern.compile("\\bvalue\\s*<\\s*=?\\s*0(?:\\.0*)?(?![\\d.])");
    private static final Pattern UNIT_CONSTRAINT =
            Pattern.compile("Quantity\\s*\\(\\s*name\\s*==\\s*\"([^\"]+)\"\\s*,\\s*unit\\s*==\\s*\"([^\"]+)\"");

    public RuleIndex(List<RuleFile> files) {
        for (RuleFile f : files) {
            scan(f);
        }
    }

    public Collection<RuleInfo> rules() {
        return rules.values();
    }

    public Optional<RuleInfo> rule(String packageName, String name) {
        return Optional.ofNullable(rules.get(packageName + "/" + name));
    }

    /** Every quantity name any rule mentions, read or derived: the names {@code --set} may use. */
    public Set<String> names() {
        Set<String> out = names;
        if (out == null) { // the index never changes once made: work the set out once
            Set<String> all = new TreeSet<>();
            for (RuleInfo r : rules.values()) {
                all.addAll(r.reads());
                all.addAll(r.absent());
                all.addAll(r.derives().keySet());
            }
            all.removeIf(RuleIndex::isPrefix); // gpu.flops_* guards name a family, not a quantity
            out = java.util.Collections.unmodifiableSet(all);
            names = out;
        }
        return out;
    }

    private volatile Set<String> names;

    /** True when the rules treat {@code name} as a setting (a word such as bf16), not a number. */
    public boolean isSetting(String name) {
        return settings.contains(name);
    }

    /**
     * True when a rule's condition tests {@code name} for a value below or at zero ({@code value <= 0}):
     * the rules treat it as a signed difference, so a negative value is meant, whatever its unit.
     */
    public boolean isSigned(String name) {
        return signed.contains(name);
    }

    /** The valid values of {@code name}, if a rule that derives it states them with {@code @range}. */
    public Optional<llmcap.domain.ValueRange> range(String name) {
        return Optional.ofNullable(ranges.get(name));
    }

    /** The unit the rules give {@code name}, if some rule creates it with a literal unit. */
    public Optional<String> unitOf(String name) {
        Optional<String> made = rules.values().stream().map(r -> r.derives().get(name)).filter(u -> u != null && !u.isEmpty())
                .findFirst();
        return made.isPresent() ? made : Optional.ofNullable(declaredUnits.get(name));
    }

    private void scan(RuleFile file) {
        String text = blankComments(file.text());
        String pkg = file.packageName();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            int line = lineOf(text, m.start(1));
            Matcher end = END.matcher(text);
            int stop = end.find(m.end()) ? end.start() : text.length();
            Matcher then = THEN.matcher(text).region(m.end(), stop);
            int rhs = then.find() ? then.end() : stop;
            String lhsText = text.substring(m.end(), rhs);
            String rhsText = text.substring(rhs, stop);
            Map<String, String> derives = creations(rhsText);
            Matcher ns = NEW_SETTING.matcher(rhsText);
            while (ns.find()) {
                derives.put(ns.group(1), "");
                settings.add(ns.group(1));
            }
            Matcher uc = UNIT_CONSTRAINT.matcher(lhsText);
            while (uc.find()) {
                declaredUnits.putIfAbsent(uc.group(1), uc.group(2));
            }
            Matcher qp = QUANTITY_PATTERN.matcher(lhsText);
            while (qp.find()) {
                String pattern = String.join(",", arguments(lhsText, qp.end()));
                Matcher n = NAME_IS.matcher(pattern);
                if (n.find() && AT_MOST_ZERO.matcher(pattern).find()) {
                    signed.add(n.group(1));
                }
            }
            Matcher sp = SETTING_PATTERN.matcher(lhsText);
            while (sp.find()) {
                settings.add(sp.group(1));
            }
            Matcher not = NOT_QUANTITY.matcher(lhsText);
            List<String> absent = new ArrayList<>();
            StringBuilder positive = new StringBuilder();
            while (not.find()) {
                absent.addAll(literals(not.group(1)));
                not.appendReplacement(positive, " ");
            }
            not.appendTail(positive);
            List<String> reads = literals(positive.toString());
            String header = text.substring(m.end(), rhs);
            boolean optional = java.util.regex.Pattern.compile("(?m)^\\s*@optional\\b").matcher(header).find();
            List<Double> uncertain = uncertain(header);
            Matcher range = RANGE.matcher(header);
            if (range.find()) {
                llmcap.domain.ValueRange.parse(range.group(1), "@range " + file.display() + ":" + line)
                        .ifPresent(r -> derives.keySet().forEach(n -> ranges.putIfAbsent(n, r)));
            }
            rules.putIfAbsent(pkg + "/" + name, new RuleInfo(name, pkg, file.display(), line, reads, absent, derives,
                    optional, uncertain));
        }
    }

    /**
     * The quantity names a condition text mentions. A literal that begins a concatenation,
     * {@code name == ("gpu.flops_" + $dtype)}, stands for every name with that prefix: it is kept as
     * {@code gpu.flops_*} (see {@link #isPrefix}).
     */
    private static final Pattern UNCERTAIN = Pattern.compile("(?m)^\\s*@uncertain\\s*\\(([^)]*)\\)");

    /** The factors of {@code @uncertain(low, high)} or {@code @uncertain(low, mode, high)}, or none. */
    private static List<Double> uncertain(String header) {
        Matcher m = UNCERTAIN.matcher(header);
        if (!m.find()) {
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
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

    private static List<String> literals(String s) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = LITERAL.matcher(s);
        while (m.find()) {
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean prefix = next < s.length() && s.charAt(next) == '+';
            out.add(prefix ? m.group(1) + "*" : m.group(1));
        }
        return new ArrayList<>(out);
    }

    /** True for a name pattern such as {@code gpu.flops_*}: any name that starts with what precedes the star. */
    public static boolean isPrefix(String name) {
        return name.endsWith("*");
    }

    /** True when {@code name} is {@code pattern} or, for a prefix pattern, starts with its prefix. */
    public static boolean matches(String pattern, String name) {
        return isPrefix(pattern) ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(name);
    }

    /** name -> unit for every {@code new Quantity("name", ..., "unit")} in an action. */
    private static Map<String, String> creations(String rhs) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = NEW_QUANTITY.matcher(rhs);
        while (m.find()) {
            List<String> args = arguments(rhs, m.end());
            if (args.isEmpty()) {
                continue;
            }
            String name = unquote(args.get(0));
            if (name != null && Quantity.isValidName(name)) {
                String unit = args.size() == 3 ? unquote(args.get(2)) : null;
                out.put(name, unit == null ? "" : unit);
            }
        }
        return out;
    }

    /** The top-level comma-separated arguments of the call whose '(' ends just before {@code from}. */
    private static List<String> arguments(String s, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        boolean inString = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                args.add(s.substring(start, i).strip());
                return args;
            } else if (c == ',' && depth == 0) {
                args.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        return List.of();
    }

    private static String unquote(String arg) {
        return arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"") ? arg.substring(1, arg.length() - 1) : null;
    }

    /** Replaces comments by spaces (keeping newlines) so commented-out rules are not indexed. */
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

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

package llmcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import llmcap.app.Folder;
import llmcap.app.Result;
import llmcap.app.Selection;
import llmcap.app.Timings;
import llmcap.app.UsageException;
import llmcap.app.Workspace;
import llmcap.catalog.CatalogException;
import llmcap.catalog.UnknownIdException;
import llmcap.cli.CliTestSupport;
import llmcap.cli.CliTestSupport.Run;
import llmcap.engine.Derivation;
import llmcap.engine.RuleBook;
import llmcap.engine.RuleException;
import llmcap.report.EstimateReport;
import llmcap.report.JsonReport;
import llmcap.report.TextReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of randomly broken copies of the real catalog files ({@code gpus.yaml}, {@code models.yaml} and
 * the article's scenario): a line deleted, a value deleted, a number swapped for a word, a negative, zero, a
 * huge number or {@code .nan}, garbage characters or a tab inserted, the file cut at a random byte, a line
 * duplicated, an indentation changed, a key misspelt, an alias or tag inserted. Each mutant replaces its file
 * in a temp catalog (the other files intact) and is estimated through {@link Workspace} (load and estimate of
 * the default scenario); every {@value #CLI_EVERY}th also through {@code llmcap estimate --catalog-only DIR --format
 * json} in-process. Each must either succeed with every number finite (no NaN or Infinity anywhere in the
 * JSON) or fail with an llmcap exception whose message is one line naming the file ({@code catalog/...}) or the
 * rule; never any other exception. The seed is fixed, so a failure reproduces; the message names the mutant.
 */
class MutationFuzzTest {

    private static final long SEED = 20_240_611L;
    private static final int MUTANTS = 3_300;
    private static final int CLI_EVERY = 20;
    private static final String[] FILES = {"gpus.yaml", "models.yaml", "families.yaml", "scenarios/chatgpt-2023-01.yaml"};

    /** What replaces a number: words, signs, zero, huge and tiny values, YAML's specials, malformed numbers. */
    private static final String[] REPLACEMENTS = {"-1", "-0", "0", "0.0", "-175e9", "1e308", "1.8e308", "1e999",
        "-1e308", "1e-320", "4.9e-324", ".nan", ".NaN", ".inf", "-.inf", "+.inf", "99999999999999999999999999999999",
        "0x10", "0o17", "1_000_", "1__0", "1e", "+", "-", "1.2.3", "1,000", "80GB", "many", "eighty", "TBD", "null",
        "~", "yes", "true", "''", "[]", "{}", "[1, 2]", "{a: 1}"};
    private static final String GARBAGE = ":{}[]&*!|>'\"%@`#,?-\\\t\u0000\u00ff\u2028\ufeff\u00e9";
    private static final String[] ALIASES_AND_TAGS = {"*undefined", "&anchor 1", "!!binary aGVsbG8=",
        "!!python/object:os.system", "!!str 80", "!!int 80", "!!float .nan", "!!map {}", "!!seq []",
        "!<tag:yaml.org,2002:java.lang.Runtime> x", "!custom 5"};

    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\w.\\-])[-+]?(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?(?![\\w.])");
    private static final Pattern VALUE_LINE = Pattern.compile("^(\\s*(?:- )?[\\w.]+:)\\s+\\S.*$");
    private static final Pattern DATA_LINE = Pattern.compile("^\\s*[^#\\s].*$");
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*(?:- )?)([\\w.]+)(:.*)$");
    private static final Pattern BARE_NON_FINITE = Pattern.compile("[:\\[,]\\s*-?(NaN|Infinity)\\b");
    private static final Pattern DEVIATION_NON_FINITE = Pattern.compile("\"deviation_percent\": -?(NaN|Infinity)");
    private static final Pattern TEXT_NON_FINITE = Pattern.compile("(?<![.\\w'])(NaN|Infinity)(?![\\w'])");
    private static final Pattern TEXT_DEVIATION_NON_FINITE = Pattern.compile("(?<![.\\w])[-+]?(NaN|Infinity) %"); // not a user's own note quoted back

    private enum Op { DELETE_LINE, DELETE_VALUE, SWAP_NUMBER, GARBAGE, TAB, TRUNCATE, DUPLICATE_LINE, INDENT,
        SWAP_LINES, KEY_TYPO, ALIAS_OR_TAG }

    /** Numbers are the most common thing to get wrong, so swapping one is drawn three times as often. */
    private static final Op[] OPS = {Op.DELETE_LINE, Op.DELETE_VALUE, Op.SWAP_NUMBER, Op.SWAP_NUMBER, Op.SWAP_NUMBER,
        Op.GARBAGE, Op.TAB, Op.TRUNCATE, Op.DUPLICATE_LINE, Op.INDENT, Op.SWAP_LINES, Op.KEY_TYPO, Op.ALIAS_OR_TAG};

    private enum Outcome { ACCEPTED, CATALOG, RULES, USAGE, OTHER }

    /** Workspace keeps its compiled rules in this field; sharing one rule set keeps a mutant at a few ms. */

    @TempDir
    Path tmp;

    /**
     * One run of all the mutants. It also checks that the run tested what it claims: every operator was
     * drawn, mutants were both refused and accepted (an estimate of a broken file that still loads), and
     * no accepted mutant came out with a negative GPU count (the engine refuses negative counts).
     */
    @Test
    void everyMutantIsRefusedWithOneClearLineOrEstimatedWithFiniteNumbers() throws IOException {
        fuzz();
    }

    private void fuzz() throws IOException {
        Path rulesDir = tmp.resolve("rules");
        CliTestSupport.copyTree(Path.of("rules"), rulesDir);
        Path cat = tmp.resolve("catalog");
        Files.createDirectories(cat.resolve("scenarios"));
        byte[][] originals = new byte[FILES.length][];
        for (int i = 0; i < FILES.length; i++) {
            originals[i] = Files.readAllBytes(Path.of("catalog").resolve(FILES[i]));
            Files.write(cat.resolve(FILES[i]), originals[i]);
        }
        Folder rules = new Folder(rulesDir, "rules");
        Folder catalog = new Folder(cat, "catalog");
        Workspace base = new Workspace(rules, catalog, new Timings());
        base.estimate(Selection.defaults()); // the unbroken copy estimates: every failure below is the mutant's
        RuleBook book = base.rules();

        Random rnd = new Random(SEED);
        Map<Outcome, Integer> outcomes = new TreeMap<>();
        Map<Op, Integer> ops = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int negative = 0;
        int cliRuns = 0;
        long start = System.nanoTime();
        for (int i = 0; i < MUTANTS; i++) {
            int fi = i % FILES.length;
            StringBuilder what = new StringBuilder("mutant #" + i + " of " + FILES[fi] + ":");
            byte[] mutant = mutate(originals[fi], rnd, what, ops);
            if (rnd.nextInt(100) < 15) {
                mutant = mutate(mutant, rnd, what.append(" then"), ops);
            }
            Files.write(cat.resolve(FILES[fi]), mutant);

            Check c = viaWorkspace(rules, catalog, book);
            outcomes.merge(c.outcome, 1, Integer::sum);
            negative += c.negative ? 1 : 0;
            if (c.problem != null) {
                problems.add(what + "\n    " + c.problem);
            }
            if (i % CLI_EVERY == 0) {
                cliRuns++;
                String p = viaCommandLine(cat, rulesDir, c.outcome);
                if (p != null) {
                    problems.add(what + "\n    command line: " + p);
                }
            }
            Files.write(cat.resolve(FILES[fi]), originals[fi]);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        int accepted = outcomes.getOrDefault(Outcome.ACCEPTED, 0);
        System.out.printf("MutationFuzzTest: %,d mutants: %,d refused with a clear message (catalog %,d, rules %,d, "
                        + "usage %,d), %,d accepted (every quantity finite; %,d of them with a negative GPU count)%n",
                MUTANTS, MUTANTS - accepted - outcomes.getOrDefault(Outcome.OTHER, 0),
                outcomes.getOrDefault(Outcome.CATALOG, 0), outcomes.getOrDefault(Outcome.RULES, 0),
                outcomes.getOrDefault(Outcome.USAGE, 0), accepted, negative);
        System.out.printf("MutationFuzzTest: %,d also run as `llmcap estimate --catalog-only DIR --format json`; "
                        + "operators %s; seed %d; %d s%n", cliRuns, ops, SEED, seconds);
        assertTrue(problems.isEmpty(), problems.size() + " mutants broke the contract; the first ones:\n"
                + String.join("\n", problems.subList(0, Math.min(15, problems.size()))));
        assertEquals(0, outcomes.getOrDefault(Outcome.OTHER, 0));
        assertEquals(java.util.EnumSet.allOf(Op.class), java.util.EnumSet.copyOf(ops.keySet()), "operators never drawn");
        assertTrue(accepted > 0 && outcomes.getOrDefault(Outcome.CATALOG, 0) > 0,
                "the mutants must exercise both paths, acceptance and refusal: " + outcomes);
        assertEquals(0, negative, "accepted mutants with a negative GPU count");
    }

    // --- one mutant --------------------------------------------------------------------------------------

    private record Check(Outcome outcome, String problem, boolean negative) {
    }

    private static Check viaWorkspace(Folder rules, Folder catalog, RuleBook book) {
        Workspace w = new Workspace(rules, book, catalog, new Timings()); // one compiled rule set for all mutants
        try {
            Result r = w.estimate(Selection.defaults());
            boolean negative = false;
            for (Derivation d : r.estimate().all()) {
                if (d.isSetting()) {
                    continue;
                }
                double v = d.quantity().value();
                if (!Double.isFinite(v)) {
                    return new Check(Outcome.ACCEPTED, "accepted with " + d.name() + " = " + v, false);
                }
                String unit = d.quantity().unit();
                negative |= v < 0 && unit.equals("GPU");
            }
            EstimateReport report = EstimateReport.of(r, w.headline(), w.rules().index().names());
            return new Check(Outcome.ACCEPTED, reportProblem(JsonReport.render(report), TextReport.render(report)), negative);
        } catch (CatalogException e) {
            return new Check(Outcome.CATALOG, message(e.getMessage(), "catalog/"), false);
        } catch (RuleException e) {
            if (e.blame() == RuleException.Blame.SCENARIO) { // an action failed on a word the scenario gives
                return new Check(Outcome.CATALOG, message(e.getMessage(), "catalog/"), false);
            }
            String p = e.lines().size() == 1 ? null : "a rule error of " + e.lines().size() + " lines: " + e.getMessage();
            if (p == null && !e.lines().get(0).matches("(rules[/:]|[a-z][\\w.]* has two values: ).*")) {
                p = "a rule error that names no rule file: " + e.getMessage();
            }
            return new Check(Outcome.RULES, p != null ? p : message(e.getMessage(), ""), false);
        } catch (UsageException | UnknownIdException e) {
            return new Check(Outcome.USAGE, message("llmcap: " + e.getMessage(), "llmcap: "), false);
        } catch (Throwable t) { // anything else is a bug, StackOverflowError included
            return new Check(Outcome.OTHER, "threw " + t, false);
        }
    }

    /**
     * The problem with the reports of an accepted mutant, or null: a NaN or an Infinity printed as a number in the
     * JSON or the text report. (A ".nan" quoted back from a mutated source text is not a number, hence the regex.)
     */
    private static String reportProblem(String json, String text) {
        boolean deviation = DEVIATION_NON_FINITE.matcher(json).find() || TEXT_DEVIATION_NON_FINITE.matcher(text).find();
        String jsonRest = DEVIATION_NON_FINITE.matcher(json).replaceAll("");
        String textRest = TEXT_DEVIATION_NON_FINITE.matcher(text).replaceAll("");
        if (BARE_NON_FINITE.matcher(jsonRest).find()) {
            return "NaN or Infinity in the JSON report: " + around(jsonRest, BARE_NON_FINITE);
        }
        if (TEXT_NON_FINITE.matcher(textRest).find()) {
            return "NaN or Infinity in the text report: " + around(textRest, TEXT_NON_FINITE);
        }
        return deviation ? "non-finite deviation_percent in the reports (a published figure of 0 or nearly 0)" : null;
    }

    private static String around(String s, Pattern p) {
        Matcher m = p.matcher(s);
        return m.find() ? s.substring(Math.max(0, m.start() - 80), Math.min(s.length(), m.end() + 40)) : "";
    }

    /** The problem with a failure's message, or null: one line, starting as it should, no exception or NaN. */
    private static String message(String m, String prefix) {
        if (m == null || m.isBlank()) {
            return "an empty message";
        }
        if (m.contains("\n") || m.contains("\r")) {
            return "a message of more than one line: " + m;
        }
        if (!m.startsWith(prefix)) {
            return "a message not starting with '" + prefix + "': " + m;
        }
        if (m.contains("Exception")) {
            return "an exception name in the message: " + m;
        }
        if (unquoted(m).contains("NaN")) {
            return "NaN in message: " + m;
        }
        return null;
    }

    /** The text without its quoted parts: a NaN quoted back from the file ('.NaN') is the user's, not llmcap's. */
    private static String unquoted(String s) {
        return s.replaceAll("'[^'\\n]*'", "''");
    }

    private static String viaCommandLine(Path cat, Path rulesDir, Outcome expected) {
        Run r;
        try {
            r = CliTestSupport.run("estimate", "--catalog-only", cat.toString(), "--rules", rulesDir.toString(), "--format",
                    "json");
        } catch (Throwable t) {
            return "threw " + t;
        }
        Outcome got = switch (r.exit()) {
            case 0 -> Outcome.ACCEPTED;
            case 2 -> Outcome.USAGE;
            case 3 -> Outcome.CATALOG;
            case 4 -> Outcome.RULES;
            default -> Outcome.OTHER;
        };
        if (got != expected) {
            return "exit " + r.exit() + " but the Workspace gave " + expected + "\n" + r.describe();
        }
        for (String line : r.errLines()) {
            if (line.startsWith("\tat ") || line.contains("Exception") || line.contains("internal error")) {
                return "stack trace or exception on stderr\n" + r.describe();
            }
        }
        if (got == Outcome.ACCEPTED) {
            if (!r.err().isEmpty()) {
                return "stderr not empty on success\n" + r.describe();
            }
            if (BARE_NON_FINITE.matcher(r.out()).find()) {
                String rest = DEVIATION_NON_FINITE.matcher(r.out()).replaceAll("");
                return BARE_NON_FINITE.matcher(rest).find()
                        ? "NaN or Infinity in the JSON\n" + r.describe()
                        : "non-finite deviation_percent in the reports (a published figure of 0 or nearly 0)";
            }
            List<String> bad = new ArrayList<>();
            finite(JsonParser.parseString(r.out()), "$", bad);
            return bad.isEmpty() ? null : "non-finite numbers in the JSON at " + bad;
        }
        if (!r.out().isEmpty()) {
            return "stdout not empty on failure\n" + r.describe();
        }
        if (unquoted(r.err()).contains("NaN")) {
            return "NaN in message\n" + r.describe();
        }
        String first = r.firstErrLine();
        boolean named = first.startsWith(cat + "/") || first.startsWith("llmcap") || first.startsWith(rulesDir + "/")
                || first.matches("[a-z][\\w.]* has two values: .*");
        if (!named || got != Outcome.USAGE && r.errLines().size() != 1) {
            return "stderr is not one line naming the file or llmcap\n" + r.describe();
        }
        return null;
    }

    private static void finite(JsonElement e, String path, List<String> bad) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            if (!Double.isFinite(e.getAsDouble())) {
                bad.add(path);
            }
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                finite(e.getAsJsonArray().get(i), path + "[" + i + "]", bad);
            }
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(m -> finite(m.getValue(), path + "." + m.getKey(), bad));
        }
    }

    // --- mutation operators ------------------------------------------------------------------------------

    private static byte[] mutate(byte[] original, Random rnd, StringBuilder what, Map<Op, Integer> ops) {
        Op op = OPS[rnd.nextInt(OPS.length)];
        ops.merge(op, 1, Integer::sum);
        if (op == Op.TRUNCATE) { // on bytes: may cut a multi-byte character in two
            int at = rnd.nextInt(original.length + 1);
            what.append(" truncated at byte ").append(at);
            return Arrays.copyOf(original, at);
        }
        String text = new String(original, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int n = line(lines, rnd);
        switch (op) {
            case DELETE_LINE -> {
                what.append(" deleted line ").append(n + 1).append(": ").append(lines.get(n).strip());
                lines.remove(n);
            }
            case DELETE_VALUE -> {
                int at = pick(lines, VALUE_LINE, rnd);
                if (at >= 0) {
                    Matcher m = VALUE_LINE.matcher(lines.get(at));
                    m.matches();
                    what.append(" deleted the value of line ").append(at + 1).append(": ").append(lines.get(at).strip());
                    lines.set(at, m.group(1));
                }
            }
            case SWAP_NUMBER -> {
                List<int[]> found = new ArrayList<>();
                Matcher m = NUMBER.matcher(text);
                while (m.find()) {
                    if (!isComment(text, m.start())) {
                        found.add(new int[] {m.start(), m.end()});
                    }
                }
                if (!found.isEmpty()) {
                    int[] s = found.get(rnd.nextInt(found.size()));
                    String to = REPLACEMENTS[rnd.nextInt(REPLACEMENTS.length)];
                    what.append(" line ").append(lineOf(text, s[0])).append(": ").append(text, s[0], s[1])
                            .append(" -> ").append(to);
                    return (text.substring(0, s[0]) + to + text.substring(s[1])).getBytes(StandardCharsets.UTF_8);
                }
            }
            case GARBAGE -> {
                int at = rnd.nextInt(text.length() + 1);
                StringBuilder g = new StringBuilder();
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    g.append(GARBAGE.charAt(rnd.nextInt(GARBAGE.length())));
                }
                what.append(" inserted ").append(escape(g)).append(" at line ").append(lineOf(text, at));
                return (text.substring(0, at) + g + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case TAB -> {
                String l = lines.get(n);
                int at = rnd.nextBoolean() ? 0 : rnd.nextInt(l.length() + 1);
                what.append(" a tab at line ").append(n + 1).append(" column ").append(at + 1);
                lines.set(n, l.substring(0, at) + "\t" + l.substring(at));
            }
            case DUPLICATE_LINE -> {
                what.append(" duplicated line ").append(n + 1).append(": ").append(lines.get(n).strip());
                lines.add(n, lines.get(n));
            }
            case INDENT -> {
                String l = lines.get(n);
                int k = 1 + rnd.nextInt(4);
                if (rnd.nextBoolean() && l.startsWith(" ")) {
                    int strip = Math.min(k, l.length() - l.stripLeading().length());
                    lines.set(n, l.substring(strip));
                    what.append(" unindented line ").append(n + 1).append(" by ").append(strip);
                } else {
                    lines.set(n, " ".repeat(k) + l);
                    what.append(" indented line ").append(n + 1).append(" by ").append(k);
                }
            }
            case SWAP_LINES -> {
                if (n + 1 < lines.size()) {
                    what.append(" swapped lines ").append(n + 1).append(" and ").append(n + 2);
                    String l = lines.get(n);
                    lines.set(n, lines.get(n + 1));
                    lines.set(n + 1, l);
                }
            }
            case KEY_TYPO -> {
                int at = pick(lines, KEY_LINE, rnd);
                if (at >= 0) {
                    Matcher m = KEY_LINE.matcher(lines.get(at));
                    m.matches();
                    String key = m.group(2);
                    int c = rnd.nextInt(key.length());
                    String typo = switch (rnd.nextInt(3)) {
                        case 0 -> key.substring(0, c) + key.substring(c + 1);
                        case 1 -> key.substring(0, c) + key.charAt(c) + key.substring(c);
                        default -> key.substring(0, c) + 'x' + key.substring(c);
                    };
                    what.append(" key at line ").append(at + 1).append(": ").append(key).append(" -> ").append(typo);
                    lines.set(at, m.group(1) + typo + m.group(3));
                }
            }
            case ALIAS_OR_TAG -> {
                int at = pick(lines, VALUE_LINE, rnd);
                if (at >= 0) {
                    Matcher m = VALUE_LINE.matcher(lines.get(at));
                    m.matches();
                    String to = ALIASES_AND_TAGS[rnd.nextInt(ALIASES_AND_TAGS.length)];
                    what.append(" value at line ").append(at + 1).append(" -> ").append(to);
                    lines.set(at, m.group(1) + " " + to);
                }
            }
            default -> throw new IllegalStateException("unhandled " + op);
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** A random line; nine times in ten one that holds data, not a comment or a blank line. */
    private static int line(List<String> lines, Random rnd) {
        if (rnd.nextInt(10) == 0) {
            return rnd.nextInt(lines.size());
        }
        int at = pick(lines, DATA_LINE, rnd);
        return at >= 0 ? at : rnd.nextInt(lines.size());
    }

    private static boolean isComment(String text, int offset) {
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        return text.substring(start, offset).strip().startsWith("#");
    }

    /** A random line matching {@code p}, or -1 if none does. */
    private static int pick(List<String> lines, Pattern p, Random rnd) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).matches()) {
                at.add(i);
            }
        }
        return at.isEmpty() ? -1 : at.get(rnd.nextInt(at.size()));
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String escape(CharSequence s) {
        StringBuilder out = new StringBuilder("'");
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append("'").toString();
    }
}

package llmcap.serve;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import llmcap.app.Problem;
import llmcap.app.Result;
import llmcap.app.Selection;
import llmcap.app.Workspace;
import llmcap.catalog.Catalog;
import llmcap.catalog.Scenario;
import llmcap.catalog.ScenarioLoader;
import llmcap.catalog.Yaml;
import llmcap.domain.Utf8;

/**
 * Reads what a request asks for and checks it before anything is computed, so a mistake comes back
 * naming the parameter and value at fault. Scenarios, models and GPUs are ids looked up in the
 * snapshot's catalog, never paths: nothing a request sends is ever opened as a file.
 */
final class Requests {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    private Requests() {
    }

    /** What to estimate, checked against the catalog; {@code sets} keeps each {@code set} as typed. */
    record Ask(Scenario scenario, Optional<String> model, Optional<String> gpu, Map<String, String> sets,
               List<String> typedSets) {
    }

    static Problem usage(String message, String parameter, String value) {
        return Problem.of(Problem.Kind.USAGE, message).about(parameter, value);
    }

    /** A catalog id from parameter {@code name}; anything else than letters, digits and {@code . _ - +} is refused. */
    static String id(String name, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw usage(name + " '" + value + "' is not an id (letters, digits, '.', '_', '-', '+'; at most 128)",
                    name, value).failure();
        }
        return value;
    }

    /** The ids of a parameter given as {@code a,b} and/or repeated; empty when absent. */
    static List<String> ids(Context ctx, String name) {
        List<String> out = new ArrayList<>();
        for (String v : ctx.queryParams(name)) {
            for (String one : v.split(",", -1)) {
                out.add(id(name, one.strip()));
            }
        }
        return out;
    }

    static Optional<String> optionalId(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(id(name, v));
    }

    /** The selection of a GET: {@code scenario}, {@code model}, {@code gpu}, {@code set} (repeatable). */
    static Ask ask(Context ctx, Catalog catalog, Limits limits) {
        return ask(ctx, catalog, limits, scenario(ctx, catalog), true);
    }

    /** The scenario and sets of a request whose {@code gpu} and {@code model} are lists (compare). */
    static Ask askForEach(Context ctx, Catalog catalog, Limits limits) {
        return ask(ctx, catalog, limits, scenario(ctx, catalog), false);
    }

    private static Scenario scenario(Context ctx, Catalog catalog) {
        String scenario = optionalId(ctx, "scenario").orElse(Selection.DEFAULT_SCENARIO);
        return lookUp("scenario", scenario, () -> catalog.scenario(scenario));
    }

    /** The selection around a given scenario (an inline one, or one named by id). */
    static Ask ask(Context ctx, Catalog catalog, Limits limits, Scenario s) {
        return ask(ctx, catalog, limits, s, true);
    }

    private static Ask ask(Context ctx, Catalog catalog, Limits limits, Scenario s, boolean ids) {
        Optional<String> model = ids ? optionalId(ctx, "model") : Optional.empty();
        Optional<String> gpu = ids ? optionalId(ctx, "gpu") : Optional.empty();
        model.ifPresent(m -> lookUp("model", m, () -> catalog.model(m)));
        gpu.ifPresent(g -> lookUp("gpu", g, () -> catalog.gpu(g)));
        List<String> typed = ctx.queryParams("set");
        if (typed.size() > limits.maxSets()) {
            throw Problem.of(Problem.Kind.TOO_LARGE, typed.size() + " set parameters; at most " + limits.maxSets())
                    .about("set", null).failure();
        }
        Map<String, String> sets;
        try {
            sets = Selection.parseSets(typed);
        } catch (RuntimeException e) {
            throw Problem.of(e).about("set", typedNamed(typed, e.getMessage())).failure();
        }
        return new Ask(s, model, gpu, sets, typed);
    }

    /** The estimate asked for; a {@code set} the rules refuse comes back naming it. */
    static Result estimate(Workspace w, Ask a) {
        try {
            return w.estimate(a.scenario(), a.model(), a.gpu(), a.sets());
        } catch (llmcap.app.UsageException e) {
            throw (e.getMessage().startsWith("--set ") ? Problem.of(e).about("set", typedNamed(a.typedSets(),
                    e.getMessage())) : Problem.of(e)).failure();
        }
    }

    /** A scenario sent in the body, as YAML or JSON (JSON is YAML too), at most {@code limits.maxBodyBytes()}. */
    static Scenario inlineScenario(Context ctx, Catalog catalog, Limits limits) {
        byte[] body = body(ctx, limits.maxBodyBytes());
        String text = Utf8.decodeOrNull(body);
        if (text == null) {
            throw usage("request body: not valid UTF-8 text", "body", null).failure();
        }
        Scenario s = ScenarioLoader.load(Yaml.parse(text, "request"));
        catalog.checkScenario(s);
        return s;
    }

    private static byte[] body(Context ctx, int limit) {
        if (ctx.contentLength() > limit) {
            throw tooLarge(ctx.contentLength(), limit).failure();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(-1, limit).failure();
            }
            if (bytes.length == 0) {
                throw usage("request body: empty; send a scenario as YAML or JSON", "body", null).failure();
            }
            return bytes;
        } catch (IOException e) {
            throw Problem.of(Problem.Kind.USAGE, "request body: cannot be read (" + e.getMessage() + ")").failure();
        }
    }

    private static Problem tooLarge(long size, int limit) {
        return Problem.of(Problem.Kind.TOO_LARGE, "request body" + (size > 0 ? " of " + size + " bytes" : "")
                + " is over the limit of " + limit + " bytes").about("body", null);
    }

    private static <T> T lookUp(String parameter, String id, java.util.function.Supplier<T> find) {
        try {
            return find.get();
        } catch (RuntimeException e) {
            throw Problem.of(e).about(parameter, id).failure();
        }
    }

    /** The {@code set} a message is about ({@code --set NAME...}), as the request typed it. */
    private static String typedNamed(List<String> typed, String message) {
        for (String t : typed) {
            String name = t.contains("=") ? t.substring(0, t.indexOf('=')).strip() : t;
            if (!name.isEmpty() && (message.startsWith("--set " + name + ":") || message.startsWith("--set " + name + " ")
                    || message.startsWith("--set '" + t + "'"))) {
                return t;
            }
        }
        return typed.isEmpty() ? null : String.join("&", typed);
    }
}

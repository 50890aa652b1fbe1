package llmcap.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import llmcap.app.Folder;
import llmcap.app.HeadlineSpec;
import llmcap.app.Result;
import llmcap.catalog.Scenario;
import llmcap.catalog.Scenario.Kind;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import llmcap.domain.Setting;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;

/**
 * A small estimate made by hand, with round numbers, so that each renderer's output can be written out
 * by hand in {@code src/test/resources/renderers/}. Nothing here comes from the bundled rules: a 10B
 * model in 16-bit weights (20 GB) on an 80 GB GPU, 2 GPUs per replica, 20 replicas (40 GPUs) at
 * $2.50 per GPU-hour: 40 x 24 x 2.5 = $2,400 a day for 1.2e9 tokens a day, $2 per million tokens.
 * TTFT 250 ms against a 2 s target (met), TPOT 50 ms against 40 ms (missed).
 */
final class ReportFixture {

    private ReportFixture() {
    }

    static final String SCENARIO_FILE = "fixtures/chat.yaml";

    private static Derivation catalog(String name, double value, String unit, String entry, String file) {
        return new Derivation(new Quantity(name, value, unit),
                Origin.catalog(file, entry, "fixture: \"hand-made\", 2026"), List.of());
    }

    private static Derivation scenario(String name, double value, String unit, int line) {
        return new Derivation(new Quantity(name, value, unit), Origin.scenario(SCENARIO_FILE, line, "the planner"),
                List.of());
    }

    private static Derivation rule(String name, double value, String unit, String rule, String where, String... inputs) {
        return new Derivation(new Quantity(name, value, unit), Origin.rule(rule, where, false), List.of(inputs));
    }

    static Estimate estimate() {
        return Estimate.of(List.of(
                catalog("model.params", 10e9, "param", "m-10b", "catalog/models.yaml"),
                catalog("gpu.memory_bytes", 80e9, "B", "g-80", "catalog/gpus.yaml"),
                catalog("gpu.tdp_w", 700, "W", "g-80", "catalog/gpus.yaml"),
                new Derivation(new Setting("inference.weight_dtype", "bf16"),
                        Origin.scenario(SCENARIO_FILE, 8, "the planner"), List.of()),
                new Derivation(new Quantity("inference.bytes_per_param", 2, "B/param"),
                        Origin.rule("inference.bytes_per_param = bytes of inference.weight_dtype", "rules/precision.drl:25",
                                true), List.of("inference.weight_dtype")),
                scenario("serving.daily_tokens", 1.2e9, "token/day", 10),
                scenario("serving.ttft_target_s", 2, "s", 12),
                scenario("serving.tpot_target_s", 0.04, "s", 13),
                scenario("cost.usd_per_gpu_hour", 2.5, "USD/GPU-h", 14),
                rule("inference.weights_bytes", 20e9, "B", "inference.weights_bytes = model.params x inference.bytes_per_param",
                        "rules/inference.drl:19", "model.params", "inference.bytes_per_param"),
                rule("inference.gpus_per_replica", 2, "GPU", "inference.gpus_per_replica = ceil(8 x weights / memory)",
                        "rules/inference.drl:74", "inference.weights_bytes", "gpu.memory_bytes"),
                rule("serving.replicas", 20, "replica", "serving.replicas = replicas for the traffic, within the targets",
                        "rules/serving.drl:109", "serving.daily_tokens", "serving.ttft_target_s", "serving.tpot_target_s"),
                rule("serving.gpus", 40, "GPU", "serving.gpus = inference.gpus_per_replica x serving.replicas",
                        "rules/serving.drl:73", "inference.gpus_per_replica", "serving.replicas"),
                rule("serving.ttft_s", 0.25, "s", "serving.ttft_s = prefill + one step", "rules/step.drl:190",
                        "inference.weights_bytes"),
                rule("serving.tpot_s", 0.05, "s", "serving.tpot_s = one decode step", "rules/step.drl:182",
                        "inference.weights_bytes"),
                new Derivation(new Setting("serving.binding_constraint", "memory"),
                        Origin.rule("serving.binding_constraint = memory", "rules/serving.drl:90", false),
                        List.of("serving.replicas")),
                rule("cost.serving_daily_usd", 2400, "USD/day", "cost.serving_daily_usd = serving.gpus x 24 h x price",
                        "rules/cost.drl:49", "serving.gpus", "cost.usd_per_gpu_hour"),
                rule("cost.usd_per_million_tokens", 2, "USD/Mtoken",
                        "cost.usd_per_million_tokens = cost.serving_daily_usd / (serving.daily_tokens / 1e6)",
                        "rules/cost.drl:65", "cost.serving_daily_usd", "serving.daily_tokens")));
    }

    static Scenario scenario() {
        return new Scenario("fixture-chat", "A small hand-made serving estimate", SCENARIO_FILE, "hand-made for the tests",
                "m-10b", "g-80", Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new Scenario.PublishedFigure("1", "serving.gpus", 38, "GPUs for serving, as published", "", 20)),
                Map.of(), Kind.SERVING);
    }

    static Result result() {
        return new Result(scenario(), "m-10b", "g-80", estimate(), List.of("a hand-made note"),
                new Folder(Path.of("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"));
    }

    private static HeadlineSpec.Figure figure(String name, String label, String target, Set<Kind> kinds) {
        return new HeadlineSpec.Figure(List.of(name), label, Optional.ofNullable(target), kinds, 1);
    }

    /**
     * Serving and cost sections for every kind, a training section for training only (not shown), a
     * figure the rules know but did not derive (shown as not derived) and one they do not know (left out).
     */
    static HeadlineSpec headline() {
        Set<Kind> all = Set.of(Kind.values());
        return new HeadlineSpec("fixtures/headline.yaml", List.of(
                new HeadlineSpec.Section("serving", List.of(
                        figure("serving.gpus", "GPUs for serving", null, all),
                        figure("inference.gpus_per_replica", "GPUs per replica", null, all),
                        figure("serving.batch_size", "requests per batch", null, all),
                        figure("serving.ttft_s", "time to first token", "serving.ttft_target_s", all),
                        figure("serving.tpot_s", "time per output token", "serving.tpot_target_s", all),
                        figure("serving.binding_constraint", "GPUs sized by", null, all))),
                new HeadlineSpec.Section("training", List.of(
                        figure("training.gpus", "GPUs for training", null, Set.of(Kind.TRAINING)))),
                new HeadlineSpec.Section("cost", List.of(
                        figure("cost.usd_per_million_tokens", "cost per million tokens", null, all),
                        figure("cost.usd_per_gpu_hour", "price per GPU-hour", null, all),
                        figure("energy.unknown_kwh", "a name these rules do not know", null, all)))),
                Map.of(), Map.of());
    }

    /** Every name the fixture's rules know: what the estimate holds, and serving.batch_size and training.gpus. */
    static Set<String> known() {
        Set<String> names = new java.util.TreeSet<>(estimate().names());
        names.add("serving.batch_size");
        names.add("training.gpus");
        return names;
    }

    static EstimateReport report() {
        return EstimateReport.of(result(), headline(), known());
    }
}

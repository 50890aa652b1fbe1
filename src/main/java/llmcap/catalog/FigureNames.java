package llmcap.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every figure a catalog entry can give the rules, with its unit, whatever the entries hold: what
 * {@code rules --check} counts as produced by the catalog. The loaders accept only their own fields
 * ({@code allowOnly}), so these are all there can be; a test checks every figure of the bundled
 * catalog is among them.
 */
public final class FigureNames {

    private FigureNames() {
    }

    /** {@code gpus.yaml}: figure key (as the rules see it after {@code gpu.}) to unit. */
    public static Map<String, String> gpu() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("memory_bytes", "B");
        m.put("memory_label_bytes", "B");
        m.put("bandwidth_bytes_per_s", "B/s");
        m.put("interconnect_bytes_per_s", "B/s");
        m.put("network_bytes_per_s", "B/s");
        m.put("tdp_w", "W");
        GpuLoader.PRECISIONS.forEach(p -> m.put("flops_" + p, "FLOP/s"));
        m.put("rental_usd_per_hour", "USD/GPU-h");
        m.put("purchase_usd", "USD");
        return Collections.unmodifiableMap(m);
    }

    /** {@code models.yaml} (and {@code catalog import-hf}): figure key to unit. */
    public static Map<String, String> model() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("params", "param");
        m.put("active_params", "param");
        m.put("checkpoint_bytes", "B");
        ModelLoader.ARCHITECTURE.forEach(k -> m.put(k, "1"));
        m.put("training_pf_days", "PF-day");
        m.put("training_flops", "FLOP");
        m.put("training_tokens", "token");
        m.put("training_sequence_tokens", "token");
        m.put("run_gpus", "GPU");
        m.put("run_achieved_flops_per_gpu", "FLOP/s");
        m.put("run_gpu_hours", "GPU-h");
        m.put("run_days", "day");
        m.put("run_tokens", "token");
        return Collections.unmodifiableMap(m);
    }

    /** {@code families.yaml}: figure key to unit. */
    public static Map<String, String> family() {
        Map<String, String> m = new LinkedHashMap<>();
        FamilyLoader.PRECISIONS.forEach(p -> m.put("serving_compute_efficiency_" + p, "1"));
        m.put("serving_bandwidth_efficiency", "1");
        FamilyLoader.PRECISIONS.forEach(p -> m.put("training_compute_efficiency_" + p, "1"));
        return Collections.unmodifiableMap(m);
    }
}

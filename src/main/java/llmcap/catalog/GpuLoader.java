package llmcap.catalog;

import java.util.List;
import java.util.Set;

/**
 * Reads {@code gpus.yaml}. Units are in the field names: {@code memory_gb} (1e9 B) or
 * {@code memory_gib} (2^30 B), {@code memory_mib} (2^20 B, total memory as nvidia-smi reports it; it wins,
 * the vendor's figure is kept beside it), {@code bandwidth_gb_per_s},
 * {@code interconnect_gb_per_s} (GPU-to-GPU inside a node, both directions), {@code network_gbit_per_s} (the
 * scale-out NIC per GPU in its usual node, each way, as NICs are labelled), its {@code family}
 * ({@code families.yaml}), {@code tdp_w}, dense peaks in
 * {@code dense_tflops.<precision>}, a dated {@code rental} price with its {@code terms} (on-demand, reserved,
 * spot or assumed) and {@code provider}, and a dated {@code purchase} price.
 */
final class GpuLoader {

    static final List<String> PRECISIONS = List.of("fp64", "fp32", "tf32", "bf16", "fp16", "fp8", "int8", "fp4");
    private static final Set<String> FIELDS = Set.of("id", "name", "vendor", "memory_gb", "memory_gib", "memory_mib",
            "bandwidth_gb_per_s", "interconnect_gb_per_s", "network_gbit_per_s", "family", "tdp_w", "dense_tflops", "source", "sources", "unverified", "notes", "rental", "purchase");
    private static final Set<String> RENTAL = Set.of("usd_per_gpu_hour", "terms", "provider", "offer", "date", "source");
    /** What a price commits to: the closed set {@code rental.terms} takes. */
    static final List<String> TERMS = List.of("on-demand", "reserved", "spot", "assumed");
    private static final Set<String> PURCHASE = Set.of("usd", "what", "date", "source");

    private GpuLoader() {
    }

    static Entry entry(YNode node) {
        Fields probe = new Fields(node, "gpu entry");
        String id = EntryBuilder.id(probe);
        Fields f = new Fields(node, "gpu '" + id + "'").allowOnly(FIELDS);
        EntryBuilder b = new EntryBuilder("gpu", f, id, knownPaths());
        if (!f.has("memory_gb") && !f.has("memory_gib") && !f.has("memory_mib")) {
            throw f.error("memory_gb", "give memory_gb (1e9 bytes, as the vendor labels it), memory_gib (2^30 bytes)"
                    + " or memory_mib (2^20 bytes, as nvidia-smi reports it)");
        }
        if (f.has("memory_gb") && f.has("memory_gib")) {
            throw f.error("memory_gb", "give exactly one of memory_gb and memory_gib (both state the vendor's capacity;"
                    + " memory_mib, what the runtime reports, may stand beside either)");
        }
        // What the runtime reports (memory_mib) is what a replica can fill; the vendor's figure is kept
        // beside it as gpu.memory_label_bytes.
        boolean runtime = f.has("memory_mib");
        b.optional(f, "memory_mib", "memory_bytes", 1024.0 * 1024, "B");
        String label = runtime ? "memory_label_bytes" : "memory_bytes";
        b.optional(f, "memory_gb", label, 1e9, "B");
        b.optional(f, "memory_gib", label, 1024.0 * 1024 * 1024, "B");
        b.required(f, "bandwidth_gb_per_s", "bandwidth_bytes_per_s", 1e9, "B/s");
        b.optional(f, "interconnect_gb_per_s", "interconnect_bytes_per_s", 1e9, "B/s");
        b.optional(f, "network_gbit_per_s", "network_bytes_per_s", 1e9 / 8, "B/s");
        f.optText("family").ifPresent(fam -> b.info("family", fam));
        b.optional(f, "tdp_w", "tdp_w", 1, "W");
        Fields peaks = f.map("dense_tflops", "gpu '" + id + "': dense_tflops").allowOnly(Set.copyOf(PRECISIONS));
        for (String p : PRECISIONS) {
            b.optional(peaks, "dense_tflops." + p, "flops_" + p, 1e12, "FLOP/s");
        }
        if (!peaks.has("bf16") && !peaks.has("fp16")) {
            throw f.error("dense_tflops", "needs at least a bf16 or fp16 peak (the 16-bit tensor peak the rules use)");
        }
        f.optMap("rental", "gpu '" + id + "': rental").ifPresent(r -> {
            r.allowOnly(RENTAL);
            b.required(r, "rental.usd_per_gpu_hour", "rental_usd_per_hour", 1, "USD/GPU-h");
            String terms = r.text("terms");
            if (!TERMS.contains(terms)) {
                throw r.error("terms", "'" + llmcap.domain.Excerpt.of(terms) + "' is not a kind of offer; use one of "
                        + String.join(", ", TERMS) + llmcap.domain.Suggest.hint(terms, TERMS));
            }
            b.info("rental.terms", terms);
            r.optText("provider").ifPresent(p -> b.info("rental.provider", p));
            b.info("rental.offer", r.text("offer"));
            b.info("rental.date", r.text("date"));
            b.info("rental.source", r.text("source"));
        });
        f.optMap("purchase", "gpu '" + id + "': purchase").ifPresent(p -> {
            p.allowOnly(PURCHASE);
            b.required(p, "purchase.usd", "purchase_usd", 1, "USD");
            b.info("purchase.what", p.text("what"));
            b.info("purchase.date", p.text("date"));
            b.info("purchase.source", p.text("source"));
        });
        f.optText("vendor").ifPresent(v -> b.info("vendor", v));
        return b.build(f.text("name"));
    }

    /** Every figure path of an entry, as {@code sources} and {@code unverified} name them. */
    static Set<String> knownPaths() {
        Set<String> s = new java.util.HashSet<>(Set.of("memory_gb", "memory_gib", "memory_mib", "bandwidth_gb_per_s",
                "interconnect_gb_per_s", "network_gbit_per_s", "tdp_w",
                "rental.usd_per_gpu_hour", "purchase.usd"));
        PRECISIONS.forEach(p -> s.add("dense_tflops." + p));
        return s;
    }
}

package llmcap.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load on a running {@code llmcap serve}: {@code clients} threads send requests back to
 * back (estimates over the catalog's GPUs and models, some explains and health checks) while a rule
 * file in the server's rules folder is broken and repaired {@code cycles} times. Each repair also
 * rewrites a marker rule ({@code loadtest.marker = N}, in its own file), so every estimate names the
 * rules it came from twice: the version in its body and the marker among its assumptions. A response
 * is consistent when every response of its rules version carries the same marker. Half the estimates
 * set {@code loadtest.knob} (a number of the marker file) to a random value: no two ask the same.
 *
 * <p>Used by {@code bench/serve} (60 s, 64 clients) and by {@code LoadTest} (a few seconds).
 */
public final class LoadGenerator {

    public static final String MARKER_FILE = "zz_loadtest_marker.drl";
    private static final Pattern MARKER = Pattern.compile("\"loadtest\\.marker\",\\s*\"value\":\\s*(\\d+)");
    private static final Pattern RULES_VERSION = Pattern.compile("\"version\":\\s*\\{\\s*\"rules\":\\s*\"(\\w+)\"");

    /** What to run: the server, the rules folder it reads, how long, how hard, how many break-repair cycles. */
    public record Config(URI base, Path rules, int clients, Duration duration, long minRequests, int cycles,
                         Duration maxDuration) {
    }

    /** What was seen: counts, latencies in ms, and every inconsistency (there should be none). */
    public record Report(long requests, long failures, double seconds, double p50, double p90, double p99, double max,
                         int versions, int cyclesDone, List<String> problems, List<Long> repairToVisibleMs,
                         long fresh, double freshP50, double freshP99) {
        public double perSecond() {
            return requests / seconds;
        }

        public String summary() {
            return String.format(java.util.Locale.ROOT, "%,d requests in %.1f s = %,.0f/s; latency p50 %.1f ms, p90 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms; %d failed; %d rule versions served, %d break-repair cycles,"
                    + " a repair visible after %s ms; %d inconsistencies; of them %,d estimates no one asked before:"
                    + " p50 %.1f ms, p99 %.1f ms", requests, seconds, perSecond(), p50, p90, p99,
                    max, failures, versions, cyclesDone, repairToVisibleMs, problems.size(), fresh, freshP50, freshP99);
        }
    }

    private final Config config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Long> markerByVersion = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean stop;

    public LoadGenerator(Config config) {
        this.config = config;
    }

    /** Writes marker 0 and waits until the server serves it: call before {@link #run}. */
    public void prepare() throws IOException, InterruptedException {
        writeMarker(0);
        awaitHealth(h -> h.contains("\"status\":\"ok\"") && estimateMarker() == 0, Duration.ofSeconds(30));
    }

    public Report run(List<String> paths) throws Exception {
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < config.clients(); i++) {
            long[][] mine = {new long[1 << 14], new long[1 << 12]};
            int[] n = {0, 0};
            Thread t = new Thread(() -> client(paths, mine, n), "load-" + i);
            threads.add(t);
            int slot = i;
            t.setUncaughtExceptionHandler((th, e) -> problems.add("client " + slot + " died: " + e));
            t.start();
            collectors.add(() -> Arrays.copyOf(mine[0], n[0]));
            freshCollectors.add(() -> Arrays.copyOf(mine[1], n[1]));
        }
        List<Long> visible = new ArrayList<>();
        int cycles = editCycles(t0, visible);
        long end = t0 + config.duration().toNanos();
        long hardEnd = t0 + config.maxDuration().toNanos();
        while (System.nanoTime() < hardEnd && (System.nanoTime() < end || requests.get() < config.minRequests())) {
            Thread.sleep(50);
        }
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all = collectors.stream().flatMapToLong(c -> Arrays.stream(c.get())).sorted().toArray();
        long[] fresh = freshCollectors.stream().flatMapToLong(c -> Arrays.stream(c.get())).sorted().toArray();
        return new Report(all.length, failures.get(), seconds, pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, markerByVersion.size(), cycles, List.copyOf(problems),
                visible, fresh.length, pct(fresh, 50), pct(fresh, 99));
    }

    private final List<java.util.function.Supplier<long[]>> collectors = new ArrayList<>();
    private final List<java.util.function.Supplier<long[]>> freshCollectors = new ArrayList<>();

    private void client(List<String> paths, long[][] lat, int[] n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop) {
            String template = paths.get(random.nextInt(paths.size()));
            boolean fresh = template.contains("{random}");
            String path = template.replace("{random}", Long.toString(random.nextLong(1, Long.MAX_VALUE)));
            long s = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(config.base().resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                failure(path + ": " + e);
                continue;
            }
            long took = System.nanoTime() - s;
            if (TRACE != null) {
                TRACE.add((s - TRACE_T0) / 1000 + " " + took / 1000 + " " + (fresh ? 1 : 0) + " " + path);
            }
            if (n[0] == lat[0].length) {
                lat[0] = Arrays.copyOf(lat[0], n[0] * 2);
            }
            lat[0][n[0]++] = took;
            if (fresh) {
                if (n[1] == lat[1].length) {
                    lat[1] = Arrays.copyOf(lat[1], n[1] * 2);
                }
                lat[1][n[1]++] = took;
            }
            requests.incrementAndGet();
            if (r.statusCode() != 200) {
                failure(path + ": HTTP " + r.statusCode() + " " + r.body().lines().findFirst().orElse(""));
            } else if (path.startsWith("/api/estimate")) {
                check(path, r);
            }
        }
    }

    /**
     * With {@code LOAD_TRACE=FILE}: each request of the measured run (its start and latency in microseconds
     * since the run began, 1 when its question was new, its path) and each edit event, written to FILE.
     */
    static final java.util.Queue<String> TRACE = System.getenv("LOAD_TRACE") == null || System.getenv("LOAD_TRACE").isEmpty()
            ? null : new java.util.concurrent.ConcurrentLinkedQueue<>();
    static final long TRACE_T0 = System.nanoTime();

    static void event(String what) {
        if (TRACE != null) {
            TRACE.add((System.nanoTime() - TRACE_T0) / 1000 + " EVENT " + what);
        }
    }

    private void failure(String what) {
        if (failures.incrementAndGet() <= 10) {
            problems.add(what);
        }
    }

    /** Every response of one rules version must carry one marker, and its header must name its body's version. */
    private void check(String path, HttpResponse<String> r) {
        String body = r.body();
        Matcher m = MARKER.matcher(body);
        Matcher v = RULES_VERSION.matcher(body);
        if (!m.find() || !v.find()) {
            problems.add(path + ": no marker or version in the answer");
            return;
        }
        long marker = Long.parseLong(m.group(1));
        Long before = markerByVersion.putIfAbsent(v.group(1), marker);
        if (before != null && before != marker) {
            problems.add("rules version " + v.group(1) + " answered with markers " + before + " and " + marker);
        }
        String header = r.headers().firstValue("X-Llmcap-Version").orElse("");
        if (!header.startsWith(v.group(1) + "+")) {
            problems.add("header version " + header + " but body version " + v.group(1));
        }
    }

    /** Breaks the first rule file, waits for the server to report it, then repairs it with the next marker. */
    private int editCycles(long t0, List<Long> visible) throws Exception {
        if (config.cycles() == 0) {
            return 0;
        }
        Path victim;
        try (var s = Files.list(config.rules())) {
            victim = s.filter(p -> p.toString().endsWith(".drl") && !p.endsWith(MARKER_FILE)).sorted().findFirst()
                    .orElseThrow();
        }
        String good = Files.readString(victim);
        long every = config.duration().toNanos() / (config.cycles() + 1);
        int done = 0;
        for (int i = 1; i <= config.cycles(); i++) {
            long at = t0 + every * i;
            while (System.nanoTime() < at) {
                Thread.sleep(10);
            }
            event("break");
            Files.writeString(victim, good + "\nrule \"broken by the load test\"\nwhen\n    Quantity(name == \n");
            awaitHealth(h -> h.contains("last_reload_error"), Duration.ofSeconds(20));
            event("error-seen");
            long repaired = System.nanoTime();
            Files.writeString(victim, good);
            writeMarker(i);
            int marker = i;
            awaitHealth(h -> !h.contains("last_reload_error") && estimateMarker() == marker, Duration.ofSeconds(20));
            event("repair-seen");
            visible.add((System.nanoTime() - repaired) / 1_000_000);
            done++;
        }
        return done;
    }

    private void writeMarker(int n) throws IOException {
        Files.writeString(config.rules().resolve(MARKER_FILE), "package llmcap.rules;\n\nimport llmcap.domain.Quantity;\n\n"
                + "// Written by the load test: which edit of the rules an answer came from.\n"
                + "rule \"loadtest.marker: " + n + "\"\nwhen\n    not Quantity(name == \"loadtest.marker\")\nthen\n"
                + "    insert(new Quantity(\"loadtest.marker\", " + n + ", \"1\"));\nend\n\n"
                + "// A number requests set to a random value, so that no two of them ask for the same estimate.\n"
                + "rule \"loadtest.knob: 1\"\nwhen\n    not Quantity(name == \"loadtest.knob\")\nthen\n"
                + "    insert(new Quantity(\"loadtest.knob\", 1, \"1\"));\nend\n");
    }

    private long estimateMarker() {
        try {
            String body = get("/api/estimate");
            Matcher m = MARKER.matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private void awaitHealth(java.util.function.Predicate<String> ok, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (ok.test(get("/api/health"))) {
                return;
            }
            Thread.sleep(20);
        }
        problems.add("the server did not reach the expected state within " + limit.toSeconds() + " s");
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(config.base().resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** The requests to send: estimates for each of a few GPUs and models, a few explains and health checks. */
    public List<String> requestMix(int gpus, int models) throws IOException, InterruptedException {
        String catalog = get("/api/catalog");
        List<String> gpuIds = ids(catalog, "gpus", gpus);
        List<String> modelIds = ids(catalog, "models", models);
        List<String> out = new ArrayList<>();
        for (String g : gpuIds) {
            for (String m : modelIds) {
                out.add("/api/estimate?gpu=" + g + "&model=" + m);
                out.add("/api/estimate?gpu=" + g + "&model=" + m + "&set=loadtest.knob%3D{random}");
            }
        }
        int estimates = out.size();
        for (int i = 0; i < Math.max(1, estimates / 10); i++) {
            out.add("/api/health");
            out.add("/api/explain?name=loadtest.marker&gpu=" + gpuIds.get(i % gpuIds.size()));
        }
        return out;
    }

    private static List<String> ids(String catalogJson, String key, int max) {
        var o = com.google.gson.JsonParser.parseString(catalogJson).getAsJsonObject();
        List<String> out = new ArrayList<>();
        for (var e : o.getAsJsonArray(key)) {
            if (out.size() < max) {
                out.add(e.getAsJsonObject().get("id").getAsString());
            }
        }
        return out;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** {@code java ... LoadGenerator BASE-URL RULES-DIR CLIENTS SECONDS MIN-REQUESTS CYCLES}: prints the report. */
    public static void main(String[] args) throws Exception {
        Config c = new Config(URI.create(args[0]), Path.of(args[1]), Integer.parseInt(args[2]),
                Duration.ofSeconds(Long.parseLong(args[3])), Long.parseLong(args[4]), Integer.parseInt(args[5]),
                Duration.ofSeconds(Long.parseLong(args[3]) * 5));
        LoadGenerator g = new LoadGenerator(c);
        g.prepare();
        List<String> mix = g.requestMix(6, 3);
        Report warm = new LoadGenerator(new Config(c.base(), c.rules(), c.clients(), Duration.ofSeconds(10), 0, 0,
                Duration.ofSeconds(10))).run(mix);
        System.out.println("warm-up: " + warm.summary());
        Optional.ofNullable(System.getenv("LOAD_MARK")).ifPresent(f -> touch(Path.of(f)));
        // LOAD_GO: wait (up to a minute) until that file exists, so the server is measured idle after warm-up.
        Optional<Path> go = Optional.ofNullable(System.getenv("LOAD_GO")).filter(f -> !f.isEmpty()).map(Path::of);
        for (int i = 0; go.isPresent() && !Files.exists(go.get()) && i < 600; i++) {
            Thread.sleep(100);
        }
        if (TRACE != null) {
            TRACE.clear();
            event("load-start");
        }
        Report r = g.run(mix);
        System.out.println("load: " + r.summary());
        if (TRACE != null) {
            Files.write(Path.of(System.getenv("LOAD_TRACE")), TRACE);
        }
        r.problems().forEach(p -> System.out.println("  problem: " + p));
        System.exit(r.failures() == 0 && r.problems().isEmpty() ? 0 : 1);
    }

    private static void touch(Path p) {
        try {
            Files.writeString(p, "warm\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

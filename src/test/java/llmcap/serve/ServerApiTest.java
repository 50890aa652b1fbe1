package llmcap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import llmcap.cli.CliTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API's contract: what each endpoint answers, and how it refuses what it must refuse. */
class ServerApiTest {

    @TempDir
    static Path dir;
    static ServerFixture s;

    @BeforeAll
    static void start() {
        s = new ServerFixture(dir, new Limits(4096, 50, 4, 8, java.time.Duration.ofSeconds(10), 1));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    void healthNamesTheVersionsAndIsOk() {
        JsonObject h = s.get("/api/health").json();
        assertEquals("ok", h.get("status").getAsString());
        assertEquals(12, h.get("rules_version").getAsString().length());
        assertEquals(12, h.get("catalog_version").getAsString().length());
        assertFalse(h.has("last_reload_error"));
    }

    @Test
    void estimateIsTheCliDocumentPlusItsVersion() {
        var a = s.get("/api/estimate?gpu=h100-sxm&set=" + q("serving.peak_factor=3"));
        assertEquals(200, a.status(), a.body());
        JsonObject api = a.json();
        JsonObject version = api.remove("version").getAsJsonObject();
        assertEquals(a.version(), version.get("id").getAsString());
        var cli = CliTestSupport.run("estimate", "--format", "json", "--gpu", "h100-sxm", "--set", "serving.peak_factor=3",
                "--rules", s.rules.toString(), "--catalog", s.catalog.toString());
        JsonObject expected = cli.json();
        assertEquals(expected, api);
    }

    @Test
    void aBadIdOrSetIsA400NamingIt() {
        JsonObject gpu = s.get("/api/estimate?gpu=h900").json();
        assertEquals(400, gpu.get("status").getAsInt());
        assertEquals("gpu", gpu.get("parameter").getAsString());
        assertEquals("h900", gpu.get("value").getAsString());
        assertTrue(gpu.get("error").getAsString().contains("unknown GPU 'h900'"), gpu.toString());
        var unknown = s.get("/api/estimate?set=" + q("serving.peak_fctor=3"));
        assertEquals(400, unknown.status());
        assertEquals("serving.peak_fctor=3", unknown.json().get("value").getAsString());
        assertTrue(unknown.body().contains("did you mean serving.peak_factor"), unknown.body());
        var malformed = s.get("/api/estimate?set=" + q("serving.peak_factor"));
        assertEquals(400, malformed.status());
        assertEquals("set", malformed.json().get("parameter").getAsString());
        var notANumber = s.get("/api/estimate?set=" + q("serving.peak_factor=many"));
        assertEquals(400, notANumber.status());
        assertEquals("serving.peak_factor=many", notANumber.json().get("value").getAsString());
        assertEquals(400, s.get("/api/estimate?model=gpt-9").status());
        assertEquals("scenario", s.get("/api/estimate?scenario=nope").json().get("parameter").getAsString());
    }

    @Test
    void aPathIsNeverOpened() {
        for (String bad : new String[] {"../../etc/passwd", "/etc/passwd", "catalog/scenarios/chatgpt-2023-01.yaml"}) {
            var a = s.get("/api/estimate?scenario=" + q(bad));
            assertEquals(400, a.status(), bad);
            assertTrue(a.body().contains("is not an id"), a.body());
        }
        assertEquals(400, s.get("/api/rules?file=" + q("../pom.xml")).status());
        assertEquals(404, s.get("/assets/" + q("../../pom.xml")).status());
        assertEquals(404, s.get("/assets/Workspace.class").status());
    }

    @Test
    void explainGivesTheTreeWithRuleFileAndLine() {
        var a = s.get("/api/explain?name=serving.gpus");
        assertEquals(200, a.status(), a.body());
        JsonObject tree = a.json().getAsJsonArray("explain").get(0).getAsJsonObject().getAsJsonObject("tree");
        assertEquals("serving.gpus", tree.get("name").getAsString());
        assertTrue(tree.get("where").getAsString().matches(".*/rules/\\w+\\.drl:\\d+"), tree.toString());
        assertFalse(tree.getAsJsonArray("inputs").isEmpty());
        // Each rule's arithmetic with the numbers, for the page's tree (added beside the fields it had).
        JsonObject compute = tree.getAsJsonArray("inputs").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(n -> n.get("name").getAsString().equals("serving.gpus_compute")).findFirst().orElseThrow();
        assertTrue(compute.get("arithmetic").getAsString().matches(".* PFLOP/s / 312 TFLOP/s = .*, rounded up: .* GPU"),
                compute.toString());
        var missing = s.get("/api/explain?name=serving.gpuz");
        assertEquals(400, missing.status());
        assertEquals("name", missing.json().get("parameter").getAsString());
    }

    @Test
    void rulesAreReadOnlyTextWithLines() {
        String first = s.get("/api/rules").json().getAsJsonArray("files").get(0).getAsJsonObject().get("file").getAsString();
        JsonObject r = s.get("/api/rules?file=" + q(first)).json();
        assertEquals(1, r.getAsJsonArray("files").size());
        var file = r.getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals(first, file.get("file").getAsString());
        assertTrue(file.getAsJsonArray("lines").size() > 10);
        assertFalse(r.getAsJsonArray("rules").isEmpty());
        assertEquals(404, s.post("/api/rules", "rule x").status());
    }

    @Test
    void anInlineScenarioIsEstimatedAndItsLimitsHold() {
        String yaml = "id: inline\ntitle: sent by a script\nsource: a test\nmodel: llama-2-70b\ngpu: h100-sxm\n"
                + "assumptions:\n  serving.daily_users: {value: 1e6, unit: user}\n";
        var ok = s.post("/api/estimate?set=" + q("serving.peak_factor=2"), yaml);
        assertEquals(200, ok.status(), ok.body());
        assertEquals("inline", ok.json().get("scenario").getAsString());
        var json = s.post("/api/estimate", "{\"id\": \"j\", \"title\": \"t\", \"source\": \"s\", \"model\": \"gpt-3.5\","
                + " \"gpu\": \"a100-80gb-sxm\"}");
        assertEquals(200, json.status(), json.body());
        var broken = s.post("/api/estimate", "id: x\ntitle: [\n");
        assertEquals(400, broken.status());
        assertTrue(broken.json().get("error").getAsString().startsWith("request:"), broken.body());
        var tag = s.post("/api/estimate", "id: !!javax.script.ScriptEngineManager []\n");
        assertEquals(400, tag.status());
        assertEquals(413, s.post("/api/estimate", "x".repeat(5000)).status());
        assertEquals("body", s.post("/api/estimate", "").json().get("parameter").getAsString());
    }

    @Test
    void compareAndSweepAreBounded() {
        var c = s.get("/api/compare?gpu=a100-80gb-sxm,h100-sxm");
        assertEquals(200, c.status(), c.body());
        assertEquals(2, c.json().getAsJsonArray("rows").size());
        assertEquals(413, s.get("/api/compare?gpu=a100-80gb-sxm,h100-sxm,h200&model=gpt-3.5,llama-2-70b").status());
        var sweep = s.get("/api/sweep?vary=" + q("serving.peak_factor=2..6:5"));
        assertEquals(200, sweep.status(), sweep.body());
        var rows = sweep.body().lines().toList();
        assertEquals(5, rows.size());
        assertTrue(JsonParser.parseString(rows.get(4)).getAsJsonObject().has("outputs"));
        var csv = s.get("/api/sweep?format=csv&vary=" + q("gpu=a100-80gb-sxm,h100-sxm"));
        assertEquals(3, csv.body().lines().count(), csv.body());
        var big = s.get("/api/sweep?vary=" + q("serving.daily_users=1e6..1e8:51"));
        assertEquals(413, big.status());
        assertTrue(big.body().contains("over the limit of 50 rows"), big.body());
        assertEquals(400, s.get("/api/sweep?vary=" + q("serving.nope=1,2")).status());
    }

    @Test
    void compareRanksByTheScenariosKindOrByRankBy() {
        var serving = s.get("/api/compare?scenario=chat-llama-3.1-70b-h100&gpu=h100-sxm,mi300x");
        assertEquals(200, serving.status(), serving.body());
        assertEquals("cost.usd_per_million_tokens", serving.json().get("rank_by").getAsString());
        var rate = s.get("/api/compare?scenario=chat-llama-3.1-70b-h100&gpu=h100-sxm,mi300x&rank_by="
                + q("serving.output_tokens_per_s_per_gpu"));
        assertEquals("serving.output_tokens_per_s_per_gpu", rate.json().get("rank_by").getAsString());
        assertEquals("highest", rate.json().get("order").getAsString());
        var typo = s.get("/api/compare?gpu=h100-sxm&rank_by=" + q("cost.fleet_daily_us"));
        assertEquals(400, typo.status(), typo.body());
        assertEquals("rank_by", typo.json().get("parameter").getAsString());
        assertTrue(typo.json().get("error").getAsString().contains("did you mean cost.fleet_daily_usd"), typo.body());
    }

    @Test
    void anUnknownSweepFormatIsA400NamingTheFormatsNotJsonLines() {
        var xml = s.get("/api/sweep?format=xml&vary=" + q("serving.peak_factor=3,5"));
        assertEquals(400, xml.status(), xml.body());
        JsonObject e = xml.json();
        assertEquals("format", e.get("parameter").getAsString());
        assertEquals("xml", e.get("value").getAsString());
        assertTrue(e.get("error").getAsString().contains("use one of csv, jsonl"), e.toString());
        var upper = s.get("/api/sweep?format=CSV&vary=" + q("serving.peak_factor=3,5"));
        assertEquals(200, upper.status(), upper.body());
        assertTrue(upper.body().startsWith("row,model,gpu,serving.peak_factor,"), upper.body());
    }

    @Test
    void catalogValidateAndDownloads() {
        JsonObject c = s.get("/api/catalog").json();
        assertFalse(c.getAsJsonArray("gpus").isEmpty());
        assertFalse(c.getAsJsonArray("scenarios").isEmpty());
        // The page opens on the question the command line answers with no arguments: the article's.
        assertEquals(llmcap.app.Selection.DEFAULT_SCENARIO, c.get("default_scenario").getAsString());
        var v = s.get("/api/validate");
        assertEquals(200, v.status(), v.body());
        assertFalse(v.json().getAsJsonArray("validation").isEmpty());
        var csv = s.get("/api/estimate.csv");
        assertTrue(csv.body().startsWith("name,value,unit"), csv.body());
        var html = s.get("/api/report.html");
        assertTrue(html.body().contains("generated by llmcap"));
        assertTrue(html.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    }

    @Test
    void thePageIsServedWithARestrictivePolicy() {
        var page = s.get("/");
        assertEquals(200, page.status());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe"), csp);
        assertFalse(page.body().matches("(?s).*<script>.*"), "no inline script");
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "nothing from elsewhere");
        assertEquals(200, s.get("/assets/app.js").status());
        var notFound = s.get("/api/nothing");
        assertEquals(404, notFound.status());
        assertTrue(notFound.json().has("error"));
    }

    @Test
    void aForeignHostIsRefused() throws Exception {
        for (String host : new String[] {"attacker.example", "127.attacker.example", "localhost.attacker.example:80"}) {
            String answer = raw(host);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("\"parameter\":\"Host\""), answer);
        }
        for (String host : new String[] {"localhost:8080", "127.0.0.1", "[::1]:9"}) {
            assertTrue(raw(host).startsWith("HTTP/1.1 200"), host);
        }
    }

    private static String raw(String host) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", s.server.port())) {
            socket.getOutputStream().write(("GET /api/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package llmcap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import llmcap.app.Folder;
import llmcap.app.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading: a good edit replaces the snapshot, a broken one keeps the last good and says where it broke. */
class LiveReloadTest {

    @TempDir
    Path dir;

    private Live live() throws IOException {
        llmcap.serve.ServerFixture.copy(Path.of("rules"), dir.resolve("rules"));
        llmcap.serve.ServerFixture.copy(Path.of("catalog"), dir.resolve("catalog"));
        return new Live(new SnapshotLoader(new Folder(dir.resolve("rules"), "rules"), new Folder(dir.resolve("catalog"),
                "catalog")));
    }

    /** A new rule file with one default rule of its own: a new rules version, the same numbers. */
    private void addRule(String name) throws IOException {
        Path f = dir.resolve("rules/zz_test.drl");
        Files.writeString(f, "package llmcap.rules;\nimport llmcap.domain.Quantity;\n\nrule \"test." + name + ": 1\"\nwhen\n"
                + "    not Quantity(name == \"test." + name + "\")\nthen\n    insert(new Quantity(\"test." + name
                + "\", 1, \"1\"));\nend\n");
    }

    @Test
    void aGoodEditReplacesTheSnapshotAndANoChangeReloadKeepsIt() throws IOException {
        try (Live live = live()) {
            Snapshot first = live.snapshot();
            assertSame(first, live.reload().snapshot(), "nothing changed on disk");
            addRule("a");
            Live.State after = live.reload();
            assertNotEquals(first.version().rules(), after.snapshot().version().rules());
            assertEquals(first.version().catalog(), after.snapshot().version().catalog());
            assertSame(first.catalog(), after.snapshot().catalog(), "an unchanged catalog is taken over, not read again");
            assertEquals(1, after.reloads());
            assertTrue(after.snapshot().workspace().estimate(Selection.defaults()).estimate().get("test.a").isPresent());
        }
    }

    @Test
    void aBrokenRuleKeepsTheLastGoodSnapshotAndNamesFileAndLine() throws IOException {
        try (Live live = live()) {
            Snapshot good = live.snapshot();
            String name = good.ruleFiles().keySet().iterator().next(); // rules/FIRST.drl
            Path f = dir.resolve(name);
            String text = Files.readString(f);
            Files.writeString(f, text + "\nrule \"broken\"\nwhen\n    Quantity(name == \nthen\nend\n");
            Live.State broken = live.reload();
            assertSame(good, broken.snapshot());
            ReloadError e = broken.error().orElseThrow();
            assertTrue(e.where().orElseThrow().startsWith(name + ":"), e.toString());
            assertTrue(broken.snapshot().workspace().estimate(Selection.defaults()).estimate().value("serving.gpus")
                    .isPresent(), "the last good rules still answer");
            Files.writeString(f, text);
            Live.State fixed = live.reload();
            assertTrue(fixed.error().isEmpty(), "the error goes when the file is fixed");
            assertSame(good, fixed.snapshot(), "back to the same text: the same version");
        }
    }

    @Test
    void aBrokenCatalogKeepsTheLastGoodSnapshotToo() throws IOException {
        try (Live live = live()) {
            Snapshot good = live.snapshot();
            Path f = dir.resolve("catalog/gpus.yaml");
            Files.writeString(f, Files.readString(f) + "\n  - id: [\n");
            Live.State broken = live.reload();
            assertSame(good, broken.snapshot());
            assertTrue(broken.error().orElseThrow().where().orElseThrow().startsWith("catalog/gpus.yaml:"),
                    broken.error().toString());
        }
    }

    @Test
    void theWatcherPicksUpAnEditWithinASecondOrTwo() throws Exception {
        try (Live live = live()) {
            live.watch(new Watcher.Timing(Duration.ofMillis(50), Duration.ofMillis(50)));
            String before = live.snapshot().version().rules();
            long t0 = System.nanoTime();
            addRule("watched");
            while (live.snapshot().version().rules().equals(before) && System.nanoTime() - t0 < 20_000_000_000L) {
                Thread.sleep(20);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertNotEquals(before, live.snapshot().version().rules(), "no reload within 20 s");
            assertTrue(ms < 10_000, "reloaded after " + ms + " ms");
        }
    }

    @Test
    void rulesWhoseCheckRunPassesTheTimeLimitAreNeverSwappedIn() throws IOException {
        llmcap.serve.ServerFixture.copy(Path.of("rules"), dir.resolve("rules"));
        llmcap.serve.ServerFixture.copy(Path.of("catalog"), dir.resolve("catalog"));
        try (Live live = new Live(new SnapshotLoader(new Folder(dir.resolve("rules"), "rules"),
                new Folder(dir.resolve("catalog"), "catalog"), Duration.ofMillis(300)))) {
            Snapshot good = live.snapshot();
            Files.writeString(dir.resolve("rules/zz_slow.drl"), "package llmcap.rules;\nimport llmcap.domain.Quantity;\n\n"
                    + "rule \"test.slow\"\nwhen\n    Quantity(name == \"serving.gpus\")\nthen\n"
                    + "    try { Thread.sleep(3000); } catch (InterruptedException e) { }\nend\n");
            long t0 = System.nanoTime();
            Live.State slow = live.reload();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertSame(good, slow.snapshot(), "the slow rules were swapped in");
            ReloadError e = slow.error().orElseThrow();
            assertEquals("rules/zz_slow.drl:4", e.where().orElseThrow(), e.toString());
            assertTrue(ms < 2_500, "the check run was not cut at its limit: " + ms + " ms");
        }
    }

    @Test
    void theFirstLoadFailsLikeTheCommandLine() throws IOException {
        llmcap.serve.ServerFixture.copy(Path.of("rules"), dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/bad.drl"), "rule \"x\" when then end end\n");
        var loader = new SnapshotLoader(new Folder(dir.resolve("rules"), "rules"), new Folder(Path.of("catalog"), "catalog"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(llmcap.engine.RuleException.class, () -> new Live(loader));
        assertTrue(e.getMessage().startsWith("rules/bad.drl:"), e.getMessage());
    }

    @Test
    void aParserCrashIsShownAsFileLineWithoutItsStackTrace() {
        ReloadError e = ReloadError.of(List.of("rules/serving.drl: Line 149:0 unexpected exception at input '<eof>'."
                + " Exception: java.lang.NullPointerException: x Stack trace: java.lang.NullPointerException at a.b(C.java:1)"),
                java.time.Instant.EPOCH);
        assertEquals(List.of("rules/serving.drl:149: unexpected exception at input '<eof>'. Exception:"
                + " java.lang.NullPointerException: x"), e.lines());
        assertEquals("rules/serving.drl:149", e.where().orElseThrow());
    }
}

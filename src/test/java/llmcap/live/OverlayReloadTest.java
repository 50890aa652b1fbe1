package llmcap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import llmcap.app.Folder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 3: the server loads the same overlaid catalog as the command line, watches every folder it
 * was built from, and its catalog version covers all of them.
 */
class OverlayReloadTest {

    @TempDir
    Path dir;

    private static String gpu(double price) {
        return "gpus:\n  - id: x1000\n    name: Our X1000\n    memory_gb: 100\n    bandwidth_gb_per_s: 4000\n"
                + "    dense_tflops:\n      bf16: 1000\n    source: \"a test\"\n    rental:\n      usd_per_gpu_hour: "
                + price + "\n      terms: on-demand\n      offer: \"ours\"\n      date: 2026-01-01\n      source: \"a test\"\n";
    }

    private Live live() throws IOException {
        llmcap.serve.ServerFixture.copy(Path.of("rules"), dir.resolve("rules"));
        llmcap.serve.ServerFixture.copy(Path.of("catalog"), dir.resolve("catalog"));
        Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dir.resolve("mine/gpus.yaml"), gpu(2.5));
        Folder catalog = Folder.overlay(new Folder(dir.resolve("catalog"), "catalog"),
                List.of(new Folder(dir.resolve("mine"), "mine")));
        return new Live(new SnapshotLoader(new Folder(dir.resolve("rules"), "rules"), catalog));
    }

    private static double price(Live live) {
        return live.snapshot().catalog().gpu("x1000").figure("rental_usd_per_hour").orElseThrow().value();
    }

    @Test
    void theServerReadsTheOverlayOverTheBundledCatalog() throws IOException {
        try (Live live = live()) {
            assertEquals(2.5, price(live));
            assertTrue(live.snapshot().catalog().gpus().containsKey("a100-80gb-sxm"), "the bundled GPUs stay");
            assertEquals("mine over catalog", live.snapshot().catalogFolder().display());
        }
    }

    @Test
    void anEditOfTheOverlayOrOfTheBundledCatalogIsANewCatalogVersion() throws IOException {
        try (Live live = live()) {
            String first = live.snapshot().version().catalog();
            Files.writeString(dir.resolve("mine/gpus.yaml"), gpu(1.5));
            live.reload();
            String second = live.snapshot().version().catalog();
            assertNotEquals(first, second, "the overlay changed");
            assertEquals(1.5, price(live));
            Path bundled = dir.resolve("catalog/gpus.yaml");
            Files.writeString(bundled, Files.readString(bundled) + "\n# an edit of the bundled file\n");
            live.reload();
            assertNotEquals(second, live.snapshot().version().catalog(), "the bundled catalog changed");
        }
    }

    @Test
    void theWatcherSeesAnEditOfTheOverlay() throws Exception {
        try (Live live = live()) {
            live.watch(new Watcher.Timing(Duration.ofMillis(50), Duration.ofMillis(50)));
            long t0 = System.nanoTime();
            Files.writeString(dir.resolve("mine/gpus.yaml"), gpu(1.25));
            while (price(live) != 1.25 && System.nanoTime() - t0 < 20_000_000_000L) {
                Thread.sleep(20);
            }
            assertEquals(1.25, price(live), "no reload of the overlay within 20 s");
        }
    }
}

package llmcap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An overlay entry laid over the bundled entry with its id, field by field (issue 12, item 3), shown on the
 * bundled H800: its dense peaks are cited as a block and the block is marked unverified.
 */
class OverlayTest {

    @TempDir
    Path dir;

    /** A new rental offer for the H800, without its source line. */
    private static final String RENTAL = """
            gpus:
              - id: h800
                rental:
                  usd_per_gpu_hour: 1.8
                  offer: "a reserved offer"
                  terms: reserved
                  date: 2026-03-01
            """;

    private Catalog withOverlay(String gpus) throws IOException {
        Files.writeString(dir.resolve("gpus.yaml"), gpus);
        return Catalog.load(List.of(new Catalog.Layer(Path.of("catalog"), "catalog"), new Catalog.Layer(dir, "mine")));
    }

    @Test
    void oneMeasuredPeakReplacesItsFigureAndCitationAndTheBlocksOtherFiguresKeepTheirs() throws IOException {
        Entry bundled = Catalog.load(Path.of("catalog"), "catalog").gpu("h800");
        Entry h800 = withOverlay("""
                gpus:
                  - id: h800
                    dense_tflops:
                      fp8: 1900
                    sources:
                      dense_tflops.fp8: "our own measurement, 2026"
                """).gpu("h800");
        Figure fp8 = h800.figure("flops_fp8").orElseThrow();
        assertEquals(1900e12, fp8.value());
        assertEquals("our own measurement, 2026", fp8.source());
        assertTrue(fp8.verified(), "the bundled block's unverified mark is not the overlay's figure's");
        assertEquals("mine/gpus.yaml:4", h800.fileOf(fp8)); // fp8: 1900 is line 4 of the overlay
        Figure bf16 = h800.figure("flops_bf16").orElseThrow();
        assertEquals(bundled.figure("flops_bf16").orElseThrow(), bf16, "value, citation, mark and place unchanged");
        assertFalse(bf16.verified());
        assertEquals("catalog/gpus.yaml", h800.fileOf(bf16));
        assertEquals("catalog/gpus.yaml", h800.file(), "the entry is where it was first written");
        assertEquals(bundled.figure("memory_bytes"), h800.figure("memory_bytes"));
    }

    @Test
    void aWholeRentalBlockReplacesTheBundledOfferAndCitesItself() throws IOException {
        Entry h800 = withOverlay(RENTAL + "      source: \"our quote\"\n").gpu("h800");
        assertEquals(1.8, h800.figure("rental_usd_per_hour").orElseThrow().value());
        assertEquals("our quote", h800.figure("rental_usd_per_hour").orElseThrow().source());
        assertEquals("a reserved offer", h800.info("rental.offer").orElseThrow());
        assertEquals("2026-03-01", h800.info("rental.date").orElseThrow());
    }

    @Test
    void aRentalWithoutItsSourceIsRefusedAtTheOverlaysBlock() throws IOException {
        CatalogException e = assertThrows(CatalogException.class, () -> withOverlay(RENTAL));
        assertTrue(e.getMessage().startsWith("mine/gpus.yaml:4: gpu 'h800': rental: missing required field 'source'"),
                e.getMessage());
    }

    @Test
    void anIdRepeatedInOneOverlayFileIsRefused() {
        CatalogException e = assertThrows(CatalogException.class, () -> withOverlay("""
                gpus:
                  - id: h800
                    name: one
                  - id: h800
                    name: two
                """));
        assertTrue(e.getMessage().startsWith("mine/gpus.yaml:4: duplicate gpu id 'h800' (first at line 2)"),
                e.getMessage());
    }
}

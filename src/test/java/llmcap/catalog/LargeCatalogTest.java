package llmcap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML limits stop alias bombs, not large catalogs: a legitimate file just under the 4 MiB size
 * limit, without a single alias, loads (it was refused as "too many YAML nodes (alias expansion?)").
 */
class LargeCatalogTest {

    @TempDir
    Path dir;

    private static final String GPU = """
              - id: gpu-%d
                name: Accelerator %d
                vendor: Example
                memory_gb: 80
                bandwidth_gb_per_s: 2039
                tdp_w: 400
                dense_tflops:
                  fp32: 19.5
                  tf32: 156
                  bf16: 312
                  fp16: 312
                  int8: 624
                rental:
                  usd_per_gpu_hour: 1.5
                  terms: on-demand
                  offer: "on demand"
                  date: "2024-01"
                  source: "example price list"
                source: "example datasheet"
            """;

    @Test
    void aCatalogOf39MiBWithoutAliasesLoads() throws IOException {
        StringBuilder yaml = new StringBuilder("gpus:\n");
        int n = 0;
        while (yaml.length() < 3.9 * 1024 * 1024) {
            yaml.append(GPU.formatted(n, n));
            n++;
        }
        Files.writeString(dir.resolve("gpus.yaml"), yaml);
        YNode root = Yaml.read(dir.resolve("gpus.yaml"), "catalog/gpus.yaml");
        assertEquals(n, ((YNode.Sequence) ((YNode.Mapping) root).fields().get("gpus")).items().size());
        assertTrue(n * 22 > 200_000, "more nodes than the old limit: " + n * 22);
    }

    @Test
    void aliasesThatExpandTooFarAreStillRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [" + "1,".repeat(999) + "1]\n");
        yaml.append("b: &b [").append("*a,".repeat(19)).append("*a]\n"); // 20 aliases of 1,000 items
        yaml.append("c: [").append("*b,".repeat(14)).append("*b]\n");    // x 15 = 300,000 nodes once expanded
        CatalogException e = assertThrows(CatalogException.class, () -> Yaml.parse(yaml.toString(), "x.yaml"));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }
}

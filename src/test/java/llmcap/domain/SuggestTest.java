package llmcap.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** "Did you mean" finds close names, and takes no time whatever it is given. */
class SuggestTest {

    private static final List<String> GPUS = List.of("a100-80gb-sxm", "a100-40gb-sxm", "h100-sxm", "h100-pcie", "h200",
            "mi300x", "l40s", "v100-32gb");

    @Test
    void closeNamesComeFirst() {
        assertEquals(List.of("h100-sxm", "h100-pcie"), Suggest.closest("h100", GPUS).subList(0, 2));
        assertEquals(List.of("mi300x"), Suggest.closest("mi300", GPUS));
        assertEquals(List.of(), Suggest.closest("tpu-v5", GPUS));
    }

    /** Issue 12: `--gpu H100` suggested a10, b200, h200 (by edit distance alone), not the H100s. */
    @Test
    void namesThatBeginWithWhatWasTypedComeFirstWhateverItsCase() {
        List<String> all = List.of("a100-80gb-sxm", "h100-sxm", "h100-pcie", "h100-nvl", "h200", "h800", "b200", "a10");
        assertEquals(List.of("h100-sxm", "h100-pcie", "h100-nvl"), Suggest.closest("H100", all));
        assertEquals(List.of("h100-sxm", "h100-pcie", "h100-nvl"), Suggest.ambiguous("H100", all));
        assertEquals(" (ambiguous: h100-sxm, h100-pcie, h100-nvl)", Suggest.idHint("H100", all));
        assertEquals(List.of(), Suggest.ambiguous("h200", all), "one id that begins with it is no ambiguity");
        assertEquals(List.of("a100-80gb-sxm"), Suggest.closest("80gb", all), "a name that contains it");
        assertTrue(Suggest.idHint("h20", all).startsWith(" (did you mean h200, "), Suggest.idHint("h20", all));
    }

    @Test
    void aHugeMisspeltNameIsAnsweredAtOnce() {
        List<String> names = IntStream.range(0, 300).mapToObj(i -> "serving.quantity_" + i).toList();
        String huge = "a100-".repeat(20_000); // 100 KB
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            assertEquals(List.of(), Suggest.closest(huge, GPUS));
            assertEquals(List.of(), Suggest.closest(huge, names));
            assertEquals("", Suggest.hint(huge + "x", names));
            assertEquals("", Suggest.idHint(huge, GPUS));
        });
    }

    @Test
    void manyLongNamesAreAnsweredAtOnce() {
        List<String> names = IntStream.range(0, 2_000).mapToObj(i -> "x".repeat(500) + i).toList();
        assertTimeoutPreemptively(Duration.ofMillis(1500), () -> Suggest.closest("y".repeat(500), names));
    }
}

package llmcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the product cites is in the repository or public: no catalog figure, rule, document or
 * README line points at a file a user of the repository does not have (a working copy's notes,
 * an absolute path on one machine).
 */
class CitationsTest {

    /** Names of files that were notes beside the repository, never part of it, and absolute paths. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "shared/reference|published-figures\\.md|seed-figures\\.md|000_00b5adbe31c7827c|(?<![\\w.])/work/|/home/\\w");

    @Test
    void noCitationPointsOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (String dir : List.of("catalog", "rules", "docs", "bench", ".ci")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    scan(f, found);
                }
            }
        }
        scan(Path.of("README.md"), found);
        assertEquals(List.of(), found);
    }

    @Test
    void thePatternCatchesWhatItIsFor() {
        assertEquals(true, OUTSIDE.matcher("source: \"shared/reference/000_00b5adbe31c7827c.txt\"").find());
        assertEquals(true, OUTSIDE.matcher("(published-figures.md, tag T)").find());
        assertEquals(true, OUTSIDE.matcher("from /work/shared/x").find());
        assertEquals(false, OUTSIDE.matcher("docs/article.md #5; Brown et al. 2020, Table D.1").find());
    }

    private static void scan(Path f, List<String> found) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(f);
        } catch (java.nio.charset.MalformedInputException e) {
            return; // not text
        }
        for (int i = 0; i < lines.size(); i++) {
            if (OUTSIDE.matcher(lines.get(i)).find()) {
                found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
    }
}

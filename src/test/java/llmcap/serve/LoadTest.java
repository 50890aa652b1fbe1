package llmcap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of {@code bench/serve}: 16 clients for a few seconds while a rule file is broken
 * and repaired 3 times. No request may fail, and every answer must come from one consistent rules
 * version (its marker rule agrees with its version). Latency is reported, not asserted: the test
 * machine is shared.
 */
class LoadTest {

    @TempDir
    Path dir;

    @Test
    void noFailureAndOneRulesVersionPerAnswerWhileRulesBreakAndHeal() throws Exception {
        try (ServerFixture s = new ServerFixture(dir, Limits.DEFAULT)) {
            s.live.watch(new llmcap.live.Watcher.Timing(Duration.ofMillis(50), Duration.ofMillis(50)));
            LoadGenerator g = new LoadGenerator(new LoadGenerator.Config(s.base(), s.rules, 16, Duration.ofSeconds(6),
                    2_000, 3, Duration.ofSeconds(60)));
            g.prepare();
            LoadGenerator.Report r = g.run(g.requestMix(4, 2));
            System.out.println("LoadTest: " + r.summary());
            assertEquals(java.util.List.of(), r.problems());
            assertEquals(0, r.failures());
            assertEquals(3, r.cyclesDone());
            assertTrue(r.requests() >= 2_000, r.summary());
            assertTrue(r.versions() >= 4, "marker versions 0..3 were all served: " + r.summary());
        }
    }
}

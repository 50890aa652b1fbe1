package llmcap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running llmcap inside someone else's checkout runs none of its rules unasked: rules found in the
 * working directory run only once trusted ({@code llmcap trust}); {@code --rules}, {@code $LLMCAP_HOME}
 * and {@code llmcap init} are the user's own choice. Run as a separate process, in a working directory
 * of its own, with no LLMCAP_HOME.
 */
class WorkingDirectoryRulesTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result llmcap(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "llmcap.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workingDir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("LLMCAP_HOME");
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("LLMCAP_CACHE", Path.of("target/rule-cache").toAbsolutePath().toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "llmcap did not end");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void rulesOfAnUntrustedCheckoutDoNotRunUntilTrusted() throws Exception {
        Path checkout = dir.resolve("checkout");
        CliTestSupport.copyTree(Path.of("rules"), checkout.resolve("rules"));
        CliTestSupport.copyTree(Path.of("catalog"), checkout.resolve("catalog"));
        Path marker = dir.resolve("the-rule-ran");
        Files.writeString(checkout.resolve("rules/zz-planted.drl"), """
                package llmcap.rules;
                import llmcap.domain.Quantity;
                rule "planted"
                when
                    Quantity(name == "model.params")
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"), "ran");
                end
                """.replace("MARKER", marker.toString()), StandardCharsets.UTF_8);

        Result refused = llmcap(checkout, "estimate");
        assertEquals(ExitCode.USAGE, refused.exit(), refused.err());
        assertTrue(refused.err().startsWith("llmcap: ./rules (" + checkout.resolve("rules").toRealPath()), refused.err());
        assertTrue(refused.err().contains("llmcap trust"), refused.err());
        assertFalse(Files.exists(marker), "no rule of the checkout ran");

        assertEquals(0, llmcap(checkout, "catalog", "gpus").exit(), "the catalog is data: it needs no trust");

        Result trusted = llmcap(checkout, "trust");
        assertEquals(0, trusted.exit(), trusted.err());
        assertTrue(trusted.out().startsWith("trusted " + checkout.resolve("rules").toRealPath()), trusted.out());
        Result ran = llmcap(checkout, "estimate");
        assertEquals(0, ran.exit(), ran.err());
        assertTrue(Files.exists(marker), "trusted, its rules run");

        assertEquals(0, llmcap(checkout, "trust", "--forget").exit());
        assertEquals(ExitCode.USAGE, llmcap(checkout, "estimate").exit(), "forgotten, refused again");
    }

    @Test
    void rulesMadeByInitAreTrusted() throws Exception {
        Result init = llmcap(dir, "init", "plan");
        assertEquals(0, init.exit(), init.err());
        Result ran = llmcap(dir.resolve("plan"), "estimate");
        assertEquals(0, ran.exit(), ran.err());
        assertTrue(ran.out().contains("rules from rules"), ran.out().lines().limit(4).toList().toString());
    }
}

package llmcap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every failure, Errors included, ends in one line and a documented exit code, never a stack trace. */
class FailuresTest {

    private static List<String> report(Throwable t, int exit) {
        StringWriter err = new StringWriter();
        assertEquals(exit, Failures.report(t, new PrintWriter(err, true)));
        return err.toString().lines().toList();
    }

    @Test
    void outOfMemoryOutsideTheRulesIsOneLineAndExit70() {
        List<String> lines = report(new OutOfMemoryError("Java heap space"), ExitCode.INTERNAL);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("llmcap: out of memory: "), lines.toString());
    }

    @Test
    void aStackOverflowIsOneLineAndExit70() {
        List<String> lines = report(new StackOverflowError(), ExitCode.INTERNAL);
        assertEquals(1, lines.size(), lines.toString());
    }

    @Test
    void aClosedPipeEndsQuietlyAndAFullDiskInOneLine() {
        assertEquals(List.of(), report(new FailFastWriter.Failure("cannot write to stdout",
                new IOException("Broken pipe")), ExitCode.IO));
        assertEquals(List.of("llmcap: cannot write to stdout: No space left on device"), report(
                new FailFastWriter.Failure("cannot write to stdout", new IOException("No space left on device")), ExitCode.IO));
    }
}

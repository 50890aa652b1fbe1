package llmcap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A writer that does not swallow errors. {@link java.io.PrintWriter} (and {@code System.out}) catch
 * every {@link IOException} and only set a flag, so a report sent to a full disk or a closed pipe was
 * "written" and the run went on computing; under a PrintWriter this writer throws {@link Failure}, an
 * unchecked exception the PrintWriter lets through, so the first failed write stops the work.
 */
final class FailFastWriter extends Writer {

    /** A write that failed: the one line the user sees names {@code what} and the reason. */
    static final class Failure extends UncheckedIOException {
        private final String what;

        Failure(String what, IOException cause) {
            super(what + ": " + reason(cause), cause);
            this.what = what;
        }

        /** The reader of a pipe went away ({@code | head}): the usual way for output to end early. */
        boolean brokenPipe() {
            return getCause().getMessage() != null && getCause().getMessage().contains("Broken pipe");
        }

        String what() {
            return what;
        }

        private static String reason(IOException e) {
            return e.getMessage() == null || e.getMessage().isBlank() ? "write failed" : e.getMessage();
        }
    }

    private final Writer out;
    private final String what;
    private Failure failed;

    /** {@code what} names the destination in the message, e.g. "cannot write to stdout". */
    FailFastWriter(Writer out, String what) {
        this.out = out;
        this.what = what;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        check();
        try {
            out.write(buf, off, len);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    public void write(String s, int off, int len) {
        check();
        try {
            out.write(s, off, len);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    /** After a failure there is nothing left to flush: the failure has been reported once, where it happened. */
    @Override
    public void flush() {
        if (failed != null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            if (failed == null) {
                throw fail(e);
            }
        }
    }

    /** Once a write has failed, every later one fails the same way (nothing more can reach the reader). */
    private void check() {
        if (failed != null) {
            throw failed;
        }
    }

    private Failure fail(IOException e) {
        failed = new Failure(what, e);
        return failed;
    }
}

package llmcap.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import llmcap.catalog.CatalogException;
import llmcap.catalog.UnknownIdException;
import llmcap.engine.RuleException;

/**
 * Why something could not be answered, in one structure for every front end: what kind of failure,
 * its one-line message (one line per broken rule file), and, when known, the request parameter it is
 * about. The command line maps {@link Kind} to an exit code in one place, the HTTP server to a
 * status in one place; neither looks at exception classes.
 *
 * @param parameter the option or query parameter at fault ({@code gpu}, {@code set}), when known
 * @param value     the value given for it, when known
 */
public record Problem(Kind kind, List<String> lines, Optional<String> parameter, Optional<String> value) {

    public enum Kind {
        /** A mistake in what was asked: unknown id, malformed or unknown {@code --set}, bad option value. */
        USAGE,
        /** A catalog or scenario file (or an inline scenario) that cannot be used. */
        CATALOG,
        /** Rules that do not compile, fail while firing, conflict or never stop. */
        RULES,
        /** A file or folder that cannot be read or written. */
        IO,
        /** A request body, sweep or other input larger than the limit. */
        TOO_LARGE,
        /** The answer would take longer than the time allowed, or the server is stopping. */
        UNAVAILABLE,
        /** A bug in llmcap. */
        INTERNAL
    }

    public Problem {
        Objects.requireNonNull(kind, "kind must not be null");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
    }

    public static Problem of(Kind kind, String message) {
        return new Problem(kind, List.of(message), Optional.empty(), Optional.empty());
    }

    /** The problem an exception stands for; anything not known here is an internal error. */
    public static Problem of(Throwable e) {
        if (e instanceof Failure f) {
            return f.problem();
        }
        if (e instanceof UsageException || e instanceof UnknownIdException) {
            return of(Kind.USAGE, e.getMessage());
        }
        if (e instanceof CatalogException) {
            return of(Kind.CATALOG, e.getMessage());
        }
        if (e instanceof RuleException r) {
            Kind kind = switch (r.blame()) { // a rule that failed only on a value the user gave blames that value
                case COMMAND_LINE -> Kind.USAGE;
                case SCENARIO -> Kind.CATALOG;
                case RULES -> Kind.RULES;
            };
            return new Problem(kind, r.lines(), Optional.empty(), Optional.empty());
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return of(Kind.IO, String.valueOf(e.getMessage()));
        }
        return of(Kind.INTERNAL, "internal error: " + e);
    }

    /** The same problem, said to be about {@code parameter=value}. */
    public Problem about(String parameter, String value) {
        return new Problem(kind, lines, Optional.of(parameter), Optional.ofNullable(value));
    }

    /** All lines as one text. */
    public String message() {
        return String.join("\n", lines);
    }

    /** A problem to throw: carries the structure through code that only knows exceptions. */
    public static final class Failure extends RuntimeException {
        private final transient Problem problem;

        public Failure(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public Failure failure() {
        return new Failure(this);
    }
}

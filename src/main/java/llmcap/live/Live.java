package llmcap.live;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import llmcap.app.Problem;

/**
 * The current snapshot, replaced atomically when the files on disk change. A failed reload keeps the
 * last good snapshot and records why ({@link ReloadError}) until a later reload succeeds. Readers
 * call {@link #state()} once and use what it returns: the snapshot and the error are one value, so
 * they always belong together.
 */
public final class Live implements AutoCloseable {

    /**
     * What the server answers from: the last good snapshot, and the error of the last reload if it failed.
     *
     * @param reloads how many snapshots were made after the first (a counter the tests and the page can watch)
     */
    public record State(Snapshot snapshot, Optional<ReloadError> error, long reloads) {
    }

    private final SnapshotLoader loader;
    private final AtomicReference<State> state;
    private final Clock clock;
    private Watcher watcher;

    /** Loads the first snapshot; throws, as the command line would, when the files cannot be used. */
    public Live(SnapshotLoader loader) {
        this(loader, Clock.systemUTC());
    }

    Live(SnapshotLoader loader, Clock clock) {
        this.loader = loader;
        this.clock = clock;
        this.state = new AtomicReference<>(new State(loader.load(Optional.empty()), Optional.empty(), 0));
    }

    public State state() {
        return state.get();
    }

    /** The current snapshot (shorthand for {@code state().snapshot()}). */
    public Snapshot snapshot() {
        return state.get().snapshot();
    }

    /**
     * Reads the files again. On success the new snapshot replaces the old one (only if a version
     * changed) and any recorded error is cleared; on failure the old snapshot stays and the error is
     * recorded. Returns the state after the attempt. Reloads never run concurrently.
     */
    public synchronized State reload() {
        State before = state.get();
        State after;
        try {
            Snapshot next = loader.load(Optional.of(before.snapshot()));
            boolean changed = !next.version().equals(before.snapshot().version());
            after = new State(changed ? next : before.snapshot(), Optional.empty(),
                    before.reloads() + (changed ? 1 : 0));
        } catch (RuntimeException | LinkageError e) {
            Problem p = Problem.of(e);
            after = new State(before.snapshot(), Optional.of(ReloadError.of(p.lines(), clock.instant())),
                    before.reloads());
        }
        state.set(after);
        return after;
    }

    /**
     * Starts watching the rules folder and every folder of the catalog (the bundled one and each overlay):
     * an edit is picked up within about a second.
     */
    public synchronized void watch(Watcher.Timing timing) {
        if (watcher == null) {
            java.util.List<java.nio.file.Path> folders = new java.util.ArrayList<>();
            folders.add(loader.rulesFolder().path());
            loader.catalogFolder().folders().forEach(f -> folders.add(f.path()));
            watcher = new Watcher(folders, timing, this::reload);
            watcher.start();
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}

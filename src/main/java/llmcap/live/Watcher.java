package llmcap.live;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Polls folders for changes (names, sizes, modification times of every file below them) and runs an
 * action once they have been quiet for a moment, so an editor's save (often a write, a rename and a
 * second write) causes one reload, not three. Polling works alike for every editor and file system,
 * and a few stat calls every quarter second cost nothing. Folders inside the jar are not watched.
 */
public final class Watcher implements AutoCloseable {

    /** How often to look, and how long the files must stay unchanged before the action runs. */
    public record Timing(Duration poll, Duration quiet) {
        public static final Timing DEFAULT = new Timing(Duration.ofMillis(100), Duration.ofMillis(100));
    }

    private final List<Path> folders;
    private final Timing timing;
    private final Runnable action;
    private final Thread thread;
    private volatile boolean running = true;
    private String seen;

    Watcher(List<Path> folders, Timing timing, Runnable action) {
        this.folders = folders.stream().filter(p -> p.getFileSystem() == FileSystems.getDefault()).toList();
        this.timing = timing;
        this.action = action;
        this.thread = new Thread(this::loop, "llmcap-watcher");
        this.thread.setDaemon(true);
    }

    /** Takes the files' state now, so an edit made right after this call is seen as one. */
    void start() {
        if (!folders.isEmpty()) {
            seen = fingerprint();
            thread.start();
        }
    }

    private void loop() {
        while (running) {
            sleep(timing.poll());
            String now = fingerprint();
            if (now.equals(seen)) {
                continue;
            }
            // Changed: wait until it stays the same for the quiet period, then act once.
            String settled;
            do {
                settled = now;
                sleep(timing.quiet());
                now = fingerprint();
            } while (running && !now.equals(settled));
            seen = now;
            if (running) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // the action records its own failures; the watcher must keep watching whatever happens
                }
            }
        }
    }

    /** Every file's path, size and modification time, in a stable order. */
    private String fingerprint() {
        StringBuilder b = new StringBuilder(4096);
        for (Path folder : folders) {
            try (Stream<Path> s = Files.walk(folder, 4)) {
                for (Path p : s.sorted().toList()) {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        b.append(p).append('|').append(a.size()).append('|')
                                .append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS)).append('\n');
                    } catch (IOException gone) {
                        b.append(p).append("|gone\n"); // deleted between listing and reading: a change too
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                b.append(folder).append("|unreadable\n");
            }
        }
        return b.toString();
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

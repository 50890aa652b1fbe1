package llmcap.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.kie.api.runtime.KieSession;

/**
 * A wall-clock limit on rule firing. Each session has a {@link Watch}; one daemon thread looks at every
 * watch twenty times a second. When a firing has run past its limit (an action that loops or waits for
 * ever), the watchdog notes the rule that was running, halts the session and interrupts the firing
 * thread, which ends an action that sleeps or waits. An action that computes without end is stopped a
 * second later ({@link Thread#stop}, the only means Java has; it works up to Java 19). If even that fails,
 * the handler set with {@link #whenStuck} hears the message two seconds later (the command line prints
 * it and exits with code 4).
 */
final class Watchdog {

    private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();
    private static volatile Consumer<String> stuck = message -> { };
    private static Thread poller;

    private Watchdog() {
    }

    /** What to do when a firing could not be stopped at all: the process must end, with {@code message}. */
    static void whenStuck(Consumer<String> handler) {
        stuck = handler;
    }

    /** The limit on one firing of one session. */
    static final class Watch {
        private final KieSession session;
        private final Recorder recorder;
        private final long limitNanos;
        private final String limit;
        private volatile Thread thread;
        private volatile long started;
        private volatile String running;
        private volatile boolean expired;
        private int stage;
        private long stageAt;

        private Watch(KieSession session, Recorder recorder, Duration limit) {
            this.session = session;
            this.recorder = recorder;
            this.limitNanos = limit.toNanos();
            this.limit = describe(limit);
        }

        /** A firing starts: the watchdog looks at it until {@link #end}. */
        void start() {
            expired = false;
            stage = 0;
            thread = Thread.currentThread();
            started = System.nanoTime();
            WATCHES.add(this);
        }

        /**
         * The firing is over: from here on the watchdog leaves the thread alone, and forgets the watch, so
         * an idle session (one kept for the next estimate, or dropped without close) is never held here.
         */
        synchronized void end() {
            started = 0;
            WATCHES.remove(this);
        }

        boolean expired() {
            return expired;
        }

        /** {@code rules/x.drl:14: rule "name" still running after 5 s ...}. */
        String message() {
            return (running == null ? "rules: rule firing" : running) + " still running after " + limit
                    + " (the wall-clock limit on rule firing; LLMCAP_RULE_TIMEOUT or --rule-timeout sets it):"
                    + " an action that loops or waits for ever never ends";
        }

        void close() {
            WATCHES.remove(this);
        }

        @SuppressWarnings({"deprecation", "removal"})
        private synchronized void check(long now) {
            long since = started;
            if (since == 0 || now - since < limitNanos) {
                return;
            }
            if (stage == 0) {
                var m = recorder.running();
                running = m == null ? null : recorder.where(m) + ": rule \"" + m.getRule().getName() + "\"";
                expired = true;
                session.halt();
                thread.interrupt();
                stage = 1;
                stageAt = now;
            } else if (stage == 1 && now - stageAt > 1_000_000_000L) {
                try {
                    thread.stop(); // an action that computes without end: nothing else reaches it
                } catch (UnsupportedOperationException e) {
                    // Java 20 and later: the handler ends the process below
                }
                stage = 2;
                stageAt = now;
            } else if (stage == 2 && now - stageAt > 2_000_000_000L) {
                stage = 3;
                stuck.accept(message());
            }
        }
    }

    static Watch watch(KieSession session, Recorder recorder, Duration limit) {
        Watch w = new Watch(session, recorder, limit);
        startPoller();
        return w;
    }

    private static synchronized void startPoller() {
        if (poller != null) {
            return;
        }
        poller = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                for (Watch w : WATCHES) {
                    w.check(now);
                }
            }
        }, "llmcap-rule-watchdog");
        poller.setDaemon(true);
        poller.start();
    }

    private static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}

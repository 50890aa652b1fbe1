package llmcap.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Computes items 0..n-1 on up to two threads in blocks and hands the results to the caller in
 * order, holding only a few blocks at a time. Each thread has its own worker (e.g. an open session);
 * the workers are closed at the end.
 */
final class Blocks {

    static final int SIZE = 2048;

    interface Worker<R> extends AutoCloseable {
        R compute(long index);

        @Override
        void close();
    }

    interface Emit<R> {
        void accept(long index, R result) throws java.io.IOException;
    }

    private Blocks() {
    }

    static <R> void run(long n, Supplier<? extends Worker<R>> newWorker, Emit<R> emit) throws java.io.IOException {
        int threads = n < 2L * SIZE ? 1 : Math.min(2, Runtime.getRuntime().availableProcessors());
        List<Worker<R>> workers = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Worker<R>> mine = ThreadLocal.withInitial(() -> {
            Worker<R> w = newWorker.get();
            workers.add(w);
            return w;
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "llmcap-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            long blocks = (n + SIZE - 1) / SIZE;
            ArrayDeque<Future<List<R>>> pending = new ArrayDeque<>();
            long next = 0;
            for (long done = 0; done < blocks; done++) {
                while (next < blocks && pending.size() < 2 * threads) {
                    long from = next * SIZE;
                    long to = Math.min(n, from + SIZE);
                    pending.add(pool.submit(() -> {
                        Worker<R> w = mine.get();
                        List<R> out = new ArrayList<>((int) (to - from));
                        for (long i = from; i < to && !Thread.currentThread().isInterrupted(); i++) {
                            out.add(w.compute(i)); // interrupted: the caller has stopped (its output failed)
                        }
                        return out;
                    }));
                    next++;
                }
                List<R> results = await(pending.poll());
                long first = done * SIZE;
                for (int i = 0; i < results.size(); i++) {
                    emit.accept(first + i, results.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.forEach(Worker::close);
        }
    }

    private static <R> List<R> await(Future<List<R>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

package org.swis.kernels.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of daemon threads shared by the multi-threaded kernels. {@link #run} splits work into
 * contiguous, equally sized index ranges; {@link #runChunked} hands out fixed-size chunks on demand, so
 * a thread that is slowed (another process on its core, a safepoint) does not hold up the others. The
 * caller always takes part. Each range writes only its own outputs, so results never depend on the
 * thread count or on which thread ran which range.
 */
public final class WorkerPool {
    private static volatile ExecutorService pool;

    private WorkerPool() {
    }

    /** A range of work, [from, to). */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (WorkerPool.class) {
                p = pool;
                if (p == null) {
                    int size = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
                    p = Executors.newFixedThreadPool(size, r -> {
                        Thread t = new Thread(r, "swis-kernel-worker");
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code task} over [0, count) in chunks of {@code grain} indices (the last one shorter), claimed
     * from a shared counter by the caller and up to {@code threads - 1} pool threads.
     */
    public static void runChunked(int count, int threads, int grain, RangeTask task) {
        if (threads < 1) {
            throw new org.swis.reference.SwisInputException("threads", threads, "at least 1");
        }
        if (grain < 1) {
            throw new org.swis.reference.SwisInputException("grain", grain, "at least 1");
        }
        int chunks = (int) (((long) count + grain - 1) / grain);
        int parts = Math.max(1, Math.min(threads, chunks));
        if (parts == 1) {
            task.run(0, count);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int from = next.getAndAdd(grain); from < count; from = next.getAndAdd(grain)) {
                task.run(from, (int) Math.min((long) from + grain, count));
            }
        };
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            futures.add(pool().submit(worker));
        }
        worker.run();
        await(futures);
    }

    /** Runs {@code task} over [0, count) in {@code threads} contiguous ranges. */
    public static void run(int count, int threads, RangeTask task) {
        if (threads < 1) {
            throw new org.swis.reference.SwisInputException("threads", threads, "at least 1");
        }
        int parts = Math.max(1, Math.min(threads, count));
        if (parts == 1) {
            task.run(0, count);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) count * p / parts);
            int to = (int) ((long) count * (p + 1) / parts);
            futures.add(pool().submit(() -> task.run(from, to)));
        }
        task.run(0, (int) ((long) count / parts));
        await(futures);
    }

    private static void await(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for kernel workers", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("kernel worker failed", c);
            }
        }
    }
}

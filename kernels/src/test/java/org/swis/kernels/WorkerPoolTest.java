package org.swis.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.swis.kernels.scalar.WorkerPool;
import org.swis.reference.SwisInputException;

class WorkerPoolTest {
    /**
     * Every index is visited exactly once, whatever the thread count; with more than one thread, in ranges
     * no longer than the grain (one thread runs the whole range in one call).
     */
    @Test
    void chunkedRunCoversEveryIndexOnce() {
        for (int count : new int[] {0, 1, 5, 1023, 1024, 1025, 10_000}) {
            for (int threads = 1; threads <= 4; threads++) {
                for (int grain : new int[] {1, 7, 1024}) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(count, 1));
                    int g = grain;
                    int th = threads;
                    WorkerPool.runChunked(count, threads, grain, (from, to) -> {
                        if (th > 1 && to - from > g || from >= to && count > 0) {
                            throw new IllegalStateException("range [" + from + ", " + to + ") for grain " + g);
                        }
                        for (int i = from; i < to; i++) {
                            seen.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < count; i++) {
                        assertEquals(1, seen.get(i), "count=" + count + " threads=" + threads + " grain=" + grain + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void chunkedRunRejectsBadArgumentsAndPassesOnWorkerFailures() {
        assertThrows(SwisInputException.class, () -> WorkerPool.runChunked(10, 0, 1, (a, b) -> { }));
        assertThrows(SwisInputException.class, () -> WorkerPool.runChunked(10, 2, 0, (a, b) -> { }));
        assertThrows(ArithmeticException.class, () -> WorkerPool.runChunked(100, 2, 10, (a, b) -> {
            if (a >= 50) {
                throw new ArithmeticException("chunk " + a);
            }
        }));
    }
}

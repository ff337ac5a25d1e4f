package org.swis.network.infer;

/**
 * One thread's reusable buffers for the integer layers (padded input, im2col columns, GEMM outputs,
 * sums): grown on demand, never shrunk, so a sub-batch allocates nothing once the largest layer has run.
 * Not thread-safe: one per worker thread ({@link QuantizedInference} keeps them in a ThreadLocal).
 */
final class Scratch {
    static final int INPUT = 0;
    static final int COLUMNS = 1;
    static final int OUTPUTS = 2;
    static final int ACC = 3;

    private final int[][] ints = new int[4][];
    private long[] sums = new long[0];

    /** Buffer {@code slot} with at least n ints (contents undefined). */
    int[] ints(int slot, int n) {
        int[] a = ints[slot];
        if (a == null || a.length < n) {
            a = new int[n];
            ints[slot] = a;
        }
        return a;
    }

    /** The sums buffer with at least n longs (contents undefined). */
    long[] sums(int n) {
        if (sums.length < n) {
            sums = new long[n];
        }
        return sums;
    }
}

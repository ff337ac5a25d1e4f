package org.swis.network.infer;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the quantized inference spends its time (SPEC §14.5): nanoseconds per phase, summed over the
 * threads that ran it (thread-time, not wall time). One {@link System#nanoTime} pair per phase, per MAC node
 * and sub-batch, so the clock itself costs well under a microsecond per node. Thread-safe.
 */
public final class PhaseClock {
    /** The phases, in the order of {@link #nanos()}. */
    public enum Phase {
        /** float input to 8-bit codes / kernel operands, in the padded layout. */
        QUANTIZE,
        /** im2col: the kernel's int activation columns. */
        IM2COL,
        /** the kernels' GEMM (row decode included) plus the uint8 offset added back. */
        GEMM,
        /** the direct integer loop (depthwise and other grouped convolutions). */
        DIRECT,
        /** requantization, bias, BatchNorm and activation ({@link Epilogue}). */
        EPILOGUE,
        /** the other nodes (add, pooling, padding shortcuts) and the glue between nodes. */
        OTHER
    }

    public static final List<String> NAMES = List.of("quantize", "im2col", "gemm", "direct", "epilogue", "other");

    private final LongAdder[] total = new LongAdder[Phase.values().length];

    public PhaseClock() {
        for (int i = 0; i < total.length; i++) {
            total[i] = new LongAdder();
        }
    }

    void add(Phase p, long nanos) {
        total[p.ordinal()].add(nanos);
    }

    /** Nanoseconds per phase so far, in {@link Phase} order. */
    public long[] nanos() {
        long[] n = new long[total.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = total[i].sum();
        }
        return n;
    }

    public void reset() {
        for (LongAdder a : total) {
            a.reset();
        }
    }
}

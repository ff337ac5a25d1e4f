package org.swis.properties.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.Kernel;
import org.swis.kernels.KernelRegistry;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;

/**
 * The kernel conformance kit: every kernel the {@link KernelRegistry} discovers (built-in scalar and
 * Vector API families, and any user kernel registered in {@code META-INF/services}) must equal the
 * reference exactly on random and edge inputs: lengths 1..257 (every vector tail), zero groups,
 * all-max magnitudes and activations, odd C_in and padded groups, depthwise filters, both schemes,
 * every N (also mixed per filter) and M, alphas from 0 to 2^30, 1..3 threads. A failure shrinks to a
 * minimal input and its message names the kernel, its class and the first differing output.
 */
class KernelConformanceTest {

    // ---------------------------------------------------------------- decomposers

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void everyDecomposerReturnsTheReferenceCodeForEveryGroup(@ForAll("decomposeCases") Cases.DecomposeCase c) {
        DecomposedTensor ref = Decomposer.decompose(c.tensor(), c.config(), c.n());
        Statistics.label("scheme").collect(c.scheme());
        for (DecomposeKernel k : KernelRegistry.decomposers()) {
            SwisCodes got = k.decompose(c.tensor(), c.config(), c.n(), c.threads());
            int g = got.firstDifference(ref);
            if (g >= 0) {
                throw new AssertionError(who(k) + ": group " + g + " is "
                        + (g < got.groupCount() ? got.code(g) : "missing") + ", reference " + ref.code(g) + "; input " + c);
            }
        }
    }

    @Provide
    Arbitrary<Cases.DecomposeCase> decomposeCases() {
        Arbitrary<Scheme> scheme = Arbitraries.of(Scheme.values());
        Arbitrary<Integer> m = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(4)), Tuple.of(3, Arbitraries.integers().between(1, 9)));
        Arbitrary<Alpha> alpha = Arbitraries.of(Alpha.ZERO, Alpha.ONE, new Alpha(1, 2), new Alpha(3, 1), new Alpha(7, 5),
                new Alpha(1 << 30, 1), new Alpha(1, 1 << 30));
        Arbitrary<Integer> n = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> threads = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> filters = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> channels = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(1, 3, 4, 5, 7, 8, 9, 17)),
                Tuple.of(2, Arbitraries.integers().between(1, 40)));
        Arbitrary<Integer> taps = Arbitraries.of(1, 1, 2, 9);
        return Combinators.combine(scheme, m, alpha, n, threads, filters, channels, taps).flatAs(
                (s, mm, a, nn, t, f, ch, tp) -> weights(f * ch * tp).map(w -> new Cases.DecomposeCase(
                        s, mm, a, nn, t, f, ch, tp, w.get1(), w.get2())));
    }

    /** Magnitudes 0..255 and signs: random, all zero, all 255, or small values (many rounding ties). */
    private static Arbitrary<Tuple.Tuple2<int[], boolean[]>> weights(int count) {
        Arbitrary<int[]> mags = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 255).array(int[].class).ofSize(count)),
                Tuple.of(2, Arbitraries.integers().between(0, 12).array(int[].class).ofSize(count)),
                Tuple.of(1, Arbitraries.just(new int[count])),
                Tuple.of(1, Arbitraries.just(filled(count, 255))),
                Tuple.of(1, Arbitraries.of(127, 128, 255).array(int[].class).ofSize(count)));
        Arbitrary<boolean[]> signs = Arbitraries.of(true, false).array(boolean[].class).ofSize(count);
        return Combinators.combine(mags, signs).as(Tuple::of);
    }

    private static int[] filled(int count, int v) {
        int[] a = new int[count];
        Arrays.fill(a, v);
        return a;
    }

    // ---------------------------------------------------------------- GEMV / GEMM

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void everyGemvKernelEqualsTheReferenceProduct(@ForAll("matrixCases") Cases.MatrixCase c) {
        SwisCodes codes = c.swisCodes();
        byte[] x = Arrays.copyOf(c.x(), c.columns());
        int[] want = reference(codes, x, 1);
        Statistics.label("K mod 8").collect(c.columns() % 8);
        for (GemvKernel k : KernelRegistry.gemv()) {
            int[] y = new int[codes.filters()];
            k.gemv(k.prepare(codes), x, y);
            compare(k, "gemv", want, y, c);
        }
    }

    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void everyGemmKernelEqualsTheReferenceProduct(@ForAll("matrixCases") Cases.MatrixCase c) {
        SwisCodes codes = c.swisCodes();
        int[] want = reference(codes, c.x(), c.batch());
        for (GemmKernel k : KernelRegistry.gemm()) {
            int[] y = new int[codes.filters() * c.batch()];
            k.gemm(k.prepare(codes), c.x(), c.batch(), y);
            compare(k, "gemm", want, y, c);
        }
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void everyPreparedLayoutRoundTripsToTheDecodedWeights(@ForAll("matrixCases") Cases.MatrixCase c) {
        SwisCodes codes = c.swisCodes();
        GroupLayout l = codes.layout();
        List<Kernel> kernels = new ArrayList<>(KernelRegistry.gemv());
        kernels.addAll(KernelRegistry.gemm());
        for (Kernel k : kernels) {
            PreparedMatrix p = k instanceof GemvKernel g ? g.prepare(codes) : ((GemmKernel) k).prepare(codes);
            for (int r = 0; r < codes.filters(); r++) {
                for (int g = 0; g < l.groupsPerFilter(); g++) {
                    for (int i = 0; i < l.m(); i++) {
                        int e = l.element(g, i);
                        if (e != GroupLayout.PAD && p.weight(r, e) != codes.weight(r * l.groupsPerFilter() + g, i)) {
                            throw new AssertionError(who(k) + ": layout weight(" + r + ", " + e + ") = " + p.weight(r, e)
                                    + ", codes say " + codes.weight(r * l.groupsPerFilter() + g, i) + "; input " + c);
                        }
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<Cases.MatrixCase> matrixCases() {
        Arbitrary<Scheme> scheme = Arbitraries.of(Scheme.values());
        Arbitrary<Integer> m = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(4)), Tuple.of(3, Arbitraries.integers().between(1, 9)));
        Arbitrary<Integer> rows = Arbitraries.integers().between(1, 6);
        Arbitrary<Integer> channels = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257)),
                Tuple.of(3, Arbitraries.integers().between(1, 257)));
        Arbitrary<Integer> taps = Arbitraries.of(1, 1, 1, 9);
        Arbitrary<Integer> batch = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(1, 4, 16)),
                Tuple.of(1, Arbitraries.integers().between(1, 17)));
        Arbitrary<Boolean> mixedN = Arbitraries.of(false, true);
        return Combinators.combine(scheme, m, rows, channels, taps, batch, mixedN).flatAs((s, mm, r, ch, tp, b, mixed) -> {
            GroupLayout layout = new GroupLayout(mm, ch, tp);
            int gpf = layout.groupsPerFilter();
            Arbitrary<int[]> shifts = mixed
                    ? Arbitraries.integers().between(1, 8).array(int[].class).ofSize(r)
                    : Arbitraries.integers().between(1, 8).map(v -> filled(r, v));
            return shifts.flatMap(ns -> Combinators.combine(groupCodes(s, mm, ns, gpf), activations(ch * tp * b))
                    .as((codes, x) -> new Cases.MatrixCase(s, mm, ch, tp, ns, codes, b, x)));
        });
    }

    /**
     * One code per group from three flat arrays (shrinkable): a support-vector index, sign bits and mask
     * bits, each cut to the group's M and its filter's N; a kind per group picks random, all-max
     * (top support, all masks and signs set) or all-zero.
     */
    private static Arbitrary<GroupCode[]> groupCodes(Scheme scheme, int m, int[] shifts, int gpf) {
        int groups = shifts.length * gpf;
        Arbitrary<int[]> idx = Arbitraries.integers().between(0, 69).array(int[].class).ofSize(groups);
        Arbitrary<int[]> signs = Arbitraries.integers().between(0, 511).array(int[].class).ofSize(groups);
        Arbitrary<int[]> masks = Arbitraries.integers().between(0, 255).array(int[].class).ofSize(groups * m);
        Arbitrary<int[]> kind = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.just(2))).array(int[].class).ofSize(groups);
        return Combinators.combine(idx, signs, masks, kind).as((ix, sg, mk, kd) -> {
            GroupCode[] out = new GroupCode[groups];
            for (int g = 0; g < groups; g++) {
                int n = shifts[g / gpf];
                int full = (1 << n) - 1;
                int[] mm = new int[m];
                for (int i = 0; i < m; i++) {
                    mm[i] = kd[g] == 1 ? full : kd[g] == 2 ? 0 : mk[g * m + i] & full;
                }
                SupportVector sv = Cases.support(scheme, n, kd[g] == 1 ? -1 : ix[g]);
                int signBits = kd[g] == 1 ? (1 << m) - 1 : kd[g] == 2 ? 0 : sg[g] & ((1 << m) - 1);
                out[g] = new GroupCode(sv, signBits, mm);
            }
            return out;
        });
    }

    private static Arbitrary<byte[]> activations(int count) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.bytes().array(byte[].class).ofSize(count)),
                Tuple.of(1, Arbitraries.of((byte) -128, (byte) 127).array(byte[].class).ofSize(count)),
                Tuple.of(1, Arbitraries.just(filledBytes(count, (byte) -128))));
    }

    private static byte[] filledBytes(int count, byte v) {
        byte[] a = new byte[count];
        Arrays.fill(a, v);
        return a;
    }

    /** The oracle: decoded weights (GroupCode.weight) times activations, accumulated in long. */
    static int[] reference(SwisCodes codes, byte[] x, int batch) {
        GemmKernel ref = KernelRegistry.gemm("reference");
        int[] y = new int[codes.filters() * batch];
        ref.gemm(ref.prepare(codes), x, batch, y);
        return y;
    }

    private static void compare(Kernel k, String op, int[] want, int[] got, Cases.MatrixCase c) {
        for (int i = 0; i < want.length; i++) {
            if (want[i] != got[i]) {
                throw new AssertionError(who(k) + " " + op + ": y[" + i + "] = " + got[i] + ", reference " + want[i]
                        + "; input " + c);
            }
        }
    }

    private static String who(Kernel k) {
        return "kernel '" + k.name() + "' (" + k.getClass().getName() + ")";
    }
}

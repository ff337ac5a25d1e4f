package org.swis.conformance;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;

/**
 * Deterministic cases from a seed: case {@code k} of a property depends only on (seed, property, k),
 * so any case can be replayed alone. The distributions cover every vector tail (channel counts
 * weighted towards 1, 7, 8, 9, …, 255, 256, 257), both schemes, N 1..8 uniform or mixed per filter,
 * M 1..9 (mostly 4), α from 0 to 2^30, batch 1..17, activations at the int8 edges −128/127,
 * all-max and all-zero groups, and magnitudes 0..255 including many rounding ties (SPEC §3).
 */
public final class CaseGenerator {
    static final List<Alpha> ALPHAS = List.of(Alpha.ZERO, Alpha.ONE, new Alpha(1, 2), new Alpha(3, 1), new Alpha(7, 5),
            new Alpha(1L << 30, 1), new Alpha(1, 1L << 30));
    private static final int[] TAIL_CHANNELS = {1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256,
        257};
    private static final int[] SMALL_CHANNELS = {1, 3, 4, 5, 7, 8, 9, 17};

    private CaseGenerator() {
    }

    /** The random source of case {@code k} of a property (salted so properties draw different cases). */
    static SplittableRandom random(long seed, Property property, int k) {
        long s = seed * 0x9E3779B97F4A7C15L + property.ordinal() + 1;
        s = s * 0xBF58476D1CE4E5B9L + k;
        return new SplittableRandom(s);
    }

    /** Case {@code k} of the decomposer property. */
    public static DecomposeCase decomposeCase(long seed, int k) {
        SplittableRandom r = random(seed, Property.DECOMPOSE, k);
        Scheme scheme = Scheme.values()[r.nextInt(Scheme.values().length)];
        int m = groupSize(r);
        Alpha alpha = ALPHAS.get(r.nextInt(ALPHAS.size()));
        int threads = r.nextInt(1, 4);
        int filters = r.nextInt(1, 4);
        int channels = r.nextInt(3) == 0 ? SMALL_CHANNELS[r.nextInt(SMALL_CHANNELS.length)] : r.nextInt(1, 41);
        // A single channel groups along the taps (depthwise): favour 9 taps there.
        int taps = (channels == 1 ? new int[] {1, 2, 9, 9} : new int[] {1, 1, 2, 9})[r.nextInt(4)];
        int[] shifts = shifts(r, filters);
        int count = filters * channels * taps;
        int[] mags = new int[count];
        int kind = r.nextInt(9);
        for (int i = 0; i < count; i++) {
            mags[i] = switch (kind) {
                case 0, 1, 2, 3 -> r.nextInt(256);
                case 4, 5 -> r.nextInt(13);
                case 6 -> 0;
                case 7 -> 255;
                default -> new int[] {127, 128, 255}[r.nextInt(3)];
            };
        }
        boolean[] neg = new boolean[count];
        for (int i = 0; i < count; i++) {
            neg[i] = r.nextBoolean();
        }
        return new DecomposeCase(scheme, m, alpha, shifts, threads, filters, channels, taps, mags, neg);
    }

    /** Case {@code k} of a matrix property (GEMV, GEMM or the layout round trip). */
    public static MatrixCase matrixCase(long seed, Property property, int k) {
        SplittableRandom r = random(seed, property, k);
        Scheme scheme = Scheme.values()[r.nextInt(Scheme.values().length)];
        int m = groupSize(r);
        int rows = r.nextInt(1, 7);
        int channels = r.nextInt(4) == 0 ? TAIL_CHANNELS[r.nextInt(TAIL_CHANNELS.length)] : r.nextInt(1, 258);
        int taps = r.nextInt(4) == 0 ? 9 : 1;
        int batch = r.nextInt(3) < 2 ? new int[] {1, 4, 16}[r.nextInt(3)] : r.nextInt(1, 18);
        int[] shifts = shifts(r, rows);
        int gpf = new GroupLayout(m, channels, taps).groupsPerFilter();
        GroupCode[] codes = new GroupCode[rows * gpf];
        for (int g = 0; g < codes.length; g++) {
            codes[g] = groupCode(r, scheme, m, shifts[g / gpf]);
        }
        byte[] x = new byte[channels * taps * batch];
        int kind = r.nextInt(8);
        for (int i = 0; i < x.length; i++) {
            x[i] = kind < 6 ? (byte) r.nextInt(256) : kind == 6 ? (r.nextBoolean() ? (byte) -128 : (byte) 127) : (byte) -128;
        }
        return new MatrixCase(scheme, m, channels, taps, shifts, codes, batch, x);
    }

    /** M: 4 with weight 4, else uniform 1..9. */
    private static int groupSize(SplittableRandom r) {
        return r.nextInt(7) < 4 ? 4 : r.nextInt(1, 10);
    }

    /** N per filter: one N for all (uniform) or one per filter (mixed), each 1..8. */
    private static int[] shifts(SplittableRandom r, int filters) {
        int[] s = new int[filters];
        if (r.nextBoolean()) {
            Arrays.fill(s, r.nextInt(1, 9));
        } else {
            for (int f = 0; f < filters; f++) {
                s[f] = r.nextInt(1, 9);
            }
        }
        return s;
    }

    /**
     * A random code (any support vector of the scheme, any signs and masks) with weight 8, all-max
     * (the top support vector, every mask bit and sign set) with weight 1, all-zero with weight 1.
     */
    private static GroupCode groupCode(SplittableRandom r, Scheme scheme, int m, int n) {
        List<SupportVector> all = SupportVector.candidates(scheme, n);
        int kind = r.nextInt(10);
        int full = (1 << n) - 1;
        int[] masks = new int[m];
        if (kind == 8) {
            Arrays.fill(masks, full);
            return new GroupCode(all.get(all.size() - 1), (1 << m) - 1, masks);
        }
        SupportVector sv = all.get(r.nextInt(all.size()));
        if (kind == 9) {
            return new GroupCode(sv, 0, masks);
        }
        for (int i = 0; i < m; i++) {
            masks[i] = r.nextInt(full + 1);
        }
        return new GroupCode(sv, r.nextInt(1 << m), masks);
    }
}

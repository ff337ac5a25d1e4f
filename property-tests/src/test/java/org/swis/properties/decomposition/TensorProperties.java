package org.swis.properties.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.swis.properties.DeepTries;
import org.swis.reference.SwisInputException;
import org.swis.reference.encode.EncodedTensor;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/** Invariants of whole-tensor decomposition and its packed encoding (SPEC §2-§4). */
@AddLifecycleHook(DeepTries.class)
class TensorProperties {

    /** A small integer layer with a decomposition config and per-filter shift counts. */
    record Case(QuantizedTensor tensor, DecompositionConfig config, int[] shifts) {
        @Override
        public String toString() {
            return "Case{" + tensor.filters() + "x" + tensor.channels() + "x" + tensor.kh() + "x" + tensor.kw()
                    + ", " + config + ", shifts=" + java.util.Arrays.toString(shifts) + "}";
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<int[]> dims = Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 19),
                Arbitraries.of(1, 3), Arbitraries.of(1, 2, 4, 8, 16)).as((f, c, k, m) -> new int[] {f, c, k, m});
        return dims.flatMap(d -> {
            int f = d[0];
            int size = d[0] * d[1] * d[2] * d[2];
            return Combinators.combine(
                    Arbitraries.integers().between(-255, 255).array(int[].class).ofSize(size),
                    Arbitraries.integers().between(1, 8).array(int[].class).ofSize(f),
                    Arbitraries.of(Scheme.values()),
                    Arbitraries.of(Alpha.ZERO, Alpha.ONE, new Alpha(3, 2))).as((v, shifts, scheme, alpha) -> {
                        int[] mag = new int[size];
                        boolean[] neg = new boolean[size];
                        for (int i = 0; i < size; i++) {
                            mag[i] = Math.abs(v[i]);
                            neg[i] = v[i] < 0;
                        }
                        double[] scale = new double[f];
                        java.util.Arrays.fill(scale, 0.01);
                        QuantizedTensor t = new QuantizedTensor("t", f, d[1], d[2], d[2], mag, neg, scale);
                        return new Case(t, new DecompositionConfig(scheme, d[3], alpha), shifts);
                    });
        });
    }

    @Property(tries = 150)
    void encodeThenDecodeIsTheIdentityOnDecompositions(@ForAll("cases") Case c) {
        DecomposedTensor d = Decomposer.decompose(c.tensor(), c.config(), c.shifts());
        GroupCode[] back = GroupStreamCodec.decode(GroupStreamCodec.encode(d));
        assertThat(back).hasSize(d.groupCount());
        for (int g = 0; g < back.length; g++) {
            assertThat(back[g]).isEqualTo(d.code(g));
        }
    }

    @Property(tries = 150)
    void packedSizeEqualsTheStorageFormula(@ForAll("cases") Case c) {
        DecomposedTensor d = Decomposer.decompose(c.tensor(), c.config(), c.shifts());
        EncodedTensor e = GroupStreamCodec.encode(d);
        int m = c.config().m();
        long expected = 0;
        for (int n : c.shifts()) {
            long perGroup = c.config().scheme() == Scheme.SWIS ? m + 3L * n + (long) m * n : m + 3L + (long) m * n;
            expected += perGroup * d.groupsPerFilter();
        }
        assertThat(e.bitLength()).isEqualTo(expected);
        assertThat(e.stream().length).isEqualTo((int) ((expected + 7) / 8));
    }

    @Property(tries = 60)
    void fullGroupsStoreOnePlusNPlusShiftBitsOverMPerWeight(@ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll("groupSizes") int m, @ForAll @IntRange(min = 1, max = 5) int blocks, @ForAll boolean consecutive) {
        // channels a multiple of M: every group is full, so bits/weight is exactly 1 + N + 3N/M (SWIS) or 1 + N + 3/M.
        int channels = m * blocks;
        int[] mag = new int[2 * channels * 9];
        java.util.Arrays.fill(mag, 77);
        QuantizedTensor t = new QuantizedTensor("t", 2, channels, 3, 3, mag, new boolean[mag.length], new double[] {1, 1});
        Scheme s = consecutive ? Scheme.SWIS_C : Scheme.SWIS;
        EncodedTensor e = GroupStreamCodec.encode(Decomposer.decompose(t, new DecompositionConfig(s, m, Alpha.ONE), n));
        double formula = consecutive ? 1 + n + 3.0 / m : 1 + n + 3.0 * n / m;
        assertThat(e.bitsPerWeight()).isEqualTo(formula);
    }

    @Provide
    Arbitrary<Integer> groupSizes() {
        return Arbitraries.of(1, 2, 4, 8, 16);
    }

    /**
     * Every weight is reconstructed as its source magnitude rounded to the nearest value (ties to the
     * smaller) that its own group's shifts can represent, with its sign kept (SPEC §2-§3, paper Eq. 6).
     * The weight's group is derived here from the grouping rule (M consecutive channels at one tap;
     * along the taps for single-channel filters) and the representable values by {@link BruteForce}
     * subset sums, not through the reference's GroupLayout or SupportVector.
     */
    @Property(tries = 150)
    void everyWeightIsRoundedToTheNearestValueOfItsOwnGroupsShifts(@ForAll("cases") Case c) {
        DecomposedTensor d = Decomposer.decompose(c.tensor(), c.config(), c.shifts());
        QuantizedTensor src = c.tensor();
        QuantizedTensor r = d.reconstructed();
        int m = c.config().m();
        int channels = src.channels();
        int taps = src.kh() * src.kw();
        int perFilter = taps * channels;
        int groupsPerFilter = channels == 1 ? (taps + m - 1) / m : taps * ((channels + m - 1) / m);
        assertThat(d.groupsPerFilter()).isEqualTo(groupsPerFilter);
        for (int i = 0; i < src.size(); i++) {
            int f = i / perFilter;
            int tap = i % perFilter / channels;
            int channel = i % perFilter % channels;
            int group = channels == 1 ? tap / m : tap * ((channels + m - 1) / m) + channel / m;
            GroupCode code = d.code(f * groupsPerFilter + group);
            assertThat(code.n()).isEqualTo(c.shifts()[f]);
            int expected = BruteForce.round(src.magnitude(i), BruteForce.values(code.support().shifts()));
            assertThat(r.magnitude(i)).as("weight %d (filter %d, group %d)", i, f, group).isEqualTo(expected);
            assertThat(r.negative(i)).isEqualTo(src.negative(i));
        }
    }

    @Property(tries = 100)
    void nonFiniteWeightsAreRejectedNamingTheirIndex(@ForAll @IntRange(min = 1, max = 64) int size,
            @ForAll @IntRange(min = 0, max = 63) int at, @ForAll("nonFinite") float bad) {
        int index = at % size;
        float[] w = new float[size];
        w[index] = bad;
        assertThatThrownBy(() -> Quantizer.quantize(new WeightTensor("layer", 1, size, 1, 1, w), QuantizerConfig.DEFAULT))
                .isInstanceOf(SwisInputException.class)
                .satisfies(e -> assertThat(((SwisInputException) e).field()).isEqualTo("layer[" + index + "]"));
    }

    @Provide
    Arbitrary<Float> nonFinite() {
        return Arbitraries.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
    }
}

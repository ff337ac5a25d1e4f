package org.swis.properties.mac;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.swis.reference.mac.ActivationType;
import org.swis.reference.mac.PeMode;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;

/** Generators valid by construction (no filtering): group codes, operands with zero and extreme fills. */
final class Gen {
    private Gen() {
    }

    /** How a vector is filled: mostly random, sometimes all zero or all at the type's extreme. */
    enum Fill { RANDOM, ZERO, EXTREME }

    static Arbitrary<Integer> groupSize() {
        return Arbitraries.of(1, 2, 4, 8, 16);
    }

    static Arbitrary<Fill> fill() {
        return Arbitraries.frequency(net.jqwik.api.Tuple.of(8, Fill.RANDOM), net.jqwik.api.Tuple.of(1, Fill.ZERO),
                net.jqwik.api.Tuple.of(2, Fill.EXTREME));
    }

    /** A support vector of either scheme: SWIS any non-empty subset of 0..7, SWIS-C a window. */
    static Arbitrary<SupportVector> support(Scheme scheme) {
        if (scheme == Scheme.SWIS_C) {
            return Arbitraries.integers().between(1, 8).flatMap(n ->
                    Arbitraries.integers().between(0, 8 - n).map(o -> SupportVector.window(o, n)));
        }
        return Arbitraries.integers().between(1, 255).map(SupportVector::ofBits);
    }

    /** A group code of M weights: random signs and masks, or all masks full (extreme) or empty (zero group). */
    static Arbitrary<GroupCode> code(int m) {
        return Combinators.combine(Arbitraries.of(Scheme.values()).flatMap(Gen::support),
                Arbitraries.integers().between(0, 255).array(int[].class).ofSize(m),
                Arbitraries.integers().between(0, (1 << m) - 1), fill()).as((s, raw, signs, f) -> {
                    int full = (1 << s.n()) - 1;
                    int[] masks = new int[m];
                    for (int i = 0; i < m; i++) {
                        masks[i] = f == Fill.ZERO ? 0 : f == Fill.EXTREME ? full : raw[i] & full;
                    }
                    return new GroupCode(s, signs, masks);
                });
    }

    /** A vector of activations of the given type. */
    static Arbitrary<int[]> activations(ActivationType type, int length) {
        return Combinators.combine(Arbitraries.integers().between(type.min(), type.max()).array(int[].class).ofSize(length),
                fill()).as((a, f) -> {
                    if (f == Fill.RANDOM) {
                        return a;
                    }
                    int[] out = new int[length];
                    Arrays.fill(out, f == Fill.ZERO ? 0 : type == ActivationType.INT8 ? type.min() : type.max());
                    return out;
                });
    }

    /** Signed sign-magnitude integer weights, -255..255. */
    static Arbitrary<int[]> weights(int length) {
        return Combinators.combine(Arbitraries.integers().between(-255, 255).array(int[].class).ofSize(length),
                fill(), Arbitraries.of(-255, 255)).as((w, f, e) -> {
                    if (f == Fill.RANDOM) {
                        return w;
                    }
                    int[] out = new int[length];
                    Arrays.fill(out, f == Fill.ZERO ? 0 : e);
                    return out;
                });
    }

    static Arbitrary<PeMode> mode() {
        return Arbitraries.of(PeMode.values());
    }

    static Arbitrary<ActivationType> activationType() {
        return Arbitraries.of(ActivationType.values());
    }
}

package org.swis.hwmodel;

import java.util.Arrays;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators shared by the property tests; every value is valid by construction (no filtering). */
final class HwArbitraries {
    private HwArbitraries() {
    }

    /**
     * Dense or depthwise layers, kernel 1..maxK with "same" padding, spatial size minHw..maxHw, stride 1..2.
     *
     * @param depthwiseOneIn one depthwise layer in this many
     */
    static Arbitrary<Layer> layers(int maxK, int minHw, int maxHw, int maxC, int maxF, int depthwiseOneIn) {
        Arbitrary<Integer> k = Arbitraries.integers().between(1, maxK);
        Arbitrary<Integer> hw = Arbitraries.integers().between(minHw, maxHw);
        Arbitrary<Integer> cin = Arbitraries.integers().between(1, maxC);
        Arbitrary<Integer> cout = Arbitraries.integers().between(1, maxF);
        Arbitrary<Integer> stride = Arbitraries.integers().between(1, 2);
        Arbitrary<Integer> dw = Arbitraries.integers().between(1, depthwiseOneIn);
        return Combinators.combine(k, hw, hw, cin, cout, stride, dw).as((kk, h, w, ci, co, s, d) -> d == 1
                ? new Layer("dw", h, w, kk, kk, ci, ci, s, kk / 2, ci)
                : new Layer("conv", h, w, kk, kk, ci, co, s, kk / 2, 1));
    }

    /** Arrays of 1..maxDim rows and columns with every serial-skew, fill/drain and depthwise option. */
    static Arbitrary<ArrayConfig> arrays(int maxDim, Integer... groupSizes) {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, maxDim);
        return Combinators.combine(dim, dim, Arbitraries.of(groupSizes), Arbitraries.of(ArrayConfig.SerialSkew.class),
                        Arbitraries.of(ArrayConfig.FillDrain.class), Arbitraries.of(ArrayConfig.DepthwiseMapping.class))
                .as((r, c, m, s, fd, dm) -> ArrayConfig.paperDefault().withArray(r, c).withGroupSize(m)
                        .withSerialSkew(s).withFillDrain(fd).withDepthwiseMapping(dm));
    }

    /** The designs satisfying {@code keep}, enumerated up front. */
    static Arbitrary<Design> designs(Predicate<Design> keep) {
        return Arbitraries.of(Arrays.stream(Design.values()).filter(keep).toList());
    }
}

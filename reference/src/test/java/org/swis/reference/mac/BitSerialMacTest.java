package org.swis.reference.mac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.reference.SwisInputException;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;

class BitSerialMacTest {
    // w = (+10, -8) with shifts {1, 3}: w0 mask 0b11 (2 + 8), w1 mask 0b10 (8), sign bit 1 on w1.
    private static final GroupCode TWO = new GroupCode(SupportVector.of(1, 3), 0b10, new int[] {0b11, 0b10});

    @Test
    void singleShiftFollowsEq7CycleByCycle() {
        // a = (5, 7): cycle 0, shift 1: partial = 5 (only w0 uses s_0) -> acc 10;
        // cycle 1, shift 3: partial = 5 - 7 = -2 -> acc 10 - 16 = -6 = 5*10 + 7*(-8).
        MacResult r = BitSerialMac.dot(TWO, new int[] {5, 7}, PeMode.SS, ActivationType.UINT8,
                AccumulatorWidths.exact(), true);
        assertEquals(-6, r.value());
        assertEquals(2, r.cycles());
        List<TraceStep> t = r.trace();
        assertEquals(2, t.size());
        assertArrayEquals(new int[] {1}, t.get(0).shifts());
        assertArrayEquals(new long[] {5}, t.get(0).partials());
        assertEquals(10, t.get(0).accumulator());
        assertArrayEquals(new int[] {3}, t.get(1).shifts());
        assertArrayEquals(new long[] {-2}, t.get(1).partials());
        assertEquals(-6, t.get(1).accumulator());
        assertFalse(r.overflowed());
    }

    @Test
    void doubleShiftPairsShiftsAndIdlesTheSecondLaneOnOddN() {
        MacResult two = BitSerialMac.dot(TWO, new int[] {5, 7}, PeMode.DS, ActivationType.UINT8,
                AccumulatorWidths.exact(), true);
        assertEquals(-6, two.value());
        assertEquals(1, two.cycles());
        assertArrayEquals(new int[] {1, 3}, two.trace().get(0).shifts());
        assertArrayEquals(new long[] {5, -2}, two.trace().get(0).partials());

        // N = 3, shifts {0, 2, 5}: weight 37 = 1 + 4 + 32 (mask 0b111), activation 3 -> 111 in 2 cycles.
        GroupCode three = new GroupCode(SupportVector.of(0, 2, 5), 0, new int[] {0b111});
        MacResult r = BitSerialMac.dot(three, new int[] {3}, PeMode.DS, ActivationType.UINT8,
                AccumulatorWidths.exact(), true);
        assertEquals(111, r.value());
        assertEquals(2, r.cycles());
        assertArrayEquals(new int[] {0, 2}, r.trace().get(0).shifts());
        assertArrayEquals(new int[] {5}, r.trace().get(1).shifts());
        assertEquals(15, r.trace().get(0).accumulator());
    }

    @Test
    void int8ActivationSignCombinesWithWeightSign() {
        // w = (-1, +1) with shift {0}; a = (-128, 127): (-1)(-128) + 127 = 255.
        GroupCode g = new GroupCode(SupportVector.of(0), 0b01, new int[] {1, 1});
        assertEquals(255, BitSerialMac.dot(g, new int[] {-128, 127}, PeMode.SS, ActivationType.INT8).value());
        SwisInputException e = assertThrows(SwisInputException.class,
                () -> BitSerialMac.dot(g, new int[] {-1, 0}, PeMode.SS, ActivationType.UINT8));
        assertEquals("activations[0]", e.field());
    }

    @Test
    void adderTreeOverflowIsReportedExactlyAtTheTwosComplementBoundary() {
        // Fig. 4a widths for M = 4: adder tree 10 bits holds -512..511.
        AccumulatorWidths paper = AccumulatorWidths.paper(4, 32);
        assertEquals(10, paper.adderTreeBits());
        assertEquals(18, paper.groupAccumulatorBits());
        GroupCode ones = new GroupCode(SupportVector.of(0), 0, new int[] {1, 1, 1, 1});
        assertFalse(BitSerialMac.dot(ones, new int[] {255, 255, 1, 0}, PeMode.SS, ActivationType.UINT8, paper, false)
                .overflowed());
        MacResult over = BitSerialMac.dot(ones, new int[] {255, 255, 2, 0}, PeMode.SS, ActivationType.UINT8, paper, false);
        assertEquals(512, over.value());
        assertEquals(new Overflow(Overflow.Stage.ADDER_TREE, -1, -1, 0, 0, 512, 10), over.overflows().get(0));
        assertEquals(1, over.overflows().size(), "shifter and group accumulator (18 bits) hold 512");
        GroupCode negOnes = new GroupCode(SupportVector.of(0), 0b1111, new int[] {1, 1, 1, 1});
        assertFalse(BitSerialMac.dot(negOnes, new int[] {255, 255, 2, 0}, PeMode.SS, ActivationType.UINT8, paper, false)
                .overflowed(), "-512 fits in 10 bits");
    }

    @Test
    void sufficientWidthsHoldTheExtremeGroup() {
        for (int m : new int[] {1, 2, 4, 8, 16}) {
            int[] masks = new int[m];
            int[] acts = new int[m];
            java.util.Arrays.fill(masks, 255);
            java.util.Arrays.fill(acts, 255);
            GroupCode g = new GroupCode(SupportVector.window(0, 8), 0, masks);
            MacResult r = BitSerialMac.dot(g, acts, PeMode.DS, ActivationType.UINT8, AccumulatorWidths.sufficient(m, 64), false);
            assertEquals((long) m * 255 * 255, r.value());
            assertFalse(r.overflowed(), "M = " + m);
            MacResult p = BitSerialMac.dot(g, acts, PeMode.SS, ActivationType.UINT8, AccumulatorWidths.paper(m, 64), false);
            assertTrue(p.overflowed(), "Fig. 4a widths are one bit short in two's complement, M = " + m);
            assertEquals(r.value(), p.value(), "overflow never changes the exact value");
        }
    }

    @Test
    void activationSerialBaselineKeepsTheActivationMsbs() {
        // a = (200, 77) keep 3 MSBs -> (192, 64); w = (3, -2): 576 - 128 = 448 in 3 passes.
        MacResult r = BitSerialMac.activationSerialDot(new int[] {3, -2}, new int[] {200, 77}, 3,
                AccumulatorWidths.exact(), true);
        assertEquals(448, r.value());
        assertEquals(3, r.cycles());
        assertArrayEquals(new int[] {5}, r.trace().get(0).shifts());
        assertArrayEquals(new int[] {7}, r.trace().get(2).shifts());
    }

    @Test
    void cycleClosedForms() {
        assertEquals(5, CycleCounts.perGroup(5, PeMode.SS));
        assertEquals(3, CycleCounts.perGroup(5, PeMode.DS));
        assertEquals(1, CycleCounts.perGroup(1, PeMode.DS));
        assertEquals(4, CycleCounts.perGroup(8, PeMode.DS));
        assertEquals(6, CycleCounts.perFilter(3, 4, PeMode.DS));
        assertEquals(10 * (2 * 2 + 2 * 3), CycleCounts.layer(new int[] {3, 5}, 2, PeMode.DS, 10));
        assertEquals(2 * 3 * 7 * 5, CycleCounts.truncationLayer(2, 3, 7, 5));
        assertEquals(1, CycleCounts.shiftFetchesPerGroup(Scheme.SWIS_C, 6));
        assertEquals(6, CycleCounts.shiftFetchesPerGroup(Scheme.SWIS, 6));
    }

    @Test
    void badConfigurationIsRejectedWithTheField() {
        assertEquals("activationSerialBits", assertThrows(SwisInputException.class,
                () -> new MacConfig(PeMode.DS, ActivationType.UINT8, AccumulatorWidths.exact(), 4, false)).field());
        assertEquals("activations.length", assertThrows(SwisInputException.class,
                () -> BitSerialMac.dot(TWO, new int[] {1}, PeMode.SS, ActivationType.UINT8)).field());
        assertEquals("outputAccumulatorBits", assertThrows(SwisInputException.class,
                () -> new AccumulatorWidths(8, 16, 16, 65)).field());
    }
}

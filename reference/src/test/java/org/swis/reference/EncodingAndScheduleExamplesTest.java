package org.swis.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.swis.reference.encode.EncodedTensor;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.Schedule;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.Layout;
import org.swis.reference.tensor.QuantizedTensor;

class EncodingAndScheduleExamplesTest {

    @Test
    void oneGroupPacksAsDocumented() {
        // 1 filter, 2 channels: weights (+4, -0), M = 2, N = 1.
        // {2} represents 4 exactly (cost 0) and is the first zero-cost set containing 4 -> shifts {2}.
        // Bits, LSB-first: shift 2 = 0,1,0 | signs 0,0 | masks plane 0: 1,0 -> bits 1 and 5 set = 0x22, 7 bits.
        QuantizedTensor q = QuantizedTensor.fromInt8("t", new byte[] {4, 0}, new int[] {1, 2}, Layout.OI, new double[] {1});
        DecomposedTensor d = Decomposer.decompose(q, new DecompositionConfig(Scheme.SWIS, 2, Alpha.ONE), 1);
        EncodedTensor e = GroupStreamCodec.encode(d);
        assertEquals(7, e.bitLength());
        assertArrayEquals(new byte[] {0x22}, e.stream());
        assertEquals(3.5, e.bitsPerWeight(), 0);
        assertEquals(e, GroupStreamCodec.encode(Decomposer.decompose(q, new DecompositionConfig(Scheme.SWIS, 2, Alpha.ONE), 1)));
        assertEquals(e.hashCode(), GroupStreamCodec.encode(d).hashCode());
    }

    @Test
    void signsAndSwisCOffsetsPackAsDocumented() {
        // weights (-3, +1), M = 2, N = 2, SWIS-C: window {0,1} represents 3 and 1 exactly (offset 0).
        // Bits: offset 0 = 0,0,0 | signs 1,0 | plane 0 (bit 1 of 3, bit 1 of 1): 1,1 | plane 1 (2s): 1,0
        // stream = 0,0,0,1,0,1,1,1,0 -> byte0 = bits 3,5,6,7 = 0xE8, byte1 = 0x00; 9 bits.
        QuantizedTensor q = QuantizedTensor.fromInt8("t", new byte[] {-3, 1}, new int[] {1, 2}, Layout.OI, new double[] {1});
        DecomposedTensor d = Decomposer.decompose(q, new DecompositionConfig(Scheme.SWIS_C, 2, Alpha.ONE), 2);
        EncodedTensor e = GroupStreamCodec.encode(d);
        assertEquals(9, e.bitLength());
        assertArrayEquals(new byte[] {(byte) 0xE8, 0x00}, e.stream());
        GroupCode back = GroupStreamCodec.decode(e)[0];
        assertEquals(-3, back.weight(0));
        assertEquals(1, back.weight(1));
    }

    @Test
    void decoderRejectsAHeaderThatDoesNotMatchTheStream() {
        EncodedTensor bad = new EncodedTensor(Scheme.SWIS, 2, 1, 1, new int[] {1}, 2, 8, new byte[] {0});
        SwisInputException ex = assertThrows(SwisInputException.class, () -> GroupStreamCodec.decode(bad));
        assertEquals("bitLength", ex.field());
    }

    @Test
    void greedyThenArrayConstraintByHand() {
        // 4 filters, costs by n (index 1..8); target 2 -> budget 8; start 3; C_a = 2.
        // Drop costs from 3 to 2: f0 1, f1 100, f2 2, f3 50 -> greedy drops f0 (total 11), f2 (10),
        // then from 2 to 1: f0 10, f2 20, and from 3: f3 50, f1 100 -> f0 (9), f2 (8). Counts (1,3,1,3).
        long[][] cost = {
            {0, 11, 1, 0, 0, 0, 0, 0, 0},
            {0, 1000, 100, 0, 0, 0, 0, 0, 0},
            {0, 22, 2, 0, 0, 0, 0, 0, 0},
            {0, 500, 50, 0, 0, 0, 0, 0, 0},
        };
        Schedule s = FilterScheduler.schedule(cost, new double[] {1, 1, 1, 1}, new ScheduleConfig(2, 2, 1, 3));
        assertArrayEquals(new int[] {1, 3, 1, 3}, s.greedyCounts());
        // order by count then index: f0, f2, f1, f3. Chunks {f0,f2}, {f1,f3}; non-decreasing (c1 <= c2), 2c1 + 2c2 = 8:
        // (1,3): 11+22 + 0+0 = 33; (2,2): 1+2+100+50 = 153 -> (1,3).
        assertArrayEquals(new int[] {0, 2, 1, 3}, s.order());
        assertArrayEquals(new int[] {1, 3}, s.chunkCounts());
        assertEquals(8, s.total());
        assertEquals(33, s.cost(), 0);
    }

    @Test
    void filtersWeighInQuantizationStepsByDefault() {
        // 2 filters, scales 1 and 0.1, costs (in steps) by n: f0 {1: 1000, 2: 10, 3: 0}, f1 {1: 1000, 2: 100, 3: 0};
        // target 2 -> budget 4, start 3, C_a = 1.
        // STEPS (weights 1, 1): greedy drops f0 3->2 (+10), then f1 3->2 (+100 < f0's +990) -> (2, 2); the
        //   array step keeps it ((1, 3) in count order would cost 1000 + 0).
        // FLOAT_UNITS (weights 1, 0.01): greedy drops f1 3->2 (+1), f1 2->1 (+9 < f0's +10) -> (3, 1); in
        //   count order (f1, f0), (1, 3) costs 10 + 0 and (2, 2) costs 1 + 10 -> f1 keeps 1 shift.
        long[][] cost = {{0, 1000, 10, 0, 0, 0, 0, 0, 0}, {0, 1000, 100, 0, 0, 0, 0, 0, 0}};
        double[] scales = {1.0, 0.1};
        ScheduleConfig sc = new ScheduleConfig(2, 1, 1, 3);
        assertArrayEquals(new double[] {1, 1}, FilterScheduler.filterWeights(scales));
        assertArrayEquals(new int[] {2, 2},
                FilterScheduler.schedule(cost, FilterScheduler.filterWeights(scales), sc).shiftsPerFilter());
        double[] floatUnits = FilterScheduler.filterWeights(scales, FilterScheduler.Weighting.FLOAT_UNITS);
        assertEquals(1.0, floatUnits[0]);
        assertEquals(0.01, floatUnits[1], 1e-15);
        assertArrayEquals(new int[] {3, 1}, FilterScheduler.schedule(cost, floatUnits, sc).shiftsPerFilter());
    }

    @Test
    void unreachableBudgetFallsToTheLargestReachableTotalBelowIt() {
        // 2 filters in one chunk of 2: totals are even; target 1.5 -> budget 3 -> reachable 2.
        long[][] cost = {{0, 5, 1, 0, 0, 0, 0, 0, 0}, {0, 5, 1, 0, 0, 0, 0, 0, 0}};
        Schedule s = FilterScheduler.schedule(cost, new double[] {1, 1}, new ScheduleConfig(1.5, 2, 1, 0));
        assertEquals(3, s.budget());
        assertEquals(2, s.total());
        assertArrayEquals(new int[] {1, 1}, s.shiftsPerFilter());
    }
}

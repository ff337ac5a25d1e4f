package org.swis.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ratio interval of docs/KERNELS.md §6 against numbers worked out by hand. */
class ScoreRatioTest {
    @Test
    void intervalOfAQuotientOfTwoTimes() {
        // best int8 2000 ± 100 us over SWIS 4000 ± 200 us:
        // 2000/4000 = 0.5; low 1900/4200 = 0.452380952...; high 2100/3800 = 0.552631578...
        ScoreRatio q = ScoreRatio.of(2000, 100, 4000, 200);
        assertEquals(0.5, q.value(), 1e-15);
        assertEquals(0.45238095238, q.low(), 1e-10);
        assertEquals(0.55263157894, q.high(), 1e-10);
        assertEquals("0.5", q.valueText());
        assertEquals("0.4523", q.lowText(), "low end rounded down");
        assertEquals("0.5527", q.highText(), "high end rounded up");
    }

    @Test
    void aTargetIsMetOnlyByTheLowEnd() {
        ScoreRatio q = ScoreRatio.of(2000, 100, 4000, 200);
        assertTrue(q.meets(0.45));
        assertFalse(q.meets(0.5), "the point estimate 0.5 meets 0.5, the interval [0.452, 0.553] does not");
        // 8.2 ± 0.1 over 10: 0.82, low 8.1 / 10 = 0.81 -> meets 0.8
        assertTrue(ScoreRatio.of(8.2, 0.1, 10, 0).meets(0.8));
        // 8.2 ± 0.3 over 10 ± 0.1: low 7.9 / 10.1 = 0.78217... -> does not meet 0.8
        assertFalse(ScoreRatio.of(8.2, 0.3, 10, 0.1).meets(0.8));
    }

    @Test
    void throughputAndScaledRatios() {
        // 1,048,576 weights in 10 ± 0.5 ms: 104.8576 M weights/s, [1048.576 / 10.5, 1048.576 / 9.5] = [99.864..., 110.376...]
        ScoreRatio rate = ScoreRatio.of(1048.576, 0, 10, 0.5);
        assertEquals(99.86438095, rate.low(), 1e-6);
        assertEquals(110.3764210, rate.high(), 1e-6);
        assertEquals("99.86", rate.lowText());
        assertEquals("110.4", rate.highText());
        // (t_ref / t) * (W / W_ref) = (1000 ± 20) / (10 ± 0.5) * 16: 1600, [980 / 10.5 * 16, 1020 / 9.5 * 16] = [1493.33, 1717.89]
        ScoreRatio r = ScoreRatio.of(1000, 20, 10, 0.5).times(16);
        assertEquals(1600, r.value(), 1e-9);
        assertEquals(1493.333333, r.low(), 1e-5);
        assertEquals(1717.894737, r.high(), 1e-5);
        assertEquals("1493", r.lowText());
        assertEquals("1718", r.highText());
    }

    @Test
    void unknownAndUnboundedEnds() {
        ScoreRatio single = ScoreRatio.of(2, Double.NaN, 4, 0.1);
        assertEquals(0.5, single.value());
        assertEquals("", single.lowText());
        assertFalse(single.meets(0.1), "no interval, no claim");
        ScoreRatio wide = ScoreRatio.of(3, 4, 2, 2);
        assertEquals(0, wide.low());
        assertEquals("inf", wide.highText());
        assertEquals("1", ScoreRatio.exact(1).lowText());
    }
}

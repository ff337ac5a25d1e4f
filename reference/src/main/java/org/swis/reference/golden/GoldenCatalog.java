package org.swis.reference.golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.swis.reference.layer.Conv2dParams;
import org.swis.reference.layer.LayerWeights.Kind;
import org.swis.reference.mac.AccumulatorWidths;
import org.swis.reference.mac.ActivationType;
import org.swis.reference.mac.PeMode;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Scheme;

/**
 * The frozen golden set: a fixed list of small cases and their deterministic inputs (each case has
 * its own seed for a {@link SplittableRandom}). Covers both schemes, M in {1,2,4,8,16}, N in 1..8,
 * SS and DS, per-filter N from the scheduler, odd C_in (padded groups), depthwise (groups along taps),
 * uint8 and int8 activations, the truncation baselines, zero groups and extreme operands.
 */
public final class GoldenCatalog {
    private static final int[] MS = {1, 2, 4, 8, 16};

    /** How a case's weights or activations are drawn. */
    enum Pattern { RANDOM, EXTREME, ZERO_GROUPS, ZERO }

    /** A case: its configuration and how to draw its inputs. */
    record Spec(CaseConfig config, long seed, Pattern weights, Pattern activations) {
        long[] weightValues() {
            int[] s = config.weightsShape();
            int filters = s[0];
            int per = 1;
            for (int i = 1; i < s.length; i++) {
                per *= s[i];
            }
            SplittableRandom r = new SplittableRandom(seed);
            long[] w = new long[filters * per];
            for (int k = 0; k < w.length; k++) {
                int f = k / per;
                int ch = config.isConv() ? (k / (s[2] * s[3])) % s[1] : k % s[1];
                long v = switch (weights) {
                    case EXTREME -> f % 2 == 0 ? 255 : -255;
                    case ZERO -> 0;
                    default -> {
                        int kind = r.nextInt(8);
                        long mag = kind == 0 ? 0 : kind == 1 ? 255 : r.nextInt(256);
                        yield r.nextBoolean() ? -mag : mag;
                    }
                };
                if (weights == Pattern.ZERO_GROUPS && (f == 0 || ch < config.m())) {
                    v = 0;
                }
                w[k] = v;
            }
            return w;
        }

        long[] activationValues() {
            int n = 1;
            for (int d : config.activationsShape()) {
                n *= d;
            }
            SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
            long[] a = new long[n];
            boolean signed = config.activationType() == ActivationType.INT8;
            for (int k = 0; k < n; k++) {
                a[k] = switch (activations) {
                    case EXTREME -> signed ? -128 : 255;
                    case ZERO -> 0;
                    default -> signed ? r.nextInt(256) - 128 : r.nextInt(256);
                };
            }
            return a;
        }
    }

    private GoldenCatalog() {
    }

    private static final class Builder {
        final List<Spec> out = new ArrayList<>();

        void add(Spec s) {
            out.add(s);
        }

        void add(String name, String description, Kind kind, int m, PeMode mode, int[] counts, ScheduleConfig schedule,
                 ActivationType type, int activationBits, AccumulatorWidths widths, Conv2dParams conv,
                 int[] weightsShape, int[] activationsShape, boolean trace, Pattern wp, Pattern ap) {
            CaseConfig c = new CaseConfig(name, description, conv == null ? "linear" : "conv2d", kind, m, Alpha.ONE,
                    mode, counts, schedule, type, activationBits, widths, conv, weightsShape, activationsShape, trace);
            out.add(new Spec(c, 0x5A15_0000L + out.size() * 7919L, wp, ap));
        }
    }

    private static int[] uniform(int filters, int n) {
        int[] c = new int[filters];
        Arrays.fill(c, n);
        return c;
    }

    /** All cases in generation order. */
    static List<Spec> specs() {
        Builder b = new Builder();
        AccumulatorWidths exact = AccumulatorWidths.exact();
        // 1. SWIS linear: every M x every N, SS/DS and uint8/int8 alternating; in = 2M + 1 pads the last group.
        for (int mi = 0; mi < MS.length; mi++) {
            int m = MS[mi];
            for (int n = 1; n <= 8; n++) {
                PeMode mode = (n + mi) % 2 == 0 ? PeMode.SS : PeMode.DS;
                ActivationType type = (n + mi) % 3 == 0 ? ActivationType.INT8 : ActivationType.UINT8;
                int in = m == 1 ? 3 : 2 * m + 1;
                b.add(String.format("linear-swis-m%02d-n%d-%s-%s", m, n, mode.name().toLowerCase(), type.id()),
                        "SWIS GEMM, M=" + m + ", N=" + n + ", " + mode + ", " + type.id() + " activations, in=" + in,
                        Kind.SWIS, m, mode, uniform(3, n), null, type, 0, exact, null, new int[] {3, in},
                        new int[] {in, 2}, n == 3 && m == 4, Pattern.RANDOM, Pattern.RANDOM);
            }
        }
        // 2. SWIS-C linear: every N, M rotating, SS/DS alternating.
        for (int n = 1; n <= 8; n++) {
            int m = MS[n % MS.length];
            PeMode mode = n % 2 == 0 ? PeMode.DS : PeMode.SS;
            ActivationType type = n % 3 == 0 ? ActivationType.INT8 : ActivationType.UINT8;
            int in = 2 * m + 1;
            b.add(String.format("linear-swisc-m%02d-n%d-%s-%s", m, n, mode.name().toLowerCase(), type.id()),
                    "SWIS-C GEMM (one offset per group), M=" + m + ", N=" + n + ", " + mode + ", " + type.id(),
                    Kind.SWIS_C, m, mode, uniform(3, n), null, type, 0, exact, null, new int[] {3, in},
                    new int[] {in, 2}, n == 5, Pattern.RANDOM, Pattern.RANDOM);
        }
        // 3. Per-filter N: explicit 1..8 and from the filter scheduler.
        b.add("linear-swis-perfilter-n1to8-ds", "SWIS GEMM with per-filter N = 1..8 on DS (odd N idles the 2nd lane)",
                Kind.SWIS, 4, PeMode.DS, new int[] {1, 2, 3, 4, 5, 6, 7, 8}, null, ActivationType.UINT8, 0, exact, null,
                new int[] {8, 6}, new int[] {6, 3}, false, Pattern.RANDOM, Pattern.RANDOM);
        b.add(scheduled(b, "linear-swis-scheduled-t2.5-ds", "SWIS GEMM, per-filter N from the scheduler (target 2.5, 2 columns)",
                Scheme.SWIS, 2.5, PeMode.DS, null, new int[] {8, 12}, new int[] {12, 2}, ActivationType.UINT8));
        b.add(scheduled(b, "linear-swisc-scheduled-t3.5-ss", "SWIS-C GEMM, per-filter N from the scheduler (target 3.5, 2 columns)",
                Scheme.SWIS_C, 3.5, PeMode.SS, null, new int[] {6, 9}, new int[] {9, 2}, ActivationType.INT8));
        b.add(scheduled(b, "conv-swis-scheduled-t2.5-ss", "SWIS conv 3x3, per-filter N from the scheduler (target 2.5)",
                Scheme.SWIS, 2.5, PeMode.SS, new Conv2dParams(1, 1, 1, 1, 1, 1, 1), new int[] {4, 3, 3, 3},
                new int[] {1, 3, 4, 4}, ActivationType.UINT8));
        // 4. Convolutions.
        b.add("conv-swis-m4-n3-ds-cin3-pad1", "SWIS conv 3x3, C_in=3 (padded 4-wide groups), stride 1, zero padding 1, with trace",
                Kind.SWIS, 4, PeMode.DS, uniform(4, 3), null, ActivationType.UINT8, 0, exact,
                new Conv2dParams(1, 1, 1, 1, 1, 1, 1), new int[] {4, 3, 3, 3}, new int[] {1, 3, 5, 5}, true,
                Pattern.RANDOM, Pattern.RANDOM);
        b.add("conv-swisc-m4-n4-ss-cin5-stride2-int8", "SWIS-C conv 3x3, C_in=5, stride 2, padding 1, int8 activations",
                Kind.SWIS_C, 4, PeMode.SS, uniform(3, 4), null, ActivationType.INT8, 0, exact,
                new Conv2dParams(2, 2, 1, 1, 1, 1, 1), new int[] {3, 5, 3, 3}, new int[] {2, 5, 5, 5}, false,
                Pattern.RANDOM, Pattern.RANDOM);
        b.add("conv-swis-m2-n2-ds-dilation2-groups2", "SWIS conv 3x3, dilation 2, padding 2, 2 channel groups, rectangular input",
                Kind.SWIS, 2, PeMode.DS, uniform(4, 2), null, ActivationType.UINT8, 0, exact,
                new Conv2dParams(1, 1, 2, 2, 2, 2, 2), new int[] {4, 2, 3, 3}, new int[] {1, 4, 5, 6}, false,
                Pattern.RANDOM, Pattern.RANDOM);
        b.add("conv-swis-m4-n3-ss-depthwise", "SWIS depthwise 3x3 (groups along taps: 9 taps -> 3 groups of 4), padding 1, with trace",
                Kind.SWIS, 4, PeMode.SS, uniform(4, 3), null, ActivationType.UINT8, 0, exact,
                new Conv2dParams(1, 1, 1, 1, 1, 1, 4), new int[] {4, 1, 3, 3}, new int[] {1, 4, 4, 4}, true,
                Pattern.RANDOM, Pattern.RANDOM);
        b.add("conv-swisc-m8-n5-ds-depthwise-mult2-int8", "SWIS-C depthwise 3x3, channel multiplier 2, stride 2, int8",
                Kind.SWIS_C, 8, PeMode.DS, uniform(6, 5), null, ActivationType.INT8, 0, exact,
                new Conv2dParams(2, 2, 1, 1, 1, 1, 3), new int[] {6, 1, 3, 3}, new int[] {1, 3, 5, 5}, false,
                Pattern.RANDOM, Pattern.RANDOM);
        b.add("conv-swis-m1-n1-ds-depthwise", "SWIS depthwise 3x3 with M=1, N=1 on DS (second lane always idle)",
                Kind.SWIS, 1, PeMode.DS, uniform(2, 1), null, ActivationType.UINT8, 0, exact,
                new Conv2dParams(1, 1, 0, 0, 1, 1, 2), new int[] {2, 1, 3, 3}, new int[] {1, 2, 4, 4}, false,
                Pattern.RANDOM, Pattern.RANDOM);
        b.add("conv-swis-m16-n6-ds-1x1-cin17", "SWIS 1x1 conv, C_in=17 with M=16 (second group has 15 padded slots)",
                Kind.SWIS, 16, PeMode.DS, uniform(3, 6), null, ActivationType.UINT8, 0, exact,
                Conv2dParams.simple(), new int[] {3, 17, 1, 1}, new int[] {1, 17, 2, 3}, false,
                Pattern.RANDOM, Pattern.RANDOM);
        b.add("conv-swis-m4-n2-ss-zero-groups", "SWIS conv 3x3 with an all-zero filter and zero groups at channels 0..3",
                Kind.SWIS, 4, PeMode.SS, uniform(3, 2), null, ActivationType.UINT8, 0, exact,
                new Conv2dParams(1, 1, 1, 1, 1, 1, 1), new int[] {3, 6, 3, 3}, new int[] {1, 6, 3, 3}, false,
                Pattern.ZERO_GROUPS, Pattern.RANDOM);
        // 5. Truncation baselines.
        for (int n : new int[] {2, 4, 6}) {
            b.add("linear-weight-trunc-n" + n, "Layer-wise weight truncation + clipping to an N=" + n
                            + " window (MIN_SSE), N passes per group", Kind.WEIGHT_TRUNCATION, 4, PeMode.SS, uniform(3, n), null,
                    ActivationType.UINT8, 0, exact, null, new int[] {3, 9}, new int[] {9, 2}, false,
                    Pattern.RANDOM, Pattern.RANDOM);
        }
        b.add("conv-weight-trunc-n3-int8", "Weight truncation N=3, conv 3x3, int8 activations",
                Kind.WEIGHT_TRUNCATION, 4, PeMode.SS, uniform(2, 3), null, ActivationType.INT8, 0, exact,
                new Conv2dParams(1, 1, 1, 1, 1, 1, 1), new int[] {2, 3, 3, 3}, new int[] {1, 3, 3, 3}, false,
                Pattern.RANDOM, Pattern.RANDOM);
        for (int bits : new int[] {3, 7, 8}) {
            b.add("linear-act-trunc-n" + bits, "Activation truncation (Stripes-like, activation-serial) keeping "
                            + bits + " MSBs, 8-bit weights, " + bits + " passes per group", Kind.FULL8, 4, PeMode.SS,
                    uniform(3, 8), null, ActivationType.UINT8, bits, exact, null, new int[] {3, 9}, new int[] {9, 2},
                    bits == 3, Pattern.RANDOM, Pattern.RANDOM);
        }
        b.add("conv-act-trunc-n5", "Activation truncation keeping 5 MSBs, conv 3x3 stride 2",
                Kind.FULL8, 4, PeMode.SS, uniform(2, 8), null, ActivationType.UINT8, 5, exact,
                new Conv2dParams(2, 2, 1, 1, 1, 1, 1), new int[] {2, 4, 3, 3}, new int[] {1, 4, 5, 5}, false,
                Pattern.RANDOM, Pattern.RANDOM);
        b.add("linear-full8-ds-int8", "Full 8-bit weights on the weight-serial PE (N=8, all positions), DS, int8",
                Kind.FULL8, 8, PeMode.DS, uniform(3, 8), null, ActivationType.INT8, 0, exact, null,
                new int[] {3, 11}, new int[] {11, 2}, false, Pattern.RANDOM, Pattern.RANDOM);
        // 6. Extremes and edge shapes.
        b.add("linear-extreme-uint8-m16-n8-ss-paper-widths", "All-255 activations, weights +-255 (N=8 exact); Fig. 4a widths "
                        + "(8+log2M / 16+log2M) and a 24-bit output accumulator: overflow reported, values exact",
                Kind.SWIS, 16, PeMode.SS, uniform(2, 8), null, ActivationType.UINT8, 0, AccumulatorWidths.paper(16, 24), null,
                new int[] {2, 32}, new int[] {32, 1}, true, Pattern.EXTREME, Pattern.EXTREME);
        b.add("linear-extreme-uint8-m16-n8-ds-sufficient", "All-255 activations, weights +-255; widths 9+log2M / 17+log2M "
                        + "and a 24-bit output accumulator: no overflow",
                Kind.SWIS, 16, PeMode.DS, uniform(2, 8), null, ActivationType.UINT8, 0, AccumulatorWidths.sufficient(16, 24), null,
                new int[] {2, 32}, new int[] {32, 1}, false, Pattern.EXTREME, Pattern.EXTREME);
        b.add("linear-extreme-int8-m8-n8-ds-paper-widths", "All -128 activations, weights +-255; Fig. 4a widths, 20-bit output",
                Kind.SWIS, 8, PeMode.DS, uniform(2, 8), null, ActivationType.INT8, 0, AccumulatorWidths.paper(8, 20), null,
                new int[] {2, 24}, new int[] {24, 2}, false, Pattern.EXTREME, Pattern.EXTREME);
        b.add("linear-extreme-swisc-m4-n1-ss", "Weights +-255 with SWIS-C N=1 (rounds to 128 or 256-nearest window), all-255 activations",
                Kind.SWIS_C, 4, PeMode.SS, uniform(2, 1), null, ActivationType.UINT8, 0, exact, null,
                new int[] {2, 5}, new int[] {5, 1}, false, Pattern.EXTREME, Pattern.EXTREME);
        b.add("conv-extreme-m4-n8-ds-paper-widths", "Conv 3x3, all-255 activations, weights +-255, Fig. 4a widths, 22-bit output",
                Kind.SWIS, 4, PeMode.DS, uniform(2, 8), null, ActivationType.UINT8, 0, AccumulatorWidths.paper(4, 22),
                new Conv2dParams(1, 1, 0, 0, 1, 1, 1), new int[] {2, 8, 3, 3}, new int[] {1, 8, 3, 3}, false,
                Pattern.EXTREME, Pattern.EXTREME);
        b.add("linear-zero-weights-m4-n2-ds", "All-zero weights (all masks 0) with random activations",
                Kind.SWIS, 4, PeMode.DS, uniform(2, 2), null, ActivationType.UINT8, 0, exact, null,
                new int[] {2, 7}, new int[] {7, 2}, false, Pattern.ZERO, Pattern.RANDOM);
        b.add("linear-zero-activations-m4-n5-ds", "Random weights with all-zero activations",
                Kind.SWIS, 4, PeMode.DS, uniform(2, 5), null, ActivationType.INT8, 0, exact, null,
                new int[] {2, 7}, new int[] {7, 2}, false, Pattern.RANDOM, Pattern.ZERO);
        b.add("linear-in1-m4-n2-ss", "One input (in=1: a single, 3/4 padded group)",
                Kind.SWIS, 4, PeMode.SS, uniform(2, 2), null, ActivationType.UINT8, 0, exact, null,
                new int[] {2, 1}, new int[] {1, 3}, false, Pattern.RANDOM, Pattern.RANDOM);
        return b.out;
    }

    /** A scheduled case: runs the scheduler once to fill in shifts_per_filter. */
    private static Spec scheduled(Builder b, String name, String description, Scheme scheme, double target, PeMode mode,
                                  Conv2dParams conv, int[] weightsShape, int[] activationsShape, ActivationType type) {
        ScheduleConfig sc = new ScheduleConfig(target, 2, 1, 0);
        Kind kind = scheme == Scheme.SWIS_C ? Kind.SWIS_C : Kind.SWIS;
        int m = 4;
        long seed = 0x5A15_0000L + b.out.size() * 7919L;
        CaseConfig probe = new CaseConfig(name, description, conv == null ? "linear" : "conv2d", kind, m, Alpha.ONE, mode,
                uniform(weightsShape[0], 1), null, type, 0, AccumulatorWidths.exact(), conv, weightsShape,
                activationsShape, false);
        Spec p = new Spec(probe, seed, Pattern.RANDOM, Pattern.RANDOM);
        int[] counts = FilterScheduler.schedule(GoldenCase.tensor(probe, p.weightValues()),
                new DecompositionConfig(scheme, m, Alpha.ONE), sc).shiftsPerFilter();
        CaseConfig c = new CaseConfig(name, description, probe.layer(), kind, m, Alpha.ONE, mode, counts, sc, type, 0,
                AccumulatorWidths.exact(), conv, weightsShape, activationsShape, false);
        return new Spec(c, seed, Pattern.RANDOM, Pattern.RANDOM);
    }
}

package org.swis.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.swis.kernels.baseline.Float32Gemv;
import org.swis.kernels.baseline.Int8Kernel;
import org.swis.kernels.baseline.Int8Matrix;
import org.swis.kernels.scalar.UnitMatrix;
import org.swis.reference.SwisInputException;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

class MatmulKernelsTest {
    /** Plain long-accumulated product on the codes' decoded weights, written out here once more. */
    private static int[] expected(SwisCodes codes, byte[] x, int batch) {
        int rows = codes.filters();
        int k = codes.layout().filterSize();
        int[] y = new int[rows * batch];
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < rows; r++) {
                long s = 0;
                for (int g = 0; g < codes.groupsPerFilter(); g++) {
                    for (int i = 0; i < codes.m(); i++) {
                        int e = codes.layout().element(g, i);
                        if (e >= 0) {
                            s += (long) codes.weight(r * codes.groupsPerFilter() + g, i) * x[b * k + e];
                        }
                    }
                }
                y[b * rows + r] = Math.toIntExact(s);
            }
        }
        return y;
    }

    @Test
    void everyGemvAndGemmKernelIsExactOnTailsPaddingAndAllShiftCounts() {
        // 70 rows: beyond swis-vector's column-broadcast limit (64), so its row-pair path is checked too;
        // 84 and 160 channels (21 and 40 units at M = 4): row tails of 5 and 8 units, which swis-vector's GEMV
        // covers with an overlapping vector (a tail of 1 unit, as 3x7x7 and 129 channels give, stays scalar)
        int[][] shapes = {{5, 3, 1, 1}, {7, 37, 1, 1}, {4, 1, 3, 3}, {3, 3, 7, 7}, {9, 64, 1, 1}, {2, 129, 1, 1},
            {70, 21, 1, 1}, {2, 84, 1, 1}, {3, 160, 1, 1}};
        int cases = 0;
        for (int[] s : shapes) {
            for (int m : new int[] {4, 2, 8}) {
                for (int n : new int[] {1, 3, 4, 6, 8}) {
                    QuantizedTensor t = Fixtures.tensor(s[1] * 13L + n, s[0], s[1], s[2], s[3], 255);
                    SwisCodes codes = KernelRegistry.fastestDecomposer()
                            .decompose(t, new DecompositionConfig(Scheme.SWIS, m, Alpha.ONE), n, 1);
                    int k = t.filterSize();
                    for (int batch : new int[] {1, 2, 5}) {
                        byte[] x = Fixtures.activations(batch * 7L + k, k * batch);
                        int[] want = expected(codes, x, batch);
                        for (GemmKernel g : KernelRegistry.gemm()) {
                            int[] y = new int[want.length];
                            PreparedMatrix prepared = g.prepare(codes);
                            g.gemm(prepared, x, batch, y);
                            assertArrayEquals(want, y, g.name() + " gemm " + java.util.Arrays.toString(s) + " M=" + m + " N=" + n);
                            // the int form from an offset, into an offset: same sums, nothing outside the slice touched
                            int[] xi = new int[3 + x.length + 2];
                            java.util.Arrays.fill(xi, 99999);
                            for (int i = 0; i < x.length; i++) {
                                xi[3 + i] = x[i];
                            }
                            int[] yi = new int[5 + want.length + 1];
                            java.util.Arrays.fill(yi, -7);
                            g.gemmInts(prepared, xi, 3, batch, yi, 5);
                            assertArrayEquals(want, java.util.Arrays.copyOfRange(yi, 5, 5 + want.length),
                                    g.name() + " gemmInts " + java.util.Arrays.toString(s) + " M=" + m + " N=" + n);
                            assertEquals(-7, yi[4], g.name() + " gemmInts wrote before its slice");
                            assertEquals(-7, yi[yi.length - 1], g.name() + " gemmInts wrote after its slice");
                        }
                        if (batch == 1) {
                            for (GemvKernel g : KernelRegistry.gemv()) {
                                int[] y = new int[want.length];
                                g.gemv(g.prepare(codes), x, y);
                                assertArrayEquals(want, y, g.name() + " gemv " + java.util.Arrays.toString(s) + " M=" + m + " N=" + n);
                            }
                        }
                        cases++;
                    }
                }
            }
        }
        assertEquals(9 * 3 * 5 * 3, cases);
    }

    @Test
    void unitLayoutRoundTripsToTheSameCodesAndWeights() {
        for (int n : new int[] {2, 4, 7}) {
            QuantizedTensor t = Fixtures.tensor(n, 6, 10, 3, 1, 255);
            SwisCodes codes = KernelRegistry.fastestDecomposer()
                    .decompose(t, new DecompositionConfig(Scheme.SWIS_C, 8, Alpha.ZERO), n, 2);
            UnitMatrix u = UnitMatrix.of("test", codes);
            assertEquals(codes, u.toCodes());
            assertEquals(n <= 4, u.compact());
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 30; c++) {
                    int g = (c / 10) * 2 + (c % 10) / 8;
                    assertEquals(codes.weight(r * codes.groupsPerFilter() + g, (c % 10) % 8), u.weight(r, c));
                }
            }
        }
    }

    /**
     * The packed layout decodes to the codes' weights for every N, M = 4, 2 (padded) and 8 (two units per
     * group), with units past a 16-unit sign block; its size is the hand count of its streams: per unit one
     * low byte, one head byte and one byte per plane beyond 2, plus one sign word per 16 units of a row
     * (4.5 bits per weight at M = 4, N = 2, the paper's 4 + 3N + MN bits per group).
     */
    @Test
    void packedLayoutDecodesToTheCodesWeightsAtItsStatedSize() {
        for (int m : new int[] {4, 2, 8}) {
            for (int n = 1; n <= 8; n++) {
                QuantizedTensor t = Fixtures.tensor(31L * n + m, 5, 24, 3, 3, 255);
                SwisCodes codes = KernelRegistry.fastestDecomposer()
                        .decompose(t, new DecompositionConfig(Scheme.SWIS, m, Alpha.ONE), n, 1);
                org.swis.kernels.scalar.PackedUnitMatrix p = org.swis.kernels.scalar.PackedUnitMatrix.of("test", codes);
                int gpf = codes.groupsPerFilter();
                int k = t.filterSize();
                for (int r = 0; r < 5; r++) {
                    for (int c = 0; c < k; c++) {
                        int g = c / 24 * (24 / m) + c % 24 / m;
                        assertEquals(codes.weight(r * gpf + g, c % 24 % m), p.weight(r, c), "M=" + m + " N=" + n + " r" + r + " c" + c);
                    }
                }
                int units = 9 * (24 / m) * ((m + 3) / 4);
                assertEquals(units, p.unitsPerRow());
                long want = 5L * units * (2 + Math.max(0, n - 2)) + 5L * 4 * ((units + 15) / 16);
                assertEquals(want, p.bytes(), "M=" + m + " N=" + n);
            }
        }
        QuantizedTensor big = Fixtures.tensor(3, 2, 4096, 1, 1, 255);
        SwisCodes two = KernelRegistry.fastestDecomposer().decompose(big, DecompositionConfig.defaults(), 2, 1);
        assertEquals(4.5, org.swis.kernels.scalar.PackedUnitMatrix.of("test", two).bytes() * 8.0 / big.size(), 1e-12);
    }

    @Test
    void int8YardsticksAreExactAndFloatIsClose() {
        QuantizedTensor t = Fixtures.tensor(3, 11, 67, 1, 1, 127);
        Int8Matrix w = Int8Matrix.of(t);
        for (int batch : new int[] {1, 3, 16}) {
            byte[] x = Fixtures.activations(batch, 67 * batch);
            int[] want = new int[11 * batch];
            for (int b = 0; b < batch; b++) {
                for (int r = 0; r < 11; r++) {
                    long s = 0;
                    for (int i = 0; i < 67; i++) {
                        s += (long) t.value(r * 67 + i) * x[b * 67 + i];
                    }
                    want[b * 11 + r] = (int) s;
                }
            }
            for (Int8Kernel k : KernelRegistry.int8()) {
                int[] y = new int[want.length];
                if (batch == 1) {
                    k.gemv(w, x, y);
                } else {
                    k.gemm(w, x, batch, y);
                }
                assertArrayEquals(want, y, k.name() + " batch " + batch);
            }
            if (batch == 1) {
                float[] wf = new float[t.size()];
                float[] xf = new float[67];
                for (int i = 0; i < wf.length; i++) {
                    wf[i] = t.value(i);
                }
                for (int i = 0; i < 67; i++) {
                    xf[i] = x[i];
                }
                for (Float32Gemv f : KernelRegistry.float32()) {
                    float[] y = new float[11];
                    f.gemv(wf, 11, 67, xf, y);
                    for (int r = 0; r < 11; r++) {
                        assertEquals(want[r], y[r], 1e-3 * Math.abs(want[r]) + 1, f.name());
                    }
                }
            }
        }
    }

    @Test
    void int8IntColumnsMatchALongDotOnFewAndManyRows() {
        // 11 rows take int8-vector's column-broadcast kernel (up to 64), 70 rows its row pairs; 67 columns leave a
        // tail of 3 below a 16-lane vector; batches 1, 9 (one block of 8 and one column alone) and 16
        for (int rows : new int[] {11, 70}) {
            QuantizedTensor t = Fixtures.tensor(rows, rows, 67, 1, 1, 127);
            Int8Matrix w = Int8Matrix.of(t);
            for (int batch : new int[] {1, 9, 16}) {
                byte[] x = Fixtures.activations(batch + rows, 67 * batch);
                int[] want = new int[rows * batch];
                for (int b = 0; b < batch; b++) {
                    for (int r = 0; r < rows; r++) {
                        long s = 0;
                        for (int i = 0; i < 67; i++) {
                            s += (long) t.value(r * 67 + i) * x[b * 67 + i];
                        }
                        want[b * rows + r] = (int) s;
                    }
                }
                int[] xi = new int[2 + x.length];
                for (int i = 0; i < x.length; i++) {
                    xi[2 + i] = x[i];
                }
                for (Int8Kernel k : KernelRegistry.int8()) {
                    int[] y = new int[4 + want.length + 1];
                    java.util.Arrays.fill(y, -7);
                    k.gemmInts(w, xi, 2, batch, y, 4);
                    assertArrayEquals(want, java.util.Arrays.copyOfRange(y, 4, 4 + want.length),
                            k.name() + " gemmInts rows " + rows + " batch " + batch);
                    assertEquals(-7, y[3], k.name() + " wrote before its slice");
                    assertEquals(-7, y[y.length - 1], k.name() + " wrote after its slice");
                }
            }
        }
    }

    @Test
    void foreignLayoutsAndWrongLengthsAreRejectedWithTheFieldName() {
        QuantizedTensor t = Fixtures.tensor(1, 2, 8, 1, 1, 100);
        SwisCodes codes = Fixtures.referenceCodes(t, DecompositionConfig.defaults(), 3);
        GemvKernel ref = KernelRegistry.gemv("reference");
        PreparedMatrix foreign = KernelRegistry.gemv("swis-scalar").prepare(codes);
        SwisInputException e = assertThrows(SwisInputException.class, () -> ref.gemv(foreign, new byte[8], new int[2]));
        assertEquals("matrix", e.field());
        PreparedMatrix own = ref.prepare(codes);
        assertEquals("x.length", assertThrows(SwisInputException.class, () -> ref.gemv(own, new byte[7], new int[2])).field());
        assertEquals("columns", assertThrows(SwisInputException.class, () -> MatrixChecks.requireIntSums(70000)).field());
    }
}

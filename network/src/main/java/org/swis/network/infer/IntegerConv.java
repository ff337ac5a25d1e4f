package org.swis.network.infer;

import org.swis.kernels.GemmKernel;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;
import org.swis.reference.SwisInputException;
import org.swis.reference.layer.LayerWeights;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.Scheme;

/**
 * The exact integer sum of a conv2d / linear node (SPEC §13.3): {@code acc = Σ_k W[f][k] · a[k]} over the
 * canonical columns (kh, kw, channel) with zero padding, for a batch of quantized inputs.
 *
 * <p>The input of a sub-batch is held as ints in a padded layout ({@link #paddedSize} per image: the zero
 * padding of the node written once as the pad code, so no column needs a bounds check). groups = 1: im2col
 * of the batch (one column per output pixel, rows in the canonical order of SPEC §10.3, {@code kw · C}
 * contiguous ints per kernel row) straight into the kernel's int activation form
 * ({@link GemmKernel#gemmInts}), chunk by chunk (at most 2^18 ints, so the kernel's per-call row decoding
 * is amortised over hundreds of columns) in reused buffers, and one GEMM per chunk through the kernels
 * on the weights prepared once. The kernels take int8 operands; a uint8 code a (0..255, after activation
 * truncation) enters as {@code a − 128} and {@code 128 · Σ_k W[f][k]} is added back per filter, in
 * {@code long}, which is exact. A padded pixel is the code 0 (enters as −128 for uint8).
 *
 * <p>Other groups use a direct integer loop. Depthwise (one channel per group, one filter per group) sums in
 * {@code int} over the channels of a pixel at once (a loop the JIT vectorizes), which is exact when
 * {@code taps · max|W| · max|a| ≤ 2^31 − 1} (checked: with |a| ≤ 255, |W| ≤ 255 and 3×3 taps the bound is
 * 585,225); other grouped convolutions, and K beyond the kernels' exact int bound, sum in {@code long}.
 * Immutable; thread-safe (buffers come from the caller's {@link Scratch}).
 */
final class IntegerConv {
    /** Largest |kernel product|: |int8| ≤ 128 times |weight| ≤ 255. */
    private static final long MAX_PRODUCT = 128L * 255;
    /** Ints of im2col per GEMM call (bounds the memory of large batches and keeps a chunk in cache). */
    private static final int CHUNK_INTS = 1 << 18;

    private final ConvGeometry g;
    private final boolean unsigned;
    /** Code to this layer's input form: the kernel's int8 operand (value − 128 for uint8) on the GEMM path, else the value. */
    private final int[] form = new int[256];
    private final GemmKernel kernel;
    private final PreparedMatrix prepared;
    private final long[] offset;
    private final int[] weights;
    /** Depthwise weights tap-major ({@code [tap][filter]}), or null when the int depthwise loop does not apply. */
    private final int[] depthwise;
    /** GEMM path, uint8, 8 bits: the operand is the code minus 128 (the branch-free quantizer applies). */
    private final boolean plainUint8;
    /** Padded input extent: rows, columns, and the bottom / right padding. */
    private final int hp;
    private final int wp;
    private final int padBottom;
    private final int padRight;

    IntegerConv(ConvGeometry g, IntegerLayer layer, boolean unsigned, GemmKernel kernel, String node) {
        LayerWeights lw = layer.weights();
        if (lw.filters() != g.filters() || lw.channels() != g.channels() || lw.kh() != g.kh() || lw.kw() != g.kw()) {
            throw new SwisInputException("integer layer of node '" + node + "'",
                    lw.filters() + "x" + lw.kh() + "x" + lw.kw() + "x" + lw.channels(),
                    "filters x kh x kw x channels = " + g.filters() + "x" + g.kh() + "x" + g.kw() + "x" + g.channels());
        }
        int bits = layer.activationBits();
        if (bits < 8 && !unsigned) {
            throw new SwisInputException("activationBits of node '" + node + "'", bits,
                    "8 (activation truncation needs a uint8 input; this node's calibrated input is signed)");
        }
        this.g = g;
        this.unsigned = unsigned;
        Hwc in = g.in();
        int lastRow = (g.out().h() - 1) * g.strideH() - g.padTop() + (g.kh() - 1) * g.dilationH();
        int lastCol = (g.out().w() - 1) * g.strideW() - g.padLeft() + (g.kw() - 1) * g.dilationW();
        this.padBottom = Math.max(0, lastRow + 1 - in.h());
        this.padRight = Math.max(0, lastCol + 1 - in.w());
        this.hp = g.padTop() + in.h() + padBottom;
        this.wp = g.padLeft() + in.w() + padRight;
        if ((long) hp * wp * in.c() * QuantizedInference.MAX_BATCH > Integer.MAX_VALUE / 2) {
            throw new SwisInputException("input of node '" + node + "'", in, "fewer than 2^26 padded values per image");
        }
        this.weights = lw.decoded();
        boolean gemm = g.groups() == 1 && MAX_PRODUCT * g.k() <= Integer.MAX_VALUE;
        this.plainUint8 = gemm && unsigned && bits == 8;
        int drop = 8 - bits;
        for (int code = 0; code < 256; code++) {
            // the integer activation the product uses (truncated uint8, or int8), as this path takes it
            int v = unsigned ? (code >> drop) << drop : (byte) code;
            form[code] = gemm && unsigned ? v - 128 : v;
        }
        if (gemm) {
            this.kernel = kernel;
            this.prepared = kernel.prepare(codes(lw));
            this.offset = new long[g.filters()];
            if (unsigned) {
                int k = g.k();
                for (int f = 0; f < g.filters(); f++) {
                    long s = 0;
                    for (int i = 0; i < k; i++) {
                        s += weights[f * k + i];
                    }
                    offset[f] = 128 * s;
                }
            }
            this.depthwise = null;
        } else {
            this.kernel = null;
            this.prepared = null;
            this.offset = null;
            this.depthwise = depthwiseWeights(g, weights);
        }
    }

    /**
     * The weights tap-major when the layer is depthwise and its int sum is exact: {@code taps · max|W| · 255}
     * (255 bounds |a| for uint8 and int8 codes alike) at most {@code Integer.MAX_VALUE}; else null.
     */
    private static int[] depthwiseWeights(ConvGeometry g, int[] w) {
        if (g.channels() != 1 || g.perGroup() != 1) {
            return null;
        }
        int taps = g.kh() * g.kw();
        long max = 0;
        for (int v : w) {
            max = Math.max(max, Math.abs((long) v));
        }
        if (taps * max * 255 > Integer.MAX_VALUE) {
            return null;
        }
        int filters = g.filters();
        int[] t = new int[w.length];
        for (int f = 0; f < filters; f++) {
            for (int tap = 0; tap < taps; tap++) {
                t[tap * filters + f] = w[f * taps + tap];
            }
        }
        return t;
    }

    /** The reference layer's group codes as the kernels' flat codes (SPEC §10.3). */
    static SwisCodes codes(LayerWeights lw) {
        int gpf = lw.groupsPerFilter();
        GroupCode[] c = new GroupCode[lw.filters() * gpf];
        for (int f = 0; f < lw.filters(); f++) {
            for (int k = 0; k < gpf; k++) {
                c[f * gpf + k] = lw.code(f, k);
            }
        }
        Scheme scheme = lw.kind() == LayerWeights.Kind.SWIS_C ? Scheme.SWIS_C : Scheme.SWIS;
        return SwisCodes.of(scheme, lw.layout(), lw.filters(), lw.shiftsPerFilter(), c);
    }

    ConvGeometry geometry() {
        return g;
    }

    boolean usesKernel() {
        return prepared != null;
    }

    /** True when the depthwise int loop runs (else, without the kernel, the long loop). */
    boolean usesDepthwise() {
        return depthwise != null;
    }

    /** MACs of one image through the kernels' GEMM (0 on the direct path). */
    long kernelMacs() {
        return prepared == null ? 0 : (long) g.k() * g.filters() * g.out().h() * g.out().w();
    }

    /** Ints of one image's padded input. */
    int paddedSize() {
        return hp * wp * g.in().c();
    }

    /**
     * The sums of a batch from integer activations (uint8 0..255 or int8 −128..127 per the node's
     * signedness), HWC per image; returns {@code [image][oy][ox][filter]}.
     */
    long[] sums(int[] activations, int batch) {
        int size = g.in().size();
        if (activations.length != batch * size) {
            throw new SwisInputException("activations.length", activations.length, batch + " x " + size);
        }
        Scratch s = new Scratch();
        int[] x = s.ints(Scratch.INPUT, batch * paddedSize());
        fillPads(x, batch);
        int c = g.in().c();
        int rowLen = g.in().w() * c;
        for (int i = 0; i < activations.length; i++) {
            int a = activations[i];
            if (unsigned ? a < 0 || a > 255 : a < -128 || a > 127) {
                throw new SwisInputException("activations[" + i + "]", a, unsigned ? "0..255" : "-128..127");
            }
            int b = i / size;
            int r = i % size;
            x[at(b, r / rowLen) + r % rowLen] = form[a & 0xFF];
        }
        long[] out = new long[batch * g.out().size()];
        sumsOfQuantized(x, batch, out, s, null);
        return out;
    }

    /** Index in the padded input of image b, input row iy, column 0, channel 0. */
    private int at(int b, int iy) {
        int c = g.in().c();
        return b * paddedSize() + ((iy + g.padTop()) * wp + g.padLeft()) * c;
    }

    /** Writes the pad code's form around each of the batch's images in {@code x} (the interior is left as is). */
    void fillPads(int[] x, int batch) {
        int pad = form[0];
        int c = g.in().c();
        int rowInts = wp * c;
        for (int b = 0; b < batch; b++) {
            int base = b * paddedSize();
            java.util.Arrays.fill(x, base, base + g.padTop() * rowInts, pad);
            int bottom = base + (g.padTop() + g.in().h()) * rowInts;
            java.util.Arrays.fill(x, bottom, bottom + padBottom * rowInts, pad);
            if (g.padLeft() > 0 || padRight > 0) {
                for (int iy = 0; iy < g.in().h(); iy++) {
                    int row = base + (g.padTop() + iy) * rowInts;
                    java.util.Arrays.fill(x, row, row + g.padLeft() * c, pad);
                    java.util.Arrays.fill(x, row + (g.padLeft() + g.in().w()) * c, row + rowInts, pad);
                }
            }
        }
    }

    /**
     * Quantizes image b's float input ({@link Calibration#quantize}) into this layer's input form in the
     * padded layout {@code dst}: the kernel operand on the GEMM path, the code's value on the direct path.
     */
    void quantize(float[] x, double scale, int[] dst, int b) {
        int rowLen = g.in().w() * g.in().c();
        for (int iy = 0; iy < g.in().h(); iy++) {
            int o = at(b, iy);
            int xo = iy * rowLen;
            if (plainUint8) {
                // Calibration.quantize for unsigned codes, written with min/max so that it compiles to vector code:
                // NaN stays NaN through min/max and converts to 0; (int) is floor for w >= 0.
                for (int i = 0; i < rowLen; i++) {
                    double w = Math.min(Math.max(x[xo + i] / scale + 0.5, 0.0), Calibration.UINT8_MAX);
                    dst[o + i] = (int) w - 128;
                }
            } else {
                for (int i = 0; i < rowLen; i++) {
                    dst[o + i] = form[Calibration.quantize(x[xo + i], scale, unsigned) & 0xFF];
                }
            }
        }
    }

    /** The sums of a batch already in this layer's padded input form ({@link #quantize}, {@link #fillPads}). */
    void sumsOfQuantized(int[] in, int batch, long[] out, Scratch s, PhaseClock clock) {
        if (prepared != null) {
            gemm(in, batch, out, s, clock);
        } else {
            long t0 = System.nanoTime();
            if (depthwise != null) {
                depthwise(in, batch, out, s);
            } else {
                direct(in, batch, out);
            }
            if (clock != null) {
                clock.add(PhaseClock.Phase.DIRECT, System.nanoTime() - t0);
            }
        }
    }

    /** im2col of kernel operands into reused int buffers and the GEMM, chunk by chunk. */
    private void gemm(int[] in, int batch, long[] out, Scratch s, PhaseClock clock) {
        Hwc o = g.out();
        int k = g.k();
        int c = g.in().c();
        int filters = g.filters();
        int pixels = o.h() * o.w();
        int columns = batch * pixels;
        int chunk = Math.max(1, Math.min(columns, CHUNK_INTS / k));
        int[] x = s.ints(Scratch.COLUMNS, chunk * k);
        int[] y = s.ints(Scratch.OUTPUTS, chunk * filters);
        int run = g.dilationW() == 1 ? g.kw() * c : c;
        int size = paddedSize();
        for (int col0 = 0; col0 < columns; col0 += chunk) {
            long t0 = System.nanoTime();
            int n = Math.min(chunk, columns - col0);
            int p = 0;
            for (int col = col0; col < col0 + n; col++) {
                int b = col / pixels;
                int oy = col % pixels / o.w();
                int ox = col % o.w();
                int base = b * size + (oy * g.strideH() * wp + ox * g.strideW()) * c;
                for (int ky = 0; ky < g.kh(); ky++) {
                    int row = base + ky * g.dilationH() * wp * c;
                    if (run == g.kw() * c) {
                        System.arraycopy(in, row, x, p, run);
                        p += run;
                    } else {
                        for (int kx = 0; kx < g.kw(); kx++) {
                            System.arraycopy(in, row + kx * g.dilationW() * c, x, p, c);
                            p += c;
                        }
                    }
                }
            }
            long t1 = System.nanoTime();
            kernel.gemmInts(prepared, x, 0, n, y, 0);
            for (int j = 0; j < n; j++) {
                int yo = j * filters;
                int oo = (col0 + j) * filters;
                for (int f = 0; f < filters; f++) {
                    out[oo + f] = y[yo + f] + offset[f];
                }
            }
            if (clock != null) {
                long t2 = System.nanoTime();
                clock.add(PhaseClock.Phase.IM2COL, t1 - t0);
                clock.add(PhaseClock.Phase.GEMM, t2 - t1);
            }
        }
    }

    /** Depthwise: per output pixel, every channel at once in int (exact by the bound of {@link #depthwiseWeights}). */
    private void depthwise(int[] in, int batch, long[] out, Scratch s) {
        Hwc o = g.out();
        int c = g.in().c();
        int taps = g.kh() * g.kw();
        int[] acc = s.ints(Scratch.ACC, c);
        int[] w = depthwise;
        int size = paddedSize();
        for (int b = 0; b < batch; b++) {
            for (int oy = 0; oy < o.h(); oy++) {
                for (int ox = 0; ox < o.w(); ox++) {
                    int base = b * size + (oy * g.strideH() * wp + ox * g.strideW()) * c;
                    java.util.Arrays.fill(acc, 0, c, 0);
                    for (int tap = 0; tap < taps; tap++) {
                        int xo = base + ((tap / g.kw()) * g.dilationH() * wp + (tap % g.kw()) * g.dilationW()) * c;
                        int wo = tap * c;
                        for (int f = 0; f < c; f++) {
                            acc[f] += w[wo + f] * in[xo + f];
                        }
                    }
                    int oo = ((b * o.h() + oy) * o.w() + ox) * c;
                    for (int f = 0; f < c; f++) {
                        out[oo + f] = acc[f];
                    }
                }
            }
        }
    }

    /** Any grouping, sums in long (the padded input holds the codes' values, pad 0). */
    private void direct(int[] in, int batch, long[] out) {
        Hwc o = g.out();
        int cin = g.in().c();
        int ch = g.channels();
        int per = g.perGroup();
        int filters = g.filters();
        int size = paddedSize();
        for (int b = 0; b < batch; b++) {
            for (int oy = 0; oy < o.h(); oy++) {
                for (int ox = 0; ox < o.w(); ox++) {
                    int oo = ((b * o.h() + oy) * o.w() + ox) * filters;
                    int base = b * size + (oy * g.strideH() * wp + ox * g.strideW()) * cin;
                    for (int f = 0; f < filters; f++) {
                        int cg = f / per;
                        long s = 0;
                        for (int ky = 0; ky < g.kh(); ky++) {
                            for (int kx = 0; kx < g.kw(); kx++) {
                                int xo = base + (ky * g.dilationH() * wp + kx * g.dilationW()) * cin + cg * ch;
                                int wo = ((f * g.kh() + ky) * g.kw() + kx) * ch;
                                for (int i = 0; i < ch; i++) {
                                    s += (long) weights[wo + i] * in[xo + i];
                                }
                            }
                        }
                        out[oo + f] = s;
                    }
                }
            }
        }
    }
}

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
 * <p>groups = 1: im2col of the whole batch (one column per output pixel, rows in the canonical order of
 * SPEC §10.3) and one GEMM through the kernels on the weights prepared once. The kernels take int8;
 * a uint8 code a (0..255, after activation truncation) enters as {@code a − 128} and
 * {@code 128 · Σ_k W[f][k]} is added back per filter, in {@code long}, which is exact. A padded pixel is
 * the code 0 (enters as −128 for uint8). Other groups (depthwise), and K beyond the kernels' exact int
 * bound, use a direct integer loop in {@code long}. Immutable; thread-safe.
 */
final class IntegerConv {
    /** Largest |kernel product|: |int8| ≤ 128 times |weight| ≤ 255. */
    private static final long MAX_PRODUCT = 128L * 255;
    /** Bytes of im2col per GEMM call (bounds the memory of large batches). */
    private static final int CHUNK_BYTES = 1 << 18;

    private final ConvGeometry g;
    private final boolean unsigned;
    /** Code (as an unsigned byte index) to the integer activation the product uses (truncated uint8, or int8). */
    private final int[] value = new int[256];
    /** Code to the kernel's int8 operand ({@code value − 128} for uint8). */
    private final byte[] operand = new byte[256];
    private final GemmKernel kernel;
    private final PreparedMatrix prepared;
    private final long[] offset;
    private final int[] weights;
    /** GEMM path, uint8, 8 bits: the operand is the code minus 128 (the branch-free quantizer applies). */
    private final boolean plainUint8;

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
        int drop = 8 - bits;
        for (int code = 0; code < 256; code++) {
            int v = unsigned ? (code >> drop) << drop : (byte) code;
            value[code] = v;
            operand[code] = (byte) (unsigned ? v - 128 : v);
        }
        this.weights = lw.decoded();
        boolean gemm = g.groups() == 1 && MAX_PRODUCT * g.k() <= Integer.MAX_VALUE;
        this.plainUint8 = gemm && unsigned && bits == 8;
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
        } else {
            this.kernel = null;
            this.prepared = null;
            this.offset = null;
        }
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

    /**
     * The sums of a batch from integer activations (uint8 0..255 or int8 −128..127 per the node's
     * signedness), HWC per image; returns {@code [image][oy][ox][filter]}.
     */
    long[] sums(int[] activations, int batch) {
        int size = g.in().size();
        if (activations.length != batch * size) {
            throw new SwisInputException("activations.length", activations.length, batch + " x " + size);
        }
        byte[] q = new byte[activations.length];
        for (int i = 0; i < q.length; i++) {
            int a = activations[i];
            if (unsigned ? a < 0 || a > 255 : a < -128 || a > 127) {
                throw new SwisInputException("activations[" + i + "]", a, unsigned ? "0..255" : "-128..127");
            }
            q[i] = (byte) a;
        }
        long[] out = new long[batch * g.out().size()];
        sums(q, batch, out);
        return out;
    }

    /** The sums of a batch of codes (uint8 codes as unsigned bytes), into {@code out}. */
    void sums(byte[] q, int batch, long[] out) {
        if (prepared != null) {
            byte[] x = new byte[q.length];
            for (int i = 0; i < q.length; i++) {
                x[i] = operand[q[i] & 0xFF];
            }
            gemm(x, batch, out);
        } else {
            direct(q, batch, out);
        }
    }

    /**
     * Quantizes one image's float input ({@link Calibration#quantize}) into this layer's input form at
     * {@code dst[offset..]}: the kernel operand on the GEMM path, the code on the direct path.
     */
    void quantize(float[] x, double scale, byte[] dst, int offset) {
        if (plainUint8) {
            // Calibration.quantize for unsigned codes, written with min/max so that it compiles to vector code:
            // NaN stays NaN through min/max and converts to 0; (int) is floor for w >= 0.
            for (int i = 0; i < x.length; i++) {
                double w = Math.min(Math.max(x[i] / scale + 0.5, 0.0), Calibration.UINT8_MAX);
                dst[offset + i] = (byte) ((int) w - 128);
            }
        } else if (prepared != null) {
            for (int i = 0; i < x.length; i++) {
                dst[offset + i] = operand[Calibration.quantize(x[i], scale, unsigned) & 0xFF];
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                dst[offset + i] = (byte) Calibration.quantize(x[i], scale, unsigned);
            }
        }
    }

    /** The sums of a batch already in this layer's input form ({@link #quantize}). */
    void sumsOfQuantized(byte[] in, int batch, long[] out) {
        if (prepared != null) {
            gemm(in, batch, out);
        } else {
            direct(in, batch, out);
        }
    }

    /** im2col of kernel operands (pad = the operand of code 0) and the GEMM, chunk by chunk. */
    private void gemm(byte[] ops, int batch, long[] out) {
        Hwc in = g.in();
        Hwc o = g.out();
        int k = g.k();
        int c = in.c();
        int filters = g.filters();
        int pixels = o.h() * o.w();
        int columns = batch * pixels;
        int chunk = Math.max(1, Math.min(columns, CHUNK_BYTES / k));
        byte[] x = new byte[chunk * k];
        int[] y = new int[chunk * filters];
        byte pad = operand[0];
        for (int col0 = 0; col0 < columns; col0 += chunk) {
            int n = Math.min(chunk, columns - col0);
            if (n < chunk) {
                // the kernels take exactly n columns: the last, shorter chunk gets its own buffers
                x = new byte[n * k];
                y = new int[n * filters];
            }
            int p = 0;
            for (int col = col0; col < col0 + n; col++) {
                int b = col / pixels;
                int oy = col % pixels / o.w();
                int ox = col % o.w();
                int base = b * in.size();
                for (int ky = 0; ky < g.kh(); ky++) {
                    int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                    boolean rowIn = iy >= 0 && iy < in.h();
                    for (int kx = 0; kx < g.kw(); kx++) {
                        int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                        if (!rowIn || ix < 0 || ix >= in.w()) {
                            java.util.Arrays.fill(x, p, p + c, pad);
                        } else {
                            System.arraycopy(ops, base + (iy * in.w() + ix) * c, x, p, c);
                        }
                        p += c;
                    }
                }
            }
            kernel.gemm(prepared, x, n, y);
            for (int j = 0; j < n; j++) {
                int yo = j * filters;
                int oo = (col0 + j) * filters;
                for (int f = 0; f < filters; f++) {
                    out[oo + f] = y[yo + f] + offset[f];
                }
            }
        }
    }

    private void direct(byte[] q, int batch, long[] out) {
        Hwc in = g.in();
        Hwc o = g.out();
        int ch = g.channels();
        int per = g.perGroup();
        int filters = g.filters();
        for (int b = 0; b < batch; b++) {
            int base = b * in.size();
            for (int oy = 0; oy < o.h(); oy++) {
                for (int ox = 0; ox < o.w(); ox++) {
                    int oo = ((b * o.h() + oy) * o.w() + ox) * filters;
                    for (int f = 0; f < filters; f++) {
                        int cg = f / per;
                        long s = 0;
                        for (int ky = 0; ky < g.kh(); ky++) {
                            int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                            if (iy < 0 || iy >= in.h()) {
                                continue;
                            }
                            for (int kx = 0; kx < g.kw(); kx++) {
                                int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                                if (ix < 0 || ix >= in.w()) {
                                    continue;
                                }
                                int xo = base + (iy * in.w() + ix) * in.c() + cg * ch;
                                int wo = ((f * g.kh() + ky) * g.kw() + kx) * ch;
                                for (int c = 0; c < ch; c++) {
                                    s += (long) weights[wo + c] * value[q[xo + c] & 0xFF];
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

package org.swis.io.model;

import org.swis.io.DType;
import org.swis.io.ImportException;
import org.swis.io.TensorData;
import org.swis.io.WeightKind;
import org.swis.reference.SwisInputException;
import org.swis.reference.tensor.FilterShape;
import org.swis.reference.tensor.Layout;

/**
 * One weight tensor of a model, not yet decoded: its shape, layout and kind are checked, its
 * elements stay where {@link TensorData} keeps them (a memory-mapped file for .safetensors). Read it
 * whole with {@link #load()} or in blocks of whole filters, in canonical order (filter, kh, kw,
 * channel), with {@link #floats} / {@link #int8}; the canonical mapping is the reference's
 * {@link Layout#sourceStrides}.
 */
public final class LayerSource {
    private final TensorData data;
    private final String file;
    private final Layout layout;
    private final WeightKind kind;
    private final FilterShape dims;
    private final int channels;
    private final int kh;
    private final int kw;
    private final long[] strides;
    private final double[] int8Scales;

    private LayerSource(TensorData data, String file, Layout layout, WeightKind kind, FilterShape dims,
                        long[] strides, double[] int8Scales) {
        this.data = data;
        this.file = file;
        this.layout = layout;
        this.kind = kind;
        this.dims = dims;
        this.channels = dims.channels();
        this.kh = dims.kh();
        this.kw = dims.kw();
        this.strides = strides;
        this.int8Scales = int8Scales;
    }

    /** Checks the tensor's shape against its layout (and an int8 tensor's scales) without reading its data. */
    public static LayerSource of(TensorData t, Layout l, WeightKind kind, String file) throws ImportException {
        Layout layout = l;
        int[] shape = t.shape();
        try {
            layout.checkShape(t.name(), shape);
        } catch (SwisInputException e) {
            throw importError(file, t.name(), e);
        }
        FilterShape dims = layout.canonicalDims(shape);
        double[] scales = t.dtype() == DType.I8 ? int8Scales(t, dims.filters(), file) : null;
        return new LayerSource(t, file, l, kind, dims, layout.sourceStrides(shape), scales);
    }

    /**
     * The per-filter scales of an int8 tensor: its one scale repeated, one per output channel as given,
     * or 1 when the file has none. Any other count is an {@link ImportException}.
     */
    static double[] int8Scales(TensorData t, int filters, String file) throws ImportException {
        float[] s = t.scales();
        double[] out = new double[filters];
        if (s == null) {
            java.util.Arrays.fill(out, 1.0);
        } else if (s.length == 1) {
            java.util.Arrays.fill(out, s[0]);
        } else if (s.length == filters) {
            for (int f = 0; f < filters; f++) {
                out[f] = s[f];
            }
        } else {
            throw new ImportException(file, "scales of int8 tensor '" + t.name() + "'",
                    "1 or " + filters + " (one per output channel) values", s.length + " values");
        }
        return out;
    }

    /** A reference input error on tensor {@code name}, as an {@link ImportException} naming the file and field. */
    static ImportException importError(String file, String name, SwisInputException e) {
        String msg = e.getMessage();
        int at = msg.indexOf(": expected ");
        return new ImportException(file, "tensor '" + name + "' " + e.field(),
                at >= 0 ? msg.substring(at + ": expected ".length()) : msg, e.value());
    }

    /** Decodes the whole tensor into the reference's types (heap for the whole tensor). */
    public ModelLayer load() throws ImportException {
        return ModelLoader.convert(data.load(), layout, kind, file);
    }

    public String name() {
        return data.name();
    }

    /** The file the tensor is read from, as named in messages. */
    public String file() {
        return file;
    }

    public WeightKind kind() {
        return kind;
    }

    public Layout layout() {
        return layout;
    }

    /** The shape as stored in the file. */
    public int[] shape() {
        return data.shape();
    }

    public DType dtype() {
        return data.dtype();
    }

    /** Canonical dimensions (filters, channels, kh, kw). */
    public FilterShape dims() {
        return dims;
    }

    /** True for int8 weights taken as they are (with {@link #int8Scales()}). */
    public boolean isInt8() {
        return int8Scales != null;
    }

    /** The per-filter scales of an int8 tensor; null for float input. */
    public double[] int8Scales() {
        return int8Scales == null ? null : int8Scales.clone();
    }

    /** Source index (C order in the file) of canonical element {@code (f, y, x, ch)}. */
    private int source(int f, int y, int x, int ch) {
        return (int) (f * strides[0] + y * strides[1] + x * strides[2] + ch * strides[3]);
    }

    /**
     * The float weights of filters {@code [f0, f1)} in canonical order into {@code dst[0..]}: the stored
     * values for float input, {@code (float) (q * scale[f])} for int8 input (as {@link ModelLoader#convert}).
     * A non-finite weight is an {@link ImportException} naming its canonical index, as the reference does.
     */
    public void floats(int f0, int f1, float[] dst) throws ImportException {
        int per = dims.filterSize();
        if (int8Scales == null && strides[0] == per) {
            // filter-major file (OIHW, OHWI, OI): the block is one contiguous run, read in bulk
            boolean canonical = (channels == 1 || strides[3] == 1) && (kw == 1 || strides[2] == channels)
                    && (kh == 1 || strides[1] == (long) kw * channels);
            if (canonical) {
                data.read(f0 * per, dst, 0, (f1 - f0) * per);
            } else {
                float[] run = scratch(per);
                for (int f = f0; f < f1; f++) {
                    data.read(f * per, run, 0, per);
                    int k = (f - f0) * per;
                    for (int y = 0; y < kh; y++) {
                        for (int x = 0; x < kw; x++) {
                            for (int ch = 0; ch < channels; ch++) {
                                dst[k++] = run[(int) (y * strides[1] + x * strides[2] + ch * strides[3])];
                            }
                        }
                    }
                }
            }
            checkFinite(f0, f1, dst);
            return;
        }
        int k = 0;
        for (int f = f0; f < f1; f++) {
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    for (int ch = 0; ch < channels; ch++) {
                        double v = data.get(source(f, y, x, ch));
                        dst[k++] = int8Scales == null ? (float) v : (float) ((int) v * int8Scales[f]);
                    }
                }
            }
        }
        checkFinite(f0, f1, dst);
    }

    private float[] scratch;

    private float[] scratch(int n) {
        if (scratch == null || scratch.length < n) {
            scratch = new float[n];
        }
        return scratch;
    }

    private void checkFinite(int f0, int f1, float[] dst) throws ImportException {
        int n = (f1 - f0) * dims.filterSize();
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(dst[i])) {
                throw importError(file, name(), new SwisInputException(
                        name() + "[" + ((long) f0 * dims.filterSize() + i) + "]", dst[i], "a finite weight"));
            }
        }
    }

    /** The int8 values of filters {@code [f0, f1)} in canonical order into {@code dst[0..]}; int8 input only. */
    public void int8(int f0, int f1, byte[] dst) {
        if (int8Scales == null) {
            throw new IllegalStateException(name() + " is not int8");
        }
        int k = 0;
        for (int f = f0; f < f1; f++) {
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    for (int ch = 0; ch < channels; ch++) {
                        dst[k++] = (byte) data.get(source(f, y, x, ch));
                    }
                }
            }
        }
    }

    /** Largest |w| over the finite float weights, read in file order in chunks (float input only). */
    public double absmax() {
        double max = 0;
        int n = data.count();
        float[] chunk = scratch(Math.min(n, 1 << 16));
        for (int from = 0; from < n; from += chunk.length) {
            int len = Math.min(chunk.length, n - from);
            data.read(from, chunk, 0, len);
            for (int i = 0; i < len; i++) {
                double v = Math.abs((double) chunk[i]);
                if (v > max && v != Double.POSITIVE_INFINITY) {
                    max = v;
                }
            }
        }
        return max;
    }
}

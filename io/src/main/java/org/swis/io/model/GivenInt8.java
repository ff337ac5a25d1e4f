package org.swis.io.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.swis.io.DType;
import org.swis.io.ImportException;
import org.swis.io.NpzReader;
import org.swis.io.Shapes;
import org.swis.io.Tensor;
import org.swis.io.TensorData;
import org.swis.io.TensorSource;

/**
 * The int8 weights a model folder gives (SPEC §1.3, §12.3): {@code weights_int.npz} holds the int8
 * tensors under the keys of {@code weights.npz}, {@code quant_params.npz} holds {@code <key>/scale}
 * (one float per output channel), {@code <key>/axis} (the output-channel axis) and
 * {@code <key>/zero_point}. Each int8 tensor is handed over with its scales attached, taken as it is.
 * Checks: every key has its scales, one positive finite value per index of {@code axis}; zero points
 * are 0; and {@code weights.npz} holds exactly {@code (float) (q · scale[c])}, element by element (which
 * also holds the zero point to 0 where the numpy reader cannot decode its integer type).
 */
public final class GivenInt8 implements TensorSource {
    /** The int8 weights, next to {@code weights.npz}. */
    public static final String INT_FILE = "weights_int.npz";
    /** Scales, axes and zero points, next to {@code weights.npz}. */
    public static final String PARAMS_FILE = "quant_params.npz";

    private final NpzReader ints;
    private final NpzReader params;
    private final NpzReader floats;

    private GivenInt8(NpzReader ints, NpzReader params, NpzReader floats) {
        this.ints = ints;
        this.params = params;
        this.floats = floats;
    }

    /** True when {@code dir} holds {@code weights.npz}, {@code weights_int.npz} and {@code quant_params.npz}. */
    public static boolean present(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(ModelLoader.WEIGHTS_FILE))
                && Files.isRegularFile(dir.resolve(INT_FILE)) && Files.isRegularFile(dir.resolve(PARAMS_FILE));
    }

    /** Opens the three archives of {@code dir}. */
    public static GivenInt8 open(Path dir) throws ImportException {
        NpzReader ints = NpzReader.open(dir.resolve(INT_FILE));
        NpzReader params = null;
        try {
            params = NpzReader.open(dir.resolve(PARAMS_FILE));
            NpzReader floats = NpzReader.open(dir.resolve(ModelLoader.WEIGHTS_FILE));
            return new GivenInt8(ints, params, floats);
        } catch (ImportException e) {
            ints.close();
            if (params != null) {
                params.close();
            }
            throw e;
        }
    }

    @Override
    public String file() {
        return ints.file();
    }

    @Override
    public List<String> names() {
        return ints.names();
    }

    @Override
    public TensorData nextData() throws ImportException {
        Tensor t = ints.nextData();
        return t == null ? null : attach(t);
    }

    @Override
    public Tensor read(String name) throws ImportException {
        return attach(ints.read(name));
    }

    private Tensor attach(Tensor q) throws ImportException {
        String key = q.name();
        if (q.dtype() != DType.I8) {
            throw new ImportException(ints.file(), "tensor '" + key + "' dtype", "int8", q.dtype().manifestName());
        }
        int[] shape = q.shape();
        int axis = axis(key, shape);
        float[] scale = scales(key, shape[axis]);
        zeroPoints(key, shape[axis]);
        checkDequantized(q, shape, axis, scale);
        return q.withScales(scale);
    }

    private Tensor param(String key, String what) throws ImportException {
        String name = key + "/" + what;
        if (!params.names().contains(name)) {
            throw new ImportException(params.file(), "array '" + name + "'", "present (int8 tensor '" + key + "' of "
                    + ints.file() + ")", "absent");
        }
        return params.read(name);
    }

    private int axis(String key, int[] shape) throws ImportException {
        Tensor a = param(key, "axis");
        if (a.count() != 1 || a.dtype().isFloating()) {
            throw new ImportException(params.file(), "array '" + key + "/axis'", "one integer", a.dtype().manifestName()
                    + " " + Shapes.format(a.shape()));
        }
        double v = a.get(0);
        if (v < 0 || v >= shape.length) {
            throw new ImportException(params.file(), "array '" + key + "/axis'", "an axis 0.." + (shape.length - 1)
                    + " of " + Shapes.format(shape), Double.toString(v));
        }
        return (int) v;
    }

    private float[] scales(String key, int channels) throws ImportException {
        Tensor s = param(key, "scale");
        String field = "array '" + key + "/scale'";
        if (!s.dtype().isFloating() || s.count() != channels) {
            throw new ImportException(params.file(), field, channels + " floats (one per output channel)",
                    s.dtype().manifestName() + " " + Shapes.format(s.shape()));
        }
        float[] v = s.toFloats();
        for (int c = 0; c < v.length; c++) {
            if (!(v[c] > 0) || Float.isInfinite(v[c])) {
                throw new ImportException(params.file(), field + "[" + c + "]", "a finite positive scale",
                        Float.toString(v[c]));
            }
        }
        return v;
    }

    /**
     * Zero points must be 0. An integer type the numpy reader does not decode (numpy's default int64)
     * is left to {@link #checkDequantized}, which fails for any non-zero zero point that matters.
     */
    private void zeroPoints(String key, int channels) throws ImportException {
        String name = key + "/zero_point";
        if (!params.names().contains(name)) {
            throw new ImportException(params.file(), "array '" + name + "'", "present (int8 tensor '" + key + "' of "
                    + ints.file() + ")", "absent");
        }
        Tensor z;
        try {
            z = params.read(name);
        } catch (ImportException e) {
            if (e.field().endsWith("descr")) {
                return;
            }
            throw e;
        }
        for (int i = 0; i < z.count(); i++) {
            if (z.get(i) != 0) {
                throw new ImportException(params.file(), "array '" + name + "'[" + i + "]",
                        "0 (symmetric int8 weights, SPEC §1.3)", Double.toString(z.get(i)));
            }
        }
    }

    /** weights.npz must hold exactly (float) (q · scale[c]) for every element, c its index along {@code axis}. */
    private void checkDequantized(Tensor q, int[] shape, int axis, float[] scale) throws ImportException {
        String key = q.name();
        if (!floats.names().contains(key)) {
            throw new ImportException(floats.file(), "array '" + key + "'", "present (int8 tensor of " + ints.file() + ")",
                    "absent");
        }
        Tensor f = floats.read(key);
        if (!java.util.Arrays.equals(f.shape(), shape)) {
            throw new ImportException(floats.file(), "array '" + key + "' shape", Shapes.format(shape) + " (as in "
                    + ints.file() + ")", Shapes.format(f.shape()));
        }
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        int n = q.count();
        for (int i = 0; i < n; i++) {
            int c = (i / inner) % shape[axis];
            float expected = (float) (q.get(i) * (double) scale[c]);
            if (Float.floatToIntBits((float) f.get(i)) != Float.floatToIntBits(expected)
                    && !(expected == 0f && f.get(i) == 0)) {
                throw new ImportException(floats.file(), "array '" + key + "'[" + i + "]",
                        expected + " = q " + (int) q.get(i) + " · scale " + scale[c] + " (zero point 0)",
                        Float.toString((float) f.get(i)));
            }
        }
    }

    @Override
    public void close() {
        ints.close();
        params.close();
        floats.close();
    }
}

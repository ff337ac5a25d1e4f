package org.swis.io;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs int8/uint8 weight tensors with their dequantisation scales, found by name: a floating
 * tensor named {@code <w>.scale}, {@code <w>.scales}, {@code <w>_scale} or {@code <w>_scales} next to
 * tensor {@code <w>}. A scale tensor holds one value (per tensor) or one value per channel of one
 * axis (its count equals one of {@code <w>}'s dims). The wrapped source yields {@code <w>} with the
 * scales attached and does not yield the scale tensor on its own; a scale tensor whose base is not
 * 8-bit is yielded right after its base, unchanged.
 */
public final class Int8Scales implements TensorSource {
    /** Name suffixes that mark a scale tensor, in lookup order. */
    public static final List<String> SUFFIXES = List.of(".scale", ".scales", "_scale", "_scales");

    private final TensorSource src;
    /** base name -> scale tensor name, for bases present in the file. */
    private final Map<String, String> scaleOf = new HashMap<>();
    private final Set<String> scaleNames = new HashSet<>();
    private TensorData pending;

    private Int8Scales(TensorSource src) {
        this.src = src;
        Set<String> all = new HashSet<>(src.names());
        for (String n : src.names()) {
            for (String suffix : SUFFIXES) {
                if (n.endsWith(suffix) && n.length() > suffix.length()) {
                    String base = n.substring(0, n.length() - suffix.length());
                    if (all.contains(base) && !scaleOf.containsKey(base)) {
                        scaleOf.put(base, n);
                        scaleNames.add(n);
                        break;
                    }
                }
            }
        }
    }

    /** Wraps a source so that 8-bit tensors carry their scales. */
    public static TensorSource pair(TensorSource src) {
        return new Int8Scales(src);
    }

    @Override
    public String file() {
        return src.file();
    }

    /** Names of all tensors in the file, scale tensors included. */
    @Override
    public List<String> names() {
        return src.names();
    }

    @Override
    public TensorData nextData() throws ImportException {
        if (pending != null) {
            TensorData p = pending;
            pending = null;
            return p;
        }
        TensorData t;
        do {
            t = src.nextData();
        } while (t != null && scaleNames.contains(t.name()));
        if (t == null) {
            return null;
        }
        return attach(t);
    }

    @Override
    public Tensor read(String name) throws ImportException {
        Tensor t = src.read(name);
        return scaleNames.contains(name) ? t : (Tensor) attachOnly(t);
    }

    private TensorData attach(TensorData t) throws ImportException {
        String sName = scaleOf.get(t.name());
        if (sName == null) {
            return t;
        }
        if (t.dtype() != DType.I8 && t.dtype() != DType.U8) {
            pending = src.read(sName);
            return t;
        }
        return withScales(t, src.read(sName));
    }

    private TensorData attachOnly(TensorData t) throws ImportException {
        String sName = scaleOf.get(t.name());
        if (sName == null || (t.dtype() != DType.I8 && t.dtype() != DType.U8)) {
            return t;
        }
        return withScales(t, src.read(sName));
    }

    private TensorData withScales(TensorData t, Tensor s) throws ImportException {
        String field = "tensor '" + s.name() + "'";
        if (!s.dtype().isFloating()) {
            throw new ImportException(src.file(), field + " dtype", "a floating type (scales of int8 tensor '"
                    + t.name() + "')", s.dtype().manifestName());
        }
        boolean perAxis = false;
        for (int d : t.shape()) {
            perAxis |= d == s.count();
        }
        if (s.count() != 1 && !perAxis) {
            throw new ImportException(src.file(), field + " shape", "1 value or one per channel of an axis of "
                    + Shapes.format(t.shape()), Shapes.format(s.shape()));
        }
        float[] v = s.toFloats();
        for (float x : v) {
            if (!(x > 0) || Float.isInfinite(x)) {
                throw new ImportException(src.file(), field + " values", "finite positive scales", Float.toString(x));
            }
        }
        return t.withScales(v);
    }

    @Override
    public void close() {
        src.close();
    }
}

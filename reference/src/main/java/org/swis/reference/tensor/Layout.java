package org.swis.reference.tensor;

import java.util.Locale;
import org.swis.reference.SwisInputException;

/**
 * Memory layouts of weight tensors as they come from frameworks. Every layout maps onto the
 * canonical filter-major order of {@link WeightTensor}: {@code [filter][kh][kw][channel]} (OHWI),
 * in which the M input channels of a group at one kernel tap are adjacent (SPEC §2).
 */
public enum Layout {
    /** PyTorch conv {@code (out, in, kh, kw)}. Depthwise PyTorch conv is OIHW with in = 1. */
    OIHW(4),
    /** Canonical order {@code (out, kh, kw, in)}. */
    OHWI(4),
    /** Keras / TensorFlow conv {@code (kh, kw, in, out)}. */
    HWIO(4),
    /** Keras depthwise {@code (kh, kw, channels, multiplier)}; filter index = channel * multiplier + m. */
    HWCM(4),
    /** Linear / PyTorch {@code (out, in)}. */
    OI(2),
    /** Keras dense {@code (in, out)}. */
    IO(2);

    private final int rank;

    Layout(int rank) {
        this.rank = rank;
    }

    /** Number of dimensions a tensor of this layout has. */
    public int rank() {
        return rank;
    }

    /**
     * Checks that {@code shape} has this layout's rank and positive dimensions.
     *
     * @param name tensor name, used in the failing field ({@code name.shape}, {@code name.shape[i]})
     */
    public void checkShape(String name, int[] shape) {
        if (shape == null || shape.length != rank) {
            throw new SwisInputException(name + ".shape", shape == null ? null : java.util.Arrays.toString(shape),
                    "rank " + rank + " for layout " + this);
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 1) {
                throw new SwisInputException(name + ".shape[" + i + "]", shape[i], "a positive dimension");
            }
        }
    }

    /**
     * The canonical dimensions of a tensor of this layout (SPEC §1.4): HWCM has
     * {@code channels * multiplier} filters of one channel; OI and IO are 1x1 kernels.
     */
    public FilterShape canonicalDims(int[] shape) {
        return switch (this) {
            case OIHW -> new FilterShape(shape[0], shape[1], shape[2], shape[3]);
            case OHWI -> new FilterShape(shape[0], shape[3], shape[1], shape[2]);
            case HWIO -> new FilterShape(shape[3], shape[2], shape[0], shape[1]);
            case HWCM -> new FilterShape(shape[2] * shape[3], 1, shape[0], shape[1]);
            case OI -> new FilterShape(shape[0], shape[1], 1, 1);
            case IO -> new FilterShape(shape[1], shape[0], 1, 1);
        };
    }

    /**
     * Where canonical element {@code (f, y, x, ch)} sits in the source's C-order array: at
     * {@code f * s[0] + y * s[1] + x * s[2] + ch * s[3]} for the returned strides {@code s}. Every
     * layout is such an affine map (HWCM: filter {@code ch * multiplier + m} is at stride 1). This is
     * the one statement of the layout rule; {@link WeightTensor#fromLayout} applies it.
     */
    public long[] sourceStrides(int[] shape) {
        return switch (this) {
            case OIHW -> new long[] {(long) shape[1] * shape[2] * shape[3], shape[3], 1, (long) shape[2] * shape[3]};
            case OHWI -> new long[] {(long) shape[1] * shape[2] * shape[3], (long) shape[2] * shape[3], shape[3], 1};
            case HWIO -> new long[] {1, (long) shape[1] * shape[2] * shape[3], (long) shape[2] * shape[3], shape[3]};
            case HWCM -> new long[] {1, (long) shape[1] * shape[2] * shape[3], (long) shape[2] * shape[3], 0};
            case OI -> new long[] {shape[1], 0, 0, 1};
            case IO -> new long[] {1, 0, 0, shape[1]};
        };
    }

    /** Parses a layout name, case-insensitive; accepts the manifest form "OIHW (out, in, kh, kw)". */
    public static Layout parse(String text) {
        if (text == null) {
            throw new SwisInputException("layout", null, "one of OIHW, OHWI, HWIO, HWCM, OI, IO");
        }
        String head = text.trim();
        int space = head.indexOf(' ');
        if (space > 0) {
            head = head.substring(0, space);
        }
        try {
            return valueOf(head.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SwisInputException("layout", text, "one of OIHW, OHWI, HWIO, HWCM, OI, IO");
        }
    }
}

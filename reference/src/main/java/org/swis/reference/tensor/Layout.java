package org.swis.reference.tensor;

import java.util.Locale;
import org.swis.reference.SwisInputException;

/**
 * Memory layouts of weight tensors as they come from frameworks (SPEC §1.4). Every layout maps onto
 * the canonical filter-major order of {@link WeightTensor}: {@code [filter][kh][kw][channel]} (OHWI),
 * in which the M input channels of a group at one kernel tap are adjacent (SPEC §2). A layout is
 * written by its {@link #token()} (the first word of a manifest's layout cell).
 */
public enum Layout {
    /** PyTorch conv {@code (out, in, kh, kw)}. Depthwise PyTorch conv is OIHW with in = 1. */
    OIHW(4, "OIHW", "out, in, kh, kw"),
    /** Canonical order {@code (out, kh, kw, in)}; TFLite CONV_2D. */
    OHWI(4, "OHWI", "out, kh, kw, in"),
    /** Keras / TensorFlow conv {@code (kh, kw, in, out)}. */
    HWIO(4, "HWIO", "kh, kw, in, out"),
    /** Keras depthwise {@code (kh, kw, channels, multiplier)}; filter index = channel * multiplier + m. */
    HWCM(4, "HWCM", "kh, kw, in_channels, multiplier"),
    /**
     * TFLite DEPTHWISE_CONV_2D {@code (1, kh, kw, channels * multiplier)}, token {@code 1HWC}: filter
     * index = channel * multiplier + m is the last axis; every filter has one channel.
     */
    ONE_HWC(4, "1HWC", "1, kh, kw, channels*multiplier"),
    /** Linear / PyTorch {@code (out, in)}. */
    OI(2, "OI", "out, in"),
    /** Keras dense {@code (in, out)}. */
    IO(2, "IO", "in, out");

    /** The accepted tokens, for messages. */
    public static final String CHOICES = "OIHW, OHWI, HWIO, HWCM, 1HWC, OI, IO";

    private final int rank;
    private final String token;
    private final String axes;

    Layout(int rank, String token, String axes) {
        this.rank = rank;
        this.token = token;
        this.axes = axes;
    }

    /** Number of dimensions a tensor of this layout has. */
    public int rank() {
        return rank;
    }

    /** The layout's name in files and options, e.g. {@code "OIHW"} or {@code "1HWC"}. */
    public String token() {
        return token;
    }

    /** The axis names as a manifest writes them in parentheses, e.g. {@code "out, in, kh, kw"}. */
    public String axes() {
        return axes;
    }

    /** The token (so messages and written files show {@code 1HWC}, not the constant's name). */
    @Override
    public String toString() {
        return token;
    }

    /**
     * Checks that {@code shape} has this layout's rank and positive dimensions (and, for 1HWC, a
     * leading 1).
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
        if (this == ONE_HWC && shape[0] != 1) {
            throw new SwisInputException(name + ".shape[0]", shape[0], "1 for layout 1HWC");
        }
    }

    /**
     * The canonical dimensions of a tensor of this layout (SPEC §1.4): HWCM and 1HWC have
     * {@code channels * multiplier} filters of one channel; OI and IO are 1x1 kernels.
     */
    public FilterShape canonicalDims(int[] shape) {
        return switch (this) {
            case OIHW -> new FilterShape(shape[0], shape[1], shape[2], shape[3]);
            case OHWI -> new FilterShape(shape[0], shape[3], shape[1], shape[2]);
            case HWIO -> new FilterShape(shape[3], shape[2], shape[0], shape[1]);
            case HWCM -> new FilterShape(shape[2] * shape[3], 1, shape[0], shape[1]);
            case ONE_HWC -> new FilterShape(shape[3], 1, shape[1], shape[2]);
            case OI -> new FilterShape(shape[0], shape[1], 1, 1);
            case IO -> new FilterShape(shape[1], shape[0], 1, 1);
        };
    }

    /**
     * Where canonical element {@code (f, y, x, ch)} sits in the source's C-order array: at
     * {@code f * s[0] + y * s[1] + x * s[2] + ch * s[3]} for the returned strides {@code s}. Every
     * layout is such an affine map (HWCM: filter {@code ch * multiplier + m} is at stride 1; 1HWC: the
     * filter is the last axis). This is the one statement of the layout rule; {@link WeightTensor#fromLayout}
     * applies it.
     */
    public long[] sourceStrides(int[] shape) {
        return switch (this) {
            case OIHW -> new long[] {(long) shape[1] * shape[2] * shape[3], shape[3], 1, (long) shape[2] * shape[3]};
            case OHWI -> new long[] {(long) shape[1] * shape[2] * shape[3], (long) shape[2] * shape[3], shape[3], 1};
            case HWIO -> new long[] {1, (long) shape[1] * shape[2] * shape[3], (long) shape[2] * shape[3], shape[3]};
            case HWCM -> new long[] {1, (long) shape[1] * shape[2] * shape[3], (long) shape[2] * shape[3], 0};
            case ONE_HWC -> new long[] {1, (long) shape[2] * shape[3], shape[3], 0};
            case OI -> new long[] {shape[1], 0, 0, 1};
            case IO -> new long[] {1, 0, 0, shape[1]};
        };
    }

    /** The layout with this token (case-insensitive), or null. */
    public static Layout ofToken(String token) {
        for (Layout l : values()) {
            if (l.token.equalsIgnoreCase(token) || l.name().equalsIgnoreCase(token)) {
                return l;
            }
        }
        return null;
    }

    /** Parses a layout name, case-insensitive; accepts the manifest form "OIHW (out, in, kh, kw)" (first token decides). */
    public static Layout parse(String text) {
        if (text == null) {
            throw new SwisInputException("layout", null, "one of " + CHOICES);
        }
        String head = text.trim();
        int space = head.indexOf(' ');
        if (space > 0) {
            head = head.substring(0, space);
        }
        Layout l = ofToken(head.toUpperCase(Locale.ROOT));
        if (l == null) {
            throw new SwisInputException("layout", text, "one of " + CHOICES);
        }
        return l;
    }
}

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

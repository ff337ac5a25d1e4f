package org.swis.io;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.swis.reference.tensor.Layout;

/**
 * One row of a weights {@code manifest.csv}: a tensor's name, shape, dtype, kind, element count,
 * position in the archive, layout, and (when present) its summary statistics.
 *
 * @param name   tensor name as in the archive
 * @param shape  dims
 * @param dtype  element type
 * @param kind   conv, depthwise or linear
 * @param count  number of elements (equals the product of {@code shape})
 * @param index  0-based position in the archive
 * @param layout axis order
 * @param min    smallest value, if the column is present
 * @param max    largest value, if the column is present
 * @param mean   mean value, if the column is present
 * @param std    population standard deviation, if the column is present
 * @param zeros  number of exact zeros, if the column is present
 */
public record ManifestEntry(String name, int[] shape, DType dtype, WeightKind kind, long count, int index,
                            Layout layout, OptionalDouble min, OptionalDouble max, OptionalDouble mean,
                            OptionalDouble std, OptionalLong zeros) {
    public ManifestEntry {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }
}

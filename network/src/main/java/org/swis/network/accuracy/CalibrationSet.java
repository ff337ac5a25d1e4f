package org.swis.network.accuracy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Which images calibrate the activation scales and which are evaluated (SPEC §14.1).
 * <ul>
 *   <li>A set named {@code <family>_<rest>} with a sibling folder {@code <family>_calib} (CIFAR-10:
 *       {@code cifar10_test} → {@code cifar10_calib}, training images) is calibrated on that sibling,
 *       and every image of the set is evaluated.</li>
 *   <li>Otherwise {@link #SUBSET} images of the set itself calibrate, spread evenly over its rows
 *       (row ⌊i · size / SUBSET⌋ for i = 0..SUBSET−1), and they are excluded from the evaluation of the
 *       quantized methods; fp32 is reported on those evaluation images and on the whole set.</li>
 *   <li>{@code --limit L} keeps the first L evaluation images in row order.</li>
 * </ul>
 *
 * @param folder      the calibration set's folder (the evaluated set itself for a subset)
 * @param rows        calibration rows of {@code folder}'s labels.csv
 * @param excluded    whether {@code rows} are rows of the evaluated set (then excluded from it)
 */
public record CalibrationSet(Path folder, int[] rows, boolean excluded) {
    /** Calibration images taken from a set without a calibration sibling. */
    public static final int SUBSET = 100;

    /** The sibling calibration folder of {@code set}, or null. */
    public static Path sibling(Path set) {
        Path name = set.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            return null;
        }
        String s = name.toString();
        int cut = s.indexOf('_');
        if (cut <= 0 || s.endsWith("_calib")) {
            return null;
        }
        Path c = set.toAbsolutePath().normalize().resolveSibling(s.substring(0, cut) + "_calib");
        return Files.isDirectory(c) && Files.isRegularFile(c.resolve("labels.csv")) ? c : null;
    }

    /** Calibration on {@code calibFolder}'s first {@code count} rows (all when count exceeds its size). */
    public static CalibrationSet separate(Path calibFolder, int size) {
        int[] rows = new int[size];
        Arrays.setAll(rows, i -> i);
        return new CalibrationSet(calibFolder, rows, false);
    }

    /** The evenly spread subset of a set of {@code size} images (all of them when size ≤ SUBSET·2). */
    public static CalibrationSet subset(Path set, int size) {
        int count = Math.min(SUBSET, size / 2);
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = (int) ((long) i * size / count);
        }
        return new CalibrationSet(set, rows, true);
    }

    /** The evaluated rows of a set of {@code size} images, at most {@code limit} (0 = all). */
    public int[] evaluated(int size, int limit) {
        boolean[] skip = new boolean[size];
        if (excluded) {
            for (int r : rows) {
                skip[r] = true;
            }
        }
        int[] out = new int[size];
        int k = 0;
        for (int i = 0; i < size && (limit <= 0 || k < limit); i++) {
            if (!skip[i]) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }
}

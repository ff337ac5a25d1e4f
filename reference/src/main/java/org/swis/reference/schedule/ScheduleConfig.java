package org.swis.reference.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.swis.reference.SwisInputException;

/**
 * Parameters of filter scheduling (paper §4.3; SPEC §6).
 *
 * @param target       the layer's average shift count, 1..8 (fractional allowed: 2.5, 3.5, ...)
 * @param arrayColumns C_a: filters that run together on the array share one count (default 8, the 8x8 array)
 * @param step         n: filters moved down one shift per greedy step (default 1)
 * @param startCount   greedy start count; 0 means the default min(K, ceil(target) + 1), K the largest count (8)
 */
public record ScheduleConfig(double target, int arrayColumns, int step, int startCount) {
    public static final int DEFAULT_ARRAY_COLUMNS = 8;

    public ScheduleConfig {
        if (!(target >= 1 && target <= 8)) {
            throw new SwisInputException("target", target, "an average shift count in [1, 8]");
        }
        SwisInputException.requireRange("arrayColumns", arrayColumns, 1, 1 << 20);
        SwisInputException.requireRange("step", step, 1, 1 << 20);
        if (startCount != 0) {
            SwisInputException.requireRange("startCount", startCount, (int) Math.ceil(target), 8);
        }
    }

    /** Target with the defaults: 8 array columns, step 1, start min(8, ceil(target) + 1). */
    public static ScheduleConfig of(double target) {
        return new ScheduleConfig(target, DEFAULT_ARRAY_COLUMNS, 1, 0);
    }

    /** The shift budget floor(target * filters), computed exactly from the decimal form of target. */
    public long budget(int filters) {
        return BigDecimal.valueOf(target).multiply(BigDecimal.valueOf(filters))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}

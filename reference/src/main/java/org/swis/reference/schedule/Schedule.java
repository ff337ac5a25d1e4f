package org.swis.reference.schedule;

/**
 * A layer's schedule.
 *
 * @param shiftsPerFilter the shift count of every filter, by original filter index (array constraint met)
 * @param greedyCounts    Part 1's unconstrained counts, by original filter index
 * @param order           filters sorted by Part 1 count (ties by index): position p on the array is filter order[p]
 * @param chunkCounts     the count of each chunk of {@code arrayColumns} consecutive filters of {@code order}
 * @param budget          floor(target * filters), the total the schedule aims at
 * @param total           the total shift count reached (equals budget whenever the array constraint can)
 * @param cost            the weighted MSE++ cost of the final counts
 */
public record Schedule(int[] shiftsPerFilter, int[] greedyCounts, int[] order, int[] chunkCounts,
                       long budget, long total, double cost) {
    public Schedule {
        shiftsPerFilter = shiftsPerFilter.clone();
        greedyCounts = greedyCounts.clone();
        order = order.clone();
        chunkCounts = chunkCounts.clone();
    }

    @Override
    public int[] shiftsPerFilter() {
        return shiftsPerFilter.clone();
    }

    @Override
    public int[] greedyCounts() {
        return greedyCounts.clone();
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    @Override
    public int[] chunkCounts() {
        return chunkCounts.clone();
    }

    /** The average shift count reached, total / filters. */
    public double average() {
        return (double) total / shiftsPerFilter.length;
    }
}

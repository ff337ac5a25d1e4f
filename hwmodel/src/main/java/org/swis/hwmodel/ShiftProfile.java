package org.swis.hwmodel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-layer shift configuration: the count N of every filter group (the filters that run together on the array
 * columns and therefore share N, paper §4.3; SPEC §6.4). Values are 1..8. This is the hook for the reference
 * module's filter scheduler: {@link #perFilter(String, Map, ShiftProfile)} takes its per-filter output.
 */
public interface ShiftProfile {

    /**
     * Counts for the {@code filterGroups} filter groups of {@code layer}, in execution order.
     *
     * @param layer        the layer
     * @param filterGroups number of filter groups (column folds summed over conv groups)
     * @param filtersPerGroup filters in each filter group (same length as the result)
     */
    int[] filterGroupShifts(Layer layer, int filterGroups, int[] filtersPerGroup);

    /** The nominal effective N (e.g. 2.5) used for labels. */
    double nominal();

    String label();

    /** Every filter group at N. */
    static ShiftProfile uniform(int n) {
        checkN(n, "uniform");
        return new ShiftProfile() {
            @Override
            public int[] filterGroupShifts(Layer layer, int g, int[] f) {
                int[] r = new int[g];
                Arrays.fill(r, n);
                return r;
            }

            @Override
            public double nominal() {
                return n;
            }

            @Override
            public String label() {
                return "uniform N=" + n;
            }
        };
    }

    /**
     * A fractional target realised with the two adjacent counts floor/ceil: in every layer round(frac*G) of the G
     * filter groups (the last ones, as the scheduler sorts counts non-decreasing) get the higher count. E.g. 2.5 =
     * half the filter groups at 2 and half at 3 (docs/HWMODEL.md §3.2; Table 4's SS 2.5 / 3.5 cells).
     */
    static ShiftProfile mix(double nEff) {
        int lo = (int) Math.floor(nEff);
        if (lo == nEff) {
            return uniform(lo);
        }
        return twoLevel(nEff, lo, lo + 1, "mix");
    }

    /**
     * A target realised with even counts only, for double-shift arrays (paper §3.1: "half the kernels at 2 shifts
     * and half at 4 gives an effective 3"): lo = 2*floor(nEff/2), hi = lo + 2. An even integer target is uniform.
     */
    static ShiftProfile evenMix(double nEff) {
        int lo = 2 * (int) Math.floor(nEff / 2.0);
        if (lo == 0 || lo == nEff) {
            return mix(nEff);
        }
        return twoLevel(nEff, lo, Math.min(8, lo + 2), "even-mix");
    }

    private static ShiftProfile twoLevel(double nEff, int lo, int hi, String kind) {
        if (!(nEff >= 1.0 && nEff <= 8.0)) {
            throw new IllegalArgumentException("effective N must be in [1, 8], got " + nEff);
        }
        double frac = hi == lo ? 0.0 : (nEff - lo) / (hi - lo);
        String label = String.format(Locale.ROOT, "%s N=%s (%d/%d)", kind, fmt(nEff), lo, hi);
        return new ShiftProfile() {
            @Override
            public int[] filterGroupShifts(Layer layer, int g, int[] f) {
                int high = (int) Math.floor(frac * g + 0.5);
                int[] r = new int[g];
                for (int i = 0; i < g; i++) {
                    r[i] = i >= g - high ? hi : lo;
                }
                return r;
            }

            @Override
            public double nominal() {
                return nEff;
            }

            @Override
            public String label() {
                return label;
            }
        };
    }

    /**
     * Per-filter counts from a scheduler, keyed by layer name. Filters of one filter group must share their count
     * (the array constraint of §4.3); layers absent from the map use {@code fallback}. {@code target} is the
     * scheduler's layer-average target, used as the nominal N in labels and summaries.
     */
    static ShiftProfile perFilter(String label, double target, Map<String, int[]> countsByLayer,
                                  ShiftProfile fallback) {
        Map<String, int[]> copy = new HashMap<>();
        countsByLayer.forEach((k, v) -> copy.put(k, v.clone()));
        return new ShiftProfile() {
            @Override
            public int[] filterGroupShifts(Layer layer, int g, int[] f) {
                int[] perFilter = copy.get(layer.name());
                if (perFilter == null) {
                    return fallback.filterGroupShifts(layer, g, f);
                }
                if (perFilter.length != layer.numFilters()) {
                    throw new IllegalArgumentException("shift profile '" + label + "', layer " + layer.name()
                            + ": expected " + layer.numFilters() + " per-filter counts, got " + perFilter.length);
                }
                int[] r = new int[g];
                int idx = 0;
                for (int i = 0; i < g; i++) {
                    r[i] = perFilter[idx];
                    for (int j = 0; j < f[i]; j++, idx++) {
                        checkN(perFilter[idx], label + "/" + layer.name() + " filter " + idx);
                        if (perFilter[idx] != r[i]) {
                            throw new IllegalArgumentException("shift profile '" + label + "', layer " + layer.name()
                                    + ": filter " + idx + " has N=" + perFilter[idx] + " but its filter group " + i
                                    + " (filters run together on the array columns) has N=" + r[i]);
                        }
                    }
                }
                return r;
            }

            @Override
            public double nominal() {
                return target;
            }

            @Override
            public String label() {
                return label;
            }
        };
    }

    private static void checkN(int n, String where) {
        if (n < 1 || n > 8) {
            throw new IllegalArgumentException(where + ": shift count must be in 1..8, got " + n);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Double.toString(v);
    }
}

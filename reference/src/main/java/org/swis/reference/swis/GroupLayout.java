package org.swis.reference.swis;

import org.swis.reference.SwisInputException;

/**
 * Which weights of a filter form each group (paper §2.2, §3.2; SPEC §2).
 *
 * <p>A group is M consecutive input channels of one filter at one kernel tap: the M weights that
 * feed one M-wide PE MAC. A filter with C channels has {@code taps * ceil(C / M)} groups; the last
 * group of every tap is zero-padded when C is not a multiple of M. A filter that reads a single
 * channel (depthwise, or C_in = 1) has nothing to group across channels, so its groups run along
 * the taps instead: M consecutive taps in row-major (kh, kw) order, {@code ceil(taps / M)} groups,
 * the last one zero-padded.
 *
 * <p>Slot i of group g of a filter maps to a canonical element index within the filter
 * ({@code tap * channels + channel}), or to {@link #PAD} for a zero-padded slot.
 */
public final class GroupLayout {
    /** Marks a zero-padded slot. */
    public static final int PAD = -1;

    private final int m;
    private final int channels;
    private final int taps;
    private final boolean alongTaps;
    private final int groupsPerFilter;

    public GroupLayout(int m, int channels, int taps) {
        this.m = SwisInputException.requireRange("M", m, 1, 32);
        this.channels = SwisInputException.requireRange("channels", channels, 1, Integer.MAX_VALUE);
        this.taps = SwisInputException.requireRange("taps", taps, 1, Integer.MAX_VALUE);
        this.alongTaps = channels == 1;
        this.groupsPerFilter = alongTaps ? ceilDiv(taps, m) : taps * ceilDiv(channels, m);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Group size M. */
    public int m() {
        return m;
    }

    public int channels() {
        return channels;
    }

    public int taps() {
        return taps;
    }

    /** True when groups run along taps (single-channel filters). */
    public boolean alongTaps() {
        return alongTaps;
    }

    public int groupsPerFilter() {
        return groupsPerFilter;
    }

    /** Weights per filter, taps * channels. */
    public int filterSize() {
        return taps * channels;
    }

    /** Canonical in-filter element index of slot {@code slot} of group {@code group}, or {@link #PAD}. */
    public int element(int group, int slot) {
        if (alongTaps) {
            int tap = group * m + slot;
            return tap < taps ? tap : PAD;
        }
        int perTap = ceilDiv(channels, m);
        int tap = group / perTap;
        int channel = (group % perTap) * m + slot;
        return channel < channels ? tap * channels + channel : PAD;
    }

    /** Number of real (non-padded) weights in a group. */
    public int realSlots(int group) {
        int n = 0;
        for (int i = 0; i < m; i++) {
            if (element(group, i) != PAD) {
                n++;
            }
        }
        return n;
    }
}

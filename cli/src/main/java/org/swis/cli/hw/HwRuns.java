package org.swis.cli.hw;

import java.util.ArrayList;
import java.util.List;
import org.swis.hwmodel.ArrayConfig;
import org.swis.hwmodel.Design;
import org.swis.hwmodel.HardwareModel;
import org.swis.hwmodel.NetworkResult;
import org.swis.hwmodel.ShiftProfile;
import org.swis.hwmodel.Topology;

/** Runs of the hardware model over designs and shift counts. */
public final class HwRuns {
    private HwRuns() {
    }

    /** Every design; shift-profile designs at each uniform N in {@code ns}, the others once. */
    public static List<NetworkResult> uniform(Topology t, List<Design> designs, List<Integer> ns, ArrayConfig cfg) {
        List<NetworkResult> out = new ArrayList<>();
        for (Design d : designs) {
            if (d.usesShiftProfile()) {
                for (int n : ns) {
                    out.add(HardwareModel.run(t, d, ShiftProfile.uniform(n), cfg));
                }
            } else {
                out.add(HardwareModel.run(t, d, ShiftProfile.uniform(8), cfg));
            }
        }
        return out;
    }
}

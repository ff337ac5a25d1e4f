package org.swis.reference.golden;

import org.swis.reference.SwisInputException;
import org.swis.reference.layer.Conv2dParams;
import org.swis.reference.layer.LayerWeights;
import org.swis.reference.mac.AccumulatorWidths;
import org.swis.reference.mac.ActivationType;
import org.swis.reference.mac.PeMode;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.Alpha;

/**
 * The configuration of one golden case, as stored in its manifest (SPEC "Golden vectors").
 *
 * @param layer            "linear" (weights [out][in], activations [in][batch]) or "conv2d" (OIHW, NCHW)
 * @param shiftsPerFilter  N of every filter; for a scheduled case, the scheduler's output (re-checked)
 * @param schedule         the filter-scheduler configuration, or null for explicit N
 * @param activationBits   0 = SWIS weight-serial PE; 1..8 = activation-serial truncation baseline
 * @param conv             convolution geometry, null for linear
 */
public record CaseConfig(String name, String description, String layer, LayerWeights.Kind kind, int m,
                         Alpha alpha, PeMode mode, int[] shiftsPerFilter, ScheduleConfig schedule,
                         ActivationType activationType, int activationBits, AccumulatorWidths widths,
                         Conv2dParams conv, int[] weightsShape, int[] activationsShape, boolean trace) {
    public CaseConfig {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new SwisInputException("name", name, "lower-case letters, digits, '.', '_' or '-'");
        }
        if (!"linear".equals(layer) && !"conv2d".equals(layer)) {
            throw new SwisInputException(name + ": layer", layer, "linear or conv2d");
        }
        if ("linear".equals(layer) != (conv == null)) {
            throw new SwisInputException(name + ": conv", conv, "present exactly for conv2d");
        }
        int rank = "linear".equals(layer) ? 2 : 4;
        if (weightsShape == null || weightsShape.length != rank) {
            throw new SwisInputException(name + ": weights_shape", weightsShape == null ? null : weightsShape.length,
                    "rank " + rank);
        }
        if (activationsShape == null || activationsShape.length != rank) {
            throw new SwisInputException(name + ": activations_shape",
                    activationsShape == null ? null : activationsShape.length, "rank " + rank);
        }
        if (shiftsPerFilter == null || shiftsPerFilter.length != weightsShape[0]) {
            throw new SwisInputException(name + ": shifts_per_filter",
                    shiftsPerFilter == null ? null : shiftsPerFilter.length, "one N per filter (" + weightsShape[0] + ")");
        }
        if ((kind == LayerWeights.Kind.WEIGHT_TRUNCATION || activationBits > 0) && mode != PeMode.SS) {
            throw new SwisInputException(name + ": pe_mode", mode, "SS for the truncation baselines (one bit per pass)");
        }
        shiftsPerFilter = shiftsPerFilter.clone();
        weightsShape = weightsShape.clone();
        activationsShape = activationsShape.clone();
    }

    @Override
    public int[] shiftsPerFilter() {
        return shiftsPerFilter.clone();
    }

    @Override
    public int[] weightsShape() {
        return weightsShape.clone();
    }

    @Override
    public int[] activationsShape() {
        return activationsShape.clone();
    }

    public boolean isConv() {
        return conv != null;
    }
}

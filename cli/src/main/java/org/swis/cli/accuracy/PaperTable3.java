package org.swis.cli.accuracy;

import java.util.Map;

/**
 * The paper's Table 3 (post-training top-1, %, all SWIS results after filter scheduling), as printed:
 * rows N = 2, 2.5, 3, 3.5, 4, 5, 6, 7; columns SWIS SS, SWIS DS, SWIS-C SS, SWIS-C DS, weight
 * truncation, activation truncation; NaN where the paper prints N/A or "/". Published figures, used
 * only to print beside this suite's measurements.
 */
public final class PaperTable3 {
    /** The rows' shift / bit counts. */
    public static final double[] N = {2, 2.5, 3, 3.5, 4, 5, 6, 7};
    private static final double X = Double.NaN;

    /** Per network of the paper: [row][column]. */
    public static final Map<String, double[][]> TABLE = Map.of(
            "ResNet-18 (ImageNet)", new double[][] {
                {65.9, 66.0, 62.2, 62.5, 3.6, 0.1},
                {68.5, 67.9, 66.8, 66.6, X, X},
                {69.1, 68.6, 68.6, 68.0, 30.8, 0.1},
                {X, X, X, X, X, X},
                {69.5, 69.5, 69.4, 69.3, 60.2, 45.9},
                {X, X, X, X, X, X},
                {X, X, X, X, 69.2, 66.7},
                {X, X, X, X, 69.5, 69.1}},
            "MobileNet-v2 (ImageNet)", new double[][] {
                {X, X, X, X, X, X},
                {X, X, X, X, X, X},
                {58.3, 28.8, 41.2, 30.5, 0.6, 0.1},
                {65.6, 55.8, 47.4, 43.4, X, X},
                {67.5, 67.2, 65.4, 67.2, 13.2, 0.3},
                {69.9, 68.3, 68.4, 68.3, 60.6, 25.8},
                {X, X, X, X, 68.0, 60.3},
                {X, X, X, X, 70.1, 68.1}},
            "VGG-16 (CIFAR-100)", new double[][] {
                {61.3, 61.4, 56.1, 57.9, 31.1, 1.0},
                {63.6, 62.7, 61.5, 60.8, X, X},
                {64.5, 63.3, 63.4, 62.6, 60.5, 3.6},
                {X, X, X, X, X, X},
                {64.7, 64.7, 64.5, 64.7, 63.2, 24.7},
                {X, X, X, X, X, X},
                {X, X, X, X, 64.7, 62.8},
                {X, X, X, X, 64.8, 64.1}});

    /** The paper's FP32 and INT8 top-1 per network (paper §5). */
    public static final Map<String, double[]> BASELINES = Map.of(
            "ResNet-18 (ImageNet)", new double[] {69.6, 69.5},
            "MobileNet-v2 (ImageNet)", new double[] {71.9, 70.1},
            "VGG-16 (CIFAR-100)", new double[] {64.8, 64.8});

    private PaperTable3() {
    }
}

package org.swis.cli;

import java.util.List;

/**
 * Which shared model runs on which labelled set in {@code swis reproduce --full}, and what each
 * network is next to the paper's (SPEC §14.6).
 */
final class AccuracyPlan {
    /** (shared model folder, shared dataset folder). */
    static final List<String[]> SHARED = List.of(
            new String[] {"cifar10_resnet20", "cifar10_test"},
            new String[] {"cifar10_resnet20", "cifar10_test_lossless"},
            new String[] {"vww_mobilenet_v1_025", "vww_test"},
            new String[] {"imagenet_mobilenet_v2_int8", "imagenet_val_1300"});

    private AccuracyPlan() {
    }

    /** The paper's network to print beside a model's Table-3 layout, or null. */
    static String paperNetwork(String model) {
        if (model.contains("mobilenet_v2")) {
            return "MobileNet-v2 (ImageNet)";
        }
        if (model.contains("resnet")) {
            return "ResNet-18 (ImageNet)";
        }
        return null;
    }

    /** One sentence on the network and set against the paper's. */
    static String describe(String model, String set) {
        if (model.contains("mobilenet_v2")) {
            return "The paper's headline network (MobileNet-v2 1.0, ImageNet), but a different model: the TFLite int8 "
                    + "per-channel post-training quantized model with BatchNorm folded, taken as given (the paper starts "
                    + "from a PyTorch model retrained 10 epochs for INT8), evaluated on " + set + " (1,300 ILSVRC2012 "
                    + "validation images, not a uniform sample, 100 of them held out for calibration).";
        }
        if (model.contains("resnet20")) {
            return "ResNet-20 on CIFAR-10: a different network and task from the paper's ResNet-18 on ImageNet "
                    + "(similar family, 0.27 M instead of 11.7 M weights). Weights quantized per tensor to INT8 (SPEC §1.2).";
        }
        if (model.contains("vww")) {
            return "MobileNet-v1 0.25 on Visual Wake Words (2 classes): not in the paper. Weights quantized per tensor "
                    + "to INT8 (SPEC §1.2); 100 images of the set held out for calibration.";
        }
        return "Not a network of the paper.";
    }
}

package org.swis.hwmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Built-in topologies stored as CSV resources (docs/HWMODEL.md §2): ResNet-18 and MobileNet-v2 1.0 at ImageNet
 * 224x224 (torchvision structure), VGG-16 for CIFAR at 32x32 (thirteen 3x3 convs).
 */
public final class Topologies {
    /** Names accepted by {@link #builtin(String)}, in the order results are written. */
    public static final List<String> NAMES = List.of("resnet18", "mobilenetv2", "vgg16");

    private Topologies() {
    }

    public static Topology builtin(String name) {
        String file = switch (name) {
            case "resnet18" -> "resnet18.csv";
            case "mobilenetv2" -> "mobilenetv2.csv";
            case "vgg16" -> "vgg16_cifar.csv";
            default -> throw new IllegalArgumentException("unknown built-in topology '" + name + "'; expected one of "
                    + NAMES);
        };
        String res = "topologies/" + file;
        try (InputStream in = Topologies.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/swis/hwmodel/" + res);
            }
            return Topology.fromCsv(name, new InputStreamReader(in, StandardCharsets.UTF_8), res);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + res, e);
        }
    }
}

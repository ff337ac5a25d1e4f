package org.swis.hwmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologiesTest {

    @Test
    void macTotalsMatchThePaperNotes() {
        // docs/HWMODEL.md §2 (torchvision structures)
        assertEquals(1_813_561_344L, Topologies.builtin("resnet18").macs());
        assertEquals(299_494_272L, Topologies.builtin("mobilenetv2").macs());
        assertEquals(313_196_544L, Topologies.builtin("vgg16").macs());
        long dw = Topologies.builtin("mobilenetv2").layers().stream().filter(Layer::isDepthwise)
                .mapToLong(Layer::macs).sum();
        assertEquals(20_716_416L, dw);
    }

    @Test
    void layerCountsAndShapes() {
        Topology r = Topologies.builtin("resnet18");
        assertEquals(20, r.layers().size()); // 17 convs + 3 downsample 1x1
        Layer conv1 = r.layers().get(0);
        assertEquals(112, conv1.outHeight());
        assertEquals(118_013_952L, conv1.macs());
        assertEquals(52, Topologies.builtin("mobilenetv2").layers().size());
        assertEquals(13, Topologies.builtin("vgg16").layers().size());
    }

    @Test
    void unknownTopologyNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Topologies.builtin("alexnet"));
        assertTrue(e.getMessage().contains("resnet18"), e.getMessage());
    }

    @Test
    void badCsvNamesFileLineAndColumn() {
        String hdr = String.join(",", Topology.CSV_HEADER) + "\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Topology.fromCsv("x", new StringReader(hdr + "c1,8,8,3,3,four,8,1,1,1\n"), "my.csv"));
        assertTrue(e.getMessage().contains("my.csv line 1") && e.getMessage().contains("'Channels'")
                && e.getMessage().contains("four"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> Topology.fromCsv("x", new StringReader("Layer name,IFMAP Height\nc1,8\n"), "t.csv"));
        assertTrue(e2.getMessage().contains("missing column 'IFMAP Width'"), e2.getMessage());
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                () -> Topology.fromCsv("x", new StringReader(hdr + "c1,8,8,3,3,6,8,1,1,4\n"), "g.csv"));
        assertTrue(e3.getMessage().contains("Groups=4"), e3.getMessage());
    }

    @Test
    void plainScaleSimTopologyIsAccepted() throws IOException {
        // SCALE-Sim's conv format: padded IFMAP size, no padding/groups columns, trailing comma
        String csv = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
                + "Conv1, 34, 34, 3, 3, 3, 64, 1,\n";
        Topology t = Topology.fromCsv("s", new StringReader(csv), "scale.csv");
        Layer l = t.layers().get(0);
        assertEquals(new Layer("Conv1", 34, 34, 3, 3, 3, 64, 1, 0, 1), l);
        assertEquals(32 * 32 * 64 * 27L, t.macs());
    }

    @Test
    void resnet18FromWeightShapesEqualsBuiltin() {
        List<WeightShape> shapes = new ArrayList<>();
        shapes.add(WeightShape.oihw("conv1", new int[] {64, 3, 7, 7}, 2, 1));
        int c = 64;
        int[] widths = {64, 128, 256, 512};
        boolean first = true;
        for (int st = 0; st < 4; st++) {
            int w = widths[st];
            for (int b = 0; b < 2; b++) {
                int s = (st > 0 && b == 0) ? 2 : 1;
                WeightShape c1 = WeightShape.oihw("layer" + (st + 1) + "." + b + ".conv1", new int[] {w, c, 3, 3}, s, 1);
                if (first) {
                    c1 = c1.withInputSize(56, 56); // after the 3x3/2 max-pool
                    first = false;
                }
                shapes.add(c1);
                shapes.add(WeightShape.oihw("layer" + (st + 1) + "." + b + ".conv2", new int[] {w, w, 3, 3}, 1, 1));
                if (s == 2) {
                    shapes.add(WeightShape.oihw("layer" + (st + 1) + "." + b + ".downsample",
                            new int[] {w, c, 1, 1}, 2, 1));
                }
                c = w;
            }
        }
        Topology t = Topology.fromWeightShapes("resnet18", shapes, 224, 224);
        assertEquals(Topologies.builtin("resnet18").layers(), t.layers());
    }
}

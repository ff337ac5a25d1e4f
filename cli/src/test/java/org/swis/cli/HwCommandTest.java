package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.hwmodel.ArrayConfig;
import org.swis.hwmodel.Design;
import org.swis.hwmodel.HardwareModel;
import org.swis.hwmodel.ShiftProfile;
import org.swis.hwmodel.Topologies;

/** {@code swis hw}: a model given as a positional argument, the layers it skips, --network names and --array. */
class HwCommandTest {
    @TempDir
    Path dir;

    @Test
    void aModelFolderIsPositionalAndItsLinearLayerIsListedAsNotModelled() throws Exception {
        Path m = CommandsTest.model(dir, "m");
        SwisCommandTest.Run r = SwisCommandTest.run("hw", "-q", m.toString(), "--input", "16x16", "--design", "FXP8", "--csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("network,design,"), r.out());
        assertTrue(r.out().contains("\nm,FXP8,"), r.out());
        assertTrue(r.out().contains("\nLayers not modelled\nnetwork,layer,kind,shape,reason\n"
                + "m,l,linear,10x12,linear layers are not modelled"), r.out());
        assertTrue(!r.out().contains("Table 4"), "no Table 4 for a real model alone");
    }

    @Test
    void anUnknownNetworkListsTheBuiltInNames() throws Exception {
        Path m = CommandsTest.model(dir, "m");
        for (String net : List.of("resnet50", m.toString())) {
            SwisCommandTest.Run r = SwisCommandTest.run("hw", "--network", net);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("--network: value: expected one of resnet18, mobilenetv2, vgg16 (a weights file "
                    + "or model folder goes without --network: swis hw <weights>), found '" + net + "'"), r.err());
        }
        SwisCommandTest.Run r = SwisCommandTest.run("hw", "--network", "vgg16", "--input", "32x32");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--input: use: expected a real model to apply to"), r.err());
    }

    @Test
    void theArrayOptionGivesTheHardwareModelsCyclesForThatArray() {
        Set<Long> seen = new HashSet<>();
        for (int side : new int[] {8, 16, 32}) {
            String array = side + "x" + side;
            SwisCommandTest.Run r = SwisCommandTest.run("hw", "--network", "mobilenetv2", "--design", "SWIS-SS", "-N", "3",
                    "--array", array, "--csv");
            assertEquals(0, r.code(), r.err());
            long cycles = HardwareModel.run(Topologies.builtin("mobilenetv2"), Design.SWIS_SS, ShiftProfile.uniform(3),
                    ArrayConfig.paperDefault().withArray(side, side)).cycles();
            assertTrue(r.out().contains("\nmobilenetv2,SWIS-SS,uniform N=3,3.000," + cycles + ","), array + ": " + r.out());
            seen.add(cycles);
        }
        assertEquals(3, seen.size(), "the three arrays give three cycle counts");
        SwisCommandTest.Run wide = SwisCommandTest.run("hw", "--network", "vgg16", "--design", "FXP8", "--array", "4x16", "--csv");
        long cycles = HardwareModel.run(Topologies.builtin("vgg16"), Design.FXP8, ShiftProfile.uniform(8),
                ArrayConfig.paperDefault().withArray(4, 16)).cycles();
        assertTrue(wide.out().contains("\nvgg16,FXP8,"), wide.out());
        assertTrue(wide.out().contains("," + cycles + ","), wide.out());
        SwisCommandTest.Run bad = SwisCommandTest.run("hw", "--array", "16");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--array: value: expected RxC with 1 <= R, C <= 1024, e.g. 16x16, found '16'"), bad.err());
    }
}

package org.swis.io.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.io.InputException;
import org.swis.io.graph.Models;

/** labels.csv and classes.txt (SPEC §12.4): parsed rows, and every bad row refused naming file, line and image. */
class LabelledSetTest {
    private static Path set(Path dir, String classes, String labels, String... images) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("classes.txt"), classes);
        Files.writeString(dir.resolve("labels.csv"), labels);
        for (String i : images) {
            Files.write(dir.resolve(i), new byte[] {1});
        }
        return dir;
    }

    private static final String CLASSES = "cat\ndog\nfish\n";

    @Test
    void readsRowsInOrder(@TempDir Path dir) throws Exception {
        LabelledSet s = LabelledSet.open(set(dir, CLASSES, "file,label\nimages/a.png,2\nimages/b.jpg,0\n",
                "images/a.png", "images/b.jpg"), 3);
        assertEquals(2, s.size());
        assertEquals("images/a.png", s.file(0));
        assertEquals(2, s.label(0));
        assertEquals(0, s.label(1));
        assertEquals(dir.resolve("images/b.jpg"), s.image(1));
        assertEquals(List.of("cat", "dog", "fish"), s.classes());
    }

    private static InputException fails(Path dir, String classes, String labels, int n, String... images) {
        return assertThrows(InputException.class, () -> LabelledSet.open(set(dir, classes, labels, images), n));
    }

    @Test
    void aLabelOutsideTheClassesNamesFileAndRow(@TempDir Path dir) {
        InputException e = fails(dir, CLASSES, "file,label\nimages/a.png,2\nimages/b.png,3\n", 3,
                "images/a.png", "images/b.png");
        assertEquals(dir.resolve("labels.csv").toString(), e.file());
        assertEquals("line 3 label", e.field());
        assertEquals("3 (file 'images/b.png')", e.found());
        assertEquals("line 2 label", fails(dir, CLASSES, "file,label\nimages/a.png,-1\n", 3, "images/a.png").field());
    }

    @Test
    void aMissingImageNamesTheRow(@TempDir Path dir) {
        InputException e = fails(dir, CLASSES, "file,label\nimages/a.png,1\nimages/gone.png,1\n", 3, "images/a.png");
        assertEquals("line 3 file", e.field());
        assertTrue(e.found().contains("gone.png"), e.getMessage());
    }

    @Test
    void badRowsAreRefused(@TempDir Path dir) {
        assertEquals("line 2", fails(dir, CLASSES, "file,label\nimages/a.png,1,x\n", 3, "images/a.png").field());
        assertEquals("line 2", fails(dir, CLASSES, "file,label\nimages/a.png\n", 3, "images/a.png").field());
        assertEquals("line 2 label", fails(dir, CLASSES, "file,label\nimages/a.png,one\n", 3, "images/a.png").field());
        assertEquals("line 2 file", fails(dir, CLASSES, "file,label\n,1\n", 3).field());
        assertEquals("line 2 file", fails(dir, CLASSES, "file,label\n../x.png,1\n", 3).field());
        assertEquals("line 3 file", fails(dir, CLASSES, "file,label\nimages/a.png,1\nimages/a.png,2\n", 3,
                "images/a.png").field());
        assertEquals("line 3", fails(dir, CLASSES, "file,label\nimages/a.png,1\n\nimages/a.png,2\n", 3,
                "images/a.png").field());
        assertEquals("line 1", fails(dir, CLASSES, "name,label\nimages/a.png,1\n", 3, "images/a.png").field());
        assertEquals("rows", fails(dir, CLASSES, "file,label\n", 3).field());
    }

    @Test
    void theClassListMustHaveTheNetworksClasses(@TempDir Path dir) {
        InputException e = fails(dir, "cat\ndog\n", "file,label\nimages/a.png,1\n", 3, "images/a.png");
        assertEquals(dir.resolve("classes.txt").toString(), e.file());
        assertEquals("2 names", e.found());
        assertEquals("line 2", fails(dir, "cat\n\ndog\n", "file,label\nimages/a.png,1\n", 3, "images/a.png").field());
    }

    @Test
    void theEmbeddedSetHasOneHundredImagesPerClass() throws Exception {
        LabelledSet s = LabelledSet.open(Models.embedded("cifar10_test_1000"), 10);
        assertEquals(1000, s.size());
        int[] perClass = new int[10];
        for (int i = 0; i < s.size(); i++) {
            perClass[s.label(i)]++;
            // file names are <class>_<nnnn>.jpg, the first 100 of each class
            String name = s.image(i).getFileName().toString();
            assertEquals(s.classes().get(s.label(i)) + "_" + String.format("%04d", i % 100) + ".jpg", name);
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(100, perClass[c]);
        }
    }

    @Test
    void theSharedSetsOpen() throws Exception {
        assertEquals(10_000, LabelledSet.open(Models.sharedSet("cifar10_test"), 10).size());
        assertEquals(200, LabelledSet.open(Models.sharedSet("cifar10_test_lossless"), 10).size());
        assertEquals(1_000, LabelledSet.open(Models.sharedSet("vww_test"), 2).size());
        assertEquals(1_300, LabelledSet.open(Models.sharedSet("imagenet_val_1300"), 1000).size());
    }
}

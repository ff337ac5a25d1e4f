package org.swis.io.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.io.InputException;
import org.swis.io.dataset.LabelledSet;
import org.swis.io.graph.Graph;
import org.swis.io.graph.Models;

/**
 * Image preprocessing (SPEC §12.5) against hand-computed values: lossless PNGs written here in four
 * pixel formats, a JPEG of a flat colour, the centre-crop rule, PIL's bilinear resize on small cases
 * worked out by hand, and a real CIFAR-10 PNG checked pixel for pixel against an independent decoder
 * (zlib inflate and PNG unfiltering written out below).
 */
class ImagePreprocessorTest {
    /** scale 0.5, mean (1, 2, 3), std (2, 4, 8): value = (p / 2 − mean) / std, exact in binary for these pixels. */
    private static Graph.Input input(int h, int w, int crop, int resize) {
        return new Graph.Input("input", h, w, 3, new Graph.Preprocess(crop > 0 ? h : 0, crop > 0 ? w : 0,
                resize > 0 ? h : 0, resize > 0 ? w : 0, 0.5, new double[] {1, 2, 3}, new double[] {2, 4, 8}));
    }

    private static Graph.Input identity(int h, int w, int cropH, int cropW, int resizeH, int resizeW) {
        return new Graph.Input("input", h, w, 3, new Graph.Preprocess(cropH, cropW, resizeH, resizeW, 1.0,
                new double[] {0, 0, 0}, new double[] {1, 1, 1}));
    }

    /** r = 10y + x, g = 100 + y, b = 200 + x. */
    private static BufferedImage pattern(int h, int w) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((10 * y + x) << 16) | ((100 + y) << 8) | (200 + x));
            }
        }
        return img;
    }

    private static Path write(Path dir, BufferedImage img, String format, String name) throws IOException {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "no writer for " + format);
        return p;
    }

    @Test
    void anRgbPngIsNormalisedPerChannel(@TempDir Path dir) throws Exception {
        float[] t = new ImagePreprocessor(input(3, 4, 0, 0)).load(write(dir, pattern(3, 4), "png", "a.png"));
        assertEquals(3 * 4 * 3, t.length);
        // pixel (y=2, x=3): r = 23, g = 102, b = 203
        int k = (2 * 4 + 3) * 3;
        assertEquals((23 * 0.5f - 1) / 2, t[k]);      // 5.25
        assertEquals((102 * 0.5f - 2) / 4, t[k + 1]); // 12.25
        assertEquals((203 * 0.5f - 3) / 8, t[k + 2]); // 12.3125
        assertEquals(-0.5f, t[0]); // r = 0 at (0, 0)
    }

    @Test
    void grayscalePaletteAndAlphaPngsBecomeRgb(@TempDir Path dir) throws Exception {
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 37);
        gray.getRaster().setSample(1, 0, 0, 250);
        assertArrayEquals(new int[] {37, 37, 37, 250, 250, 250}, RgbImage.read(write(dir, gray, "png", "g.png")).rgb());

        byte[] r = {10, 20};
        byte[] g = {30, 40};
        byte[] b = {50, (byte) 160};
        BufferedImage pal = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, g, b));
        pal.getRaster().setSample(0, 0, 0, 1);
        pal.getRaster().setSample(1, 0, 0, 0);
        assertArrayEquals(new int[] {20, 40, 160, 10, 30, 50}, RgbImage.read(write(dir, pal, "png", "p.png")).rgb());

        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x10_0A_14_1E); // alpha 16: dropped, not composited
        argb.setRGB(1, 0, 0xFF_C8_64_32);
        assertArrayEquals(new int[] {10, 20, 30, 200, 100, 50}, RgbImage.read(write(dir, argb, "png", "t.png")).rgb());
    }

    @Test
    void aJpegOfAFlatColourDecodesToThatColour(@TempDir Path dir) throws Exception {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage colour = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                grey.setRGB(x, y, 0x808080);
                colour.setRGB(x, y, 0xC86432); // (200, 100, 50)
            }
        }
        RgbImage a = RgbImage.read(write(dir, grey, "jpeg", "g.jpg"));
        for (int v : a.rgb()) {
            assertEquals(128, v); // grey 128 is DC 0 in every block: exact
        }
        RgbImage c = RgbImage.read(write(dir, colour, "jpeg", "c.jpg"));
        int[] want = {200, 100, 50};
        for (int i = 0; i < c.rgb().length; i++) {
            assertEquals(want[i % 3], c.rgb()[i], 3, "channel order R, G, B at " + i);
        }
        float[] t = new ImagePreprocessor(input(16, 16, 0, 0)).load(dir.resolve("g.jpg"));
        assertEquals((128 * 0.5f - 2) / 4, t[1]);
    }

    @Test
    void centreCropTakesTopAndLeftRoundedDown(@TempDir Path dir) throws Exception {
        // 7x6 image, 4x3 crop: top = (7 − 4) / 2 = 1, left = (6 − 3) / 2 = 1
        RgbImage img = RgbImage.read(write(dir, pattern(7, 6), "png", "a.png"));
        float[] t = new ImagePreprocessor(identity(4, 3, 4, 3, 0, 0)).tensor("a.png", img);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 3; x++) {
                int k = (y * 3 + x) * 3;
                assertEquals(10 * (y + 1) + (x + 1), t[k]);
                assertEquals(100 + y + 1, t[k + 1]);
                assertEquals(200 + x + 1, t[k + 2]);
            }
        }
    }

    @Test
    void aWronglySizedImageNamesTheFile(@TempDir Path dir) throws Exception {
        Path p = write(dir, pattern(5, 5), "png", "five.png");
        InputException e = assertThrows(InputException.class, () -> new ImagePreprocessor(input(4, 4, 0, 0)).load(p));
        assertEquals(p.toString(), e.file());
        assertEquals("image size", e.field());
        assertEquals("5x5", e.found());
        InputException small = assertThrows(InputException.class,
                () -> new ImagePreprocessor(identity(6, 6, 6, 6, 0, 0)).load(p));
        assertEquals("image size", small.field());
    }

    @Test
    void unsupportedImagesAreRefused(@TempDir Path dir) throws Exception {
        Path bmp = write(dir, pattern(2, 2), "bmp", "a.bmp");
        assertEquals("format", assertThrows(InputException.class, () -> RgbImage.read(bmp)).field());
        BufferedImage deep = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
        Path p16 = write(dir, deep, "png", "deep.png");
        assertEquals("pixel format", assertThrows(InputException.class, () -> RgbImage.read(p16)).field());
        Path junk = dir.resolve("junk.png");
        Files.write(junk, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertThrows(InputException.class, () -> RgbImage.read(junk));
        assertEquals("file", assertThrows(InputException.class, () -> RgbImage.read(dir.resolve("none.png"))).field());
    }

    /**
     * Sizes the header states are refused before decoding: the fuzzer's 46-byte PNG of 1 x 1,734,960,641
     * pixels (16 s and a 1.7 GB allocation before the check) and a 629-byte truncated JPEG of
     * 12000 x 12000 (decoded grey-filled, then an OutOfMemoryError under -Xmx2g before the check).
     */
    @Test
    void aHugeDeclaredSizeIsRefusedFromTheHeader(@TempDir Path dir) throws Exception {
        for (String seed : new String[] {"huge_declared_png", "huge_declared_jpeg"}) {
            byte[] data;
            try (var in = getClass().getResourceAsStream("RgbImageFuzzTestInputs/image/" + seed)) {
                data = in.readAllBytes();
            }
            InputException e = assertThrows(InputException.class, () -> RgbImage.decode(seed, data));
            assertEquals(seed, e.file());
            assertEquals("image size", e.field());
        }
        // One pixel over the limit (8192 x 8192): a 2x2 PNG whose header says 8193 x 8192.
        byte[] png = Files.readAllBytes(write(dir, pattern(2, 2), "png", "p.png"));
        ByteBuffer.wrap(png, 16, 8).putInt(8193).putInt(8192);
        Path big = dir.resolve("big.png");
        Files.write(big, png);
        InputException e = assertThrows(InputException.class, () -> RgbImage.read(big));
        assertEquals(big.toString(), e.file());
        assertEquals("image size", e.field());
        assertEquals("8193x8192", e.found());
    }

    private static RgbImage rows(int[][][] px) {
        int h = px.length;
        int w = px[0].length;
        int[] rgb = new int[h * w * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * w + x) * 3 + c] = px[y][x][c];
                }
            }
        }
        return new RgbImage(h, w, rgb);
    }

    private static int[] channel(RgbImage img, int c) {
        int[] v = new int[img.h() * img.w()];
        for (int i = 0; i < v.length; i++) {
            v[i] = img.rgb()[i * 3 + c];
        }
        return v;
    }

    @Test
    void bilinearDownscaleWidensTheFilter() {
        // 4 -> 2: scale 2, support 2; output 0 centre 1 takes inputs 0..2 with triangle weights
        // 0.75, 0.75, 0.25 (sum 1.75): (0·3 + 70·3 + 140·1) / 7 = 50; output 1 centre 3 takes inputs
        // 1..3 with 0.25, 0.75, 0.75: (70 + 140·3 + 210·3) / 7 = 160.
        RgbImage in = rows(new int[][][] {{{0, 7, 0}, {70, 7, 0}, {140, 7, 0}, {210, 7, 0}}});
        RgbImage out = PilBilinear.resize(in, 1, 2);
        assertArrayEquals(new int[] {50, 160}, channel(out, 0));
        assertArrayEquals(new int[] {7, 7}, channel(out, 1));
    }

    @Test
    void bilinearUpscaleInterpolatesAndRoundsHalfUp() {
        // 2 -> 4: scale 0.5, support 1; centres 0.25, 0.75, 1.25, 1.75 give weights
        // (1), (0.75, 0.25), (0.25, 0.75), (1): [0, 100] -> [0, 25, 75, 100]; [0, 10] -> [0, 2.5, 7.5, 10]
        // rounded half up to [0, 3, 8, 10].
        RgbImage in = rows(new int[][][] {{{0, 0, 5}, {100, 10, 5}}});
        RgbImage out = PilBilinear.resize(in, 1, 4);
        assertArrayEquals(new int[] {0, 25, 75, 100}, channel(out, 0));
        assertArrayEquals(new int[] {0, 3, 8, 10}, channel(out, 1));
        assertArrayEquals(new int[] {5, 5, 5, 5}, channel(out, 2));
    }

    @Test
    void bilinearTwoPassesRoundBetweenPasses() {
        // 2x2 -> 4x4, rows [0, 10] and [0, 30]: the horizontal pass gives [0, 3, 8, 10] and
        // [0, 8, 23, 30] (8 bits, half up); the vertical pass then gives column 1 = [3, 4, 7, 8]
        // (0.75·3 + 0.25·8 = 4.25; 0.25·3 + 0.75·8 = 6.75), column 2 = [8, 12, 19, 23], column 3 =
        // [10, 15, 25, 30]. Without rounding between passes column 1 would be [3, 4, 6, 8].
        RgbImage in = rows(new int[][][] {{{0, 0, 0}, {10, 0, 0}}, {{0, 0, 0}, {30, 0, 0}}});
        RgbImage out = PilBilinear.resize(in, 4, 4);
        assertArrayEquals(new int[] {
            0, 3, 8, 10,
            0, 4, 12, 15,
            0, 7, 19, 25,
            0, 8, 23, 30}, channel(out, 0));
    }

    @Test
    void resizeToTheSameSizeIsTheIdentity() {
        RgbImage in = rows(new int[][][] {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {250, 251, 252}}});
        assertArrayEquals(in.rgb(), PilBilinear.resize(in, 2, 2).rgb());
    }

    @Test
    void resizeRunsAfterTheCrop(@TempDir Path dir) throws Exception {
        // 3x6 image, crop 1x4 (top 1, left 1), resize to 1x2: the row r = 11, 12, 13, 14 -> 4 -> 2 as above:
        // (11·3 + 12·3 + 13) / 7 = 11.714 -> 12; (12 + 13·3 + 14·3) / 7 = 13.286 -> 13
        RgbImage img = RgbImage.read(write(dir, pattern(3, 6), "png", "a.png"));
        float[] t = new ImagePreprocessor(identity(1, 2, 1, 4, 1, 2)).tensor("a.png", img);
        assertEquals(12f, t[0]);
        assertEquals(13f, t[3]);
    }

    // ---- a real PNG against an independent decoder ----

    /** Decodes an 8-bit RGB non-interlaced PNG: IHDR, concatenated IDAT, zlib inflate, then the five row filters. */
    static int[] decodePng(byte[] file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(file);
        b.position(8);
        int w = 0;
        int h = 0;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        while (b.remaining() > 0) {
            int len = b.getInt();
            String type = new String(file, b.position(), 4, java.nio.charset.StandardCharsets.US_ASCII);
            b.position(b.position() + 4);
            if (type.equals("IHDR")) {
                w = b.getInt(b.position());
                h = b.getInt(b.position() + 4);
                assertEquals(8, file[b.position() + 8], "bit depth");
                assertEquals(2, file[b.position() + 9], "colour type RGB");
                assertEquals(0, file[b.position() + 12], "not interlaced");
            } else if (type.equals("IDAT")) {
                idat.write(file, b.position(), len);
            }
            b.position(b.position() + len + 4);
        }
        Inflater inf = new Inflater();
        inf.setInput(idat.toByteArray());
        int stride = w * 3;
        byte[] raw = new byte[h * (stride + 1)];
        int n = 0;
        while (n < raw.length && !inf.finished()) {
            n += inf.inflate(raw, n, raw.length - n);
        }
        inf.end();
        assertEquals(raw.length, n);
        int[] out = new int[h * stride];
        for (int y = 0; y < h; y++) {
            int filter = raw[y * (stride + 1)];
            for (int i = 0; i < stride; i++) {
                int x = raw[y * (stride + 1) + 1 + i] & 0xff;
                int a = i >= 3 ? out[y * stride + i - 3] : 0;
                int up = y > 0 ? out[(y - 1) * stride + i] : 0;
                int c = i >= 3 && y > 0 ? out[(y - 1) * stride + i - 3] : 0;
                int pred = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> up;
                    case 3 -> (a + up) / 2;
                    case 4 -> {
                        int p = a + up - c;
                        int pa = Math.abs(p - a);
                        int pb = Math.abs(p - up);
                        int pc = Math.abs(p - c);
                        yield pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
                    }
                    default -> throw new AssertionError("filter " + filter);
                };
                out[y * stride + i] = (x + pred) & 0xff;
            }
        }
        return out;
    }

    @Test
    void realCifarPngsArePixelExact() throws Exception {
        LabelledSet set = LabelledSet.open(Models.sharedSet("cifar10_test_lossless"), 10);
        ImagePreprocessor p = new ImagePreprocessor(identity(32, 32, 0, 0, 0, 0));
        for (int i = 0; i < set.size(); i += 20) {
            int[] want = decodePng(Files.readAllBytes(set.image(i)));
            float[] got = p.load(set.image(i));
            assertEquals(want.length, got.length);
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], got[k], set.file(i) + " at " + k);
            }
        }
    }

    @Test
    void theIndependentDecoderReadsAPngWrittenHere(@TempDir Path dir) throws Exception {
        Path p = write(dir, pattern(5, 7), "png", "p.png");
        int[] px = decodePng(Files.readAllBytes(p));
        assertEquals(10 * 4 + 6, px[(4 * 7 + 6) * 3]);
        assertEquals(104, px[(4 * 7 + 6) * 3 + 1]);
        assertEquals(206, px[(4 * 7 + 6) * 3 + 2]);
    }

    private static void checkRange(Graph g, LabelledSet set, int every, double lo, double hi) throws Exception {
        ImagePreprocessor p = new ImagePreprocessor(g.input());
        for (int i = 0; i < set.size(); i += every) {
            float[] t = p.load(set.image(i));
            assertEquals(g.input().h() * g.input().w() * 3, t.length, set.file(i));
            for (float v : t) {
                assertTrue(v >= lo && v <= hi, set.file(i) + ": " + v);
            }
        }
    }

    @Test
    void everyEmbeddedJpegDecodesToTheResNetInput() throws Exception {
        Graph g = org.swis.io.graph.GraphReader.read(Models.embedded("cifar10_resnet20").resolve("graph.json"));
        // (0 − 0.485) / 0.229 = −2.118 … (1 − 0.406) / 0.225 = 2.64
        checkRange(g, LabelledSet.open(Models.embedded("cifar10_test_1000"), 10), 1, -2.12, 2.641);
    }

    @Test
    void sharedSetsDecodeToTheirNetworksInputs() throws Exception {
        Graph mnv2 = org.swis.io.graph.GraphReader.read(Models.shared("imagenet_mobilenet_v2_int8").resolve("graph.json"));
        checkRange(mnv2, LabelledSet.open(Models.sharedSet("imagenet_val_1300"), 1000), 100, -1, 1); // 227 -> crop 224
        Graph vww = org.swis.io.graph.GraphReader.read(Models.shared("vww_mobilenet_v1_025").resolve("graph.json"));
        checkRange(vww, LabelledSet.open(Models.sharedSet("vww_test"), 2), 100, 0, 1);
    }
}

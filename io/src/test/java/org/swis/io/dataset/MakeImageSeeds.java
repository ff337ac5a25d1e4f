package org.swis.io.dataset;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes the generated seeds of {@link RgbImageFuzzTest} with the JDK's own encoders: tiny PNGs in
 * every pixel format the reader meets (RGB, gray, gray + alpha, RGBA, 2-bit and 8-bit palette,
 * 16-bit gray, Adam7-interlaced), JPEGs (colour, gray, progressive, four-channel), formats the reader
 * refuses (BMP, GIF) and truncated files. The two real CIFAR-10 seeds are copied by hand. Run from
 * the repository root:
 * <pre>java io/src/test/java/org/swis/io/dataset/MakeImageSeeds.java \
 *     io/src/test/resources/org/swis/io/dataset/RgbImageFuzzTestInputs/image</pre>
 */
final class MakeImageSeeds {
    private MakeImageSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        byte[] rgbPng = encode(pattern(2, 3, BufferedImage.TYPE_INT_RGB), "png", false);
        write(dir, "rgb_2x3.png", rgbPng);
        write(dir, "gray_1x1.png", encode(gray(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", false));
        write(dir, "gray_2x3.png", encode(gray(2, 3, BufferedImage.TYPE_BYTE_GRAY), "png", false));
        write(dir, "gray16_2x2.png", encode(gray(2, 2, BufferedImage.TYPE_USHORT_GRAY), "png", false));
        write(dir, "gray_alpha_2x2.png", encode(grayAlpha(2, 2), "png", false));
        write(dir, "rgba_2x2.png", encode(pattern(2, 2, BufferedImage.TYPE_INT_ARGB), "png", false));
        write(dir, "palette2_3x3.png", encode(palette(3, 3, 2), "png", false));
        write(dir, "palette8_2x2.png", encode(palette(2, 2, 8), "png", false));
        write(dir, "interlaced_5x5.png", encode(pattern(5, 5, BufferedImage.TYPE_INT_RGB), "png", true));
        byte[] rgbJpeg = encode(pattern(4, 3, BufferedImage.TYPE_INT_RGB), "jpeg", false);
        write(dir, "rgb_4x3.jpg", rgbJpeg);
        write(dir, "gray_3x3.jpg", encode(gray(3, 3, BufferedImage.TYPE_BYTE_GRAY), "jpeg", false));
        write(dir, "progressive_8x8.jpg", encode(pattern(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg", true));
        write(dir, "four_channel_2x2.jpg", fourChannelJpeg(2, 2));
        write(dir, "bmp_2x2.bmp", encode(pattern(2, 2, BufferedImage.TYPE_INT_RGB), "bmp", false));
        write(dir, "gif_2x2.gif", encode(palette(2, 2, 8), "gif", false));
        write(dir, "truncated.png", Arrays.copyOf(rgbPng, rgbPng.length / 2));
        write(dir, "truncated.jpg", Arrays.copyOf(rgbJpeg, rgbJpeg.length / 2));
    }

    /** r = 40y + x, g = 100 + y, b = 200 + x, opaque. */
    private static BufferedImage pattern(int h, int w, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0xFF000000 | ((40 * y + x) << 16) | ((100 + y) << 8) | (200 + x));
            }
        }
        return img;
    }

    private static BufferedImage gray(int h, int w, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        int max = type == BufferedImage.TYPE_USHORT_GRAY ? 65535 : 255;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (y * w + x) * max / Math.max(1, h * w - 1));
            }
        }
        return img;
    }

    private static BufferedImage grayAlpha(int h, int w) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster r = cm.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setSample(x, y, 0, 60 * (y * w + x));
                r.setSample(x, y, 1, 255 - 50 * x);
            }
        }
        return new BufferedImage(cm, r, false, null);
    }

    private static BufferedImage palette(int h, int w, int bits) {
        int n = 1 << bits;
        byte[] red = new byte[n];
        byte[] green = new byte[n];
        byte[] blue = new byte[n];
        for (int i = 0; i < n; i++) {
            red[i] = (byte) (i * 37);
            green[i] = (byte) (255 - i);
            blue[i] = (byte) (i * 91);
        }
        IndexColorModel icm = new IndexColorModel(bits, n, red, green, blue);
        BufferedImage img = new BufferedImage(w, h, bits < 8 ? BufferedImage.TYPE_BYTE_BINARY
                : BufferedImage.TYPE_BYTE_INDEXED, icm);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (y * w + x) % n);
            }
        }
        return img;
    }

    /** A JPEG of four components (read back as CMYK or refused). */
    private static byte[] fourChannelJpeg(int h, int w) throws IOException {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 4; c++) {
                    r.setSample(x, y, c, 30 * (c + 1) + 20 * x + 10 * y);
                }
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(r, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] encode(BufferedImage img, String format, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void write(Path dir, String name, byte[] data) throws IOException {
        if (data.length >= 5000) {
            throw new IllegalStateException(name + ": " + data.length + " bytes, seeds stay below 5 KB");
        }
        Files.write(dir.resolve(name), data);
    }
}

package org.swis.io.dataset;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.swis.io.InputException;

/**
 * An 8-bit RGB image, row-major HWC bytes (SPEC §12.5 step 1): a JPEG or PNG decoded by the JDK's
 * {@code javax.imageio} and converted to RGB as PIL's {@code convert("RGB")} does for these modes:
 * grayscale g becomes (g, g, g), a palette index its palette colour, an alpha channel is dropped
 * (not composited), an embedded colour profile is not applied. Any other colour space (CMYK, YCCK, …), a
 * sample depth other than 8 bits, more than {@link #MAX_PIXELS} pixels, or another file format is an
 * {@link InputException} naming the file.
 *
 * @param h   height
 * @param w   width
 * @param rgb {@code h * w * 3} values 0..255, {@code rgb[(y * w + x) * 3 + c]}
 */
public record RgbImage(int h, int w, int[] rgb) {
    public RgbImage {
        if (rgb.length != h * w * 3) {
            throw new IllegalArgumentException(h + "x" + w + " RGB needs " + h * w * 3 + " values, got " + rgb.length);
        }
    }

    /**
     * The most pixels an image may have: 2^26, 8192 x 8192 (any photo of a data set; decoding needs up
     * to {@link #BYTES_PER_PIXEL} bytes of heap per pixel).
     */
    public static final long MAX_PIXELS = 1L << 26;

    /** Heap used per pixel while decoding: the decoder's raster (up to 8 bytes: 16-bit RGBA) and the int RGB (12). */
    static final int BYTES_PER_PIXEL = 20;

    /** The value of channel {@code c} at row {@code y}, column {@code x}. */
    public int get(int y, int x, int c) {
        return rgb[(y * w + x) * 3 + c];
    }

    /** Decodes a JPEG or PNG file (its bytes go to {@link #decode}). */
    public static RgbImage read(Path file) throws InputException {
        String f = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(f, "file", "an existing image file", Files.exists(file) ? "not a regular file"
                    : "no such file");
        }
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw new InputException(f, "file", "a readable image file", e.toString(), e);
        }
        return decode(f, data);
    }

    /**
     * Decodes the bytes of a JPEG or PNG file, held in memory (no cache file); {@code file} names it
     * in errors. {@link #read} reads every image through here. An image of more than
     * {@link #MAX_PIXELS} pixels is refused from its header, before any pixel is decoded.
     */
    public static RgbImage decode(String file, byte[] data) throws InputException {
        return decode(file, data, MAX_PIXELS);
    }

    /** {@link #decode(String, byte[])} with a lower pixel limit (the fuzz test's, to keep each input fast). */
    static RgbImage decode(String file, byte[] data, long maxPixels) throws InputException {
        BufferedImage img;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InputException(file, "format", "a JPEG or PNG image", "an unknown format");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            if (!format.equals("jpeg") && !format.equals("png")) {
                throw new InputException(file, "format", "a JPEG or PNG image", format);
            }
            try {
                reader.setInput(in, true, true);
                checkSize(file, reader.getWidth(0), reader.getHeight(0), maxPixels);
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, "image data", "a decodable 8-bit RGB, grayscale or palette JPEG/PNG "
                    + "(not CMYK)", e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        return of(file, img);
    }

    /**
     * Refuses, from the header, a size the decoder would otherwise allocate blindly (a 50-byte PNG can
     * state 1 x 1,700,000,000 pixels): more than {@code maxPixels} (at most {@link #MAX_PIXELS}), or
     * more than fits 90 % of the maximum heap at {@link #BYTES_PER_PIXEL} bytes a pixel.
     */
    private static void checkSize(String file, int w, int h, long maxPixels) throws InputException {
        long pixels = (long) w * h;
        long limit = Math.min(maxPixels, MAX_PIXELS);
        if (w < 1 || h < 1 || pixels > limit) {
            throw new InputException(file, "image size", "at least 1 and at most " + limit + " pixels (width x height)",
                    w + "x" + h);
        }
        long heap = Runtime.getRuntime().maxMemory() / 10 * 9;
        if (pixels * BYTES_PER_PIXEL > heap) {
            throw new InputException(file, "image size", "an image that fits the Java heap (" + BYTES_PER_PIXEL
                    + " bytes a pixel, max " + heap + " bytes; raise -Xmx)", w + "x" + h);
        }
    }

    /** Converts a decoded image; {@code file} names it in errors. */
    static RgbImage of(String file, BufferedImage img) throws InputException {
        int h = img.getHeight();
        int w = img.getWidth();
        Raster r = img.getRaster();
        ColorModel cm = img.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            int[] rgb = new int[h * w * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = r.getSample(x, y, 0);
                    int k = (y * w + x) * 3;
                    rgb[k] = icm.getRed(i);
                    rgb[k + 1] = icm.getGreen(i);
                    rgb[k + 2] = icm.getBlue(i);
                }
            }
            return new RgbImage(h, w, rgb);
        }
        if (!(cm instanceof ComponentColorModel) || r.getTransferType() != DataBuffer.TYPE_BYTE) {
            throw new InputException(file, "pixel format", "8-bit samples (RGB, grayscale or palette)",
                    cm.getClass().getSimpleName() + " with " + cm.getPixelSize() + " bits per pixel");
        }
        ColorSpace cs = cm.getColorSpace();
        int colours = cm.getNumColorComponents();
        boolean gray = cs.getType() == ColorSpace.TYPE_GRAY && colours == 1;
        boolean srgb = cs.getType() == ColorSpace.TYPE_RGB && colours == 3;
        if (!gray && !srgb) {
            throw new InputException(file, "colour space", "RGB or grayscale", colourSpaceName(cs.getType())
                    + " with " + colours + " colour components");
        }
        int[] rgb = new int[h * w * 3];
        int bands = r.getNumBands();
        int[] row = new int[w * bands];
        // Row by row: no second whole-image int array.
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * w + x) * 3 + c] = row[x * bands + (gray ? 0 : c)];
                }
            }
        }
        return new RgbImage(h, w, rgb);
    }

    private static String colourSpaceName(int type) {
        return switch (type) {
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_CMY -> "CMY";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            case ColorSpace.TYPE_GRAY -> "grayscale";
            default -> "colour space type " + type;
        };
    }
}

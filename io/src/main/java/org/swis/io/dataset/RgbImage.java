package org.swis.io.dataset;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.swis.io.InputException;

/**
 * An 8-bit RGB image, row-major HWC bytes (SPEC §12.5 step 1): a JPEG or PNG decoded by the JDK's
 * {@code javax.imageio} and converted to RGB as PIL's {@code convert("RGB")} does for these modes:
 * grayscale g becomes (g, g, g), a palette index its palette colour, an alpha channel is dropped
 * (not composited), an embedded colour profile is not applied. Any other colour space (CMYK, YCCK, …), a sample depth other than 8 bits, or
 * another file format is an {@link InputException} naming the file.
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

    /** The value of channel {@code c} at row {@code y}, column {@code x}. */
    public int get(int y, int x, int c) {
        return rgb[(y * w + x) * 3 + c];
    }

    /** Decodes a JPEG or PNG file. */
    public static RgbImage read(Path file) throws InputException {
        String f = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(f, "file", "an existing image file", Files.exists(file) ? "not a regular file"
                    : "no such file");
        }
        BufferedImage img;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new InputException(f, "file", "a readable image file", "no image input stream");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InputException(f, "format", "a JPEG or PNG image", "an unknown format");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            if (!format.equals("jpeg") && !format.equals("png")) {
                throw new InputException(f, "format", "a JPEG or PNG image", format);
            }
            try {
                reader.setInput(in, true, true);
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(f, "image data", "a decodable 8-bit RGB, grayscale or palette JPEG/PNG "
                    + "(not CMYK)", e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        return of(f, img);
    }

    /** Converts a decoded image; {@code file} names it in errors. */
    static RgbImage of(String file, BufferedImage img) throws InputException {
        int h = img.getHeight();
        int w = img.getWidth();
        Raster r = img.getRaster();
        ColorModel cm = img.getColorModel();
        int[] rgb = new int[h * w * 3];
        if (cm instanceof IndexColorModel icm) {
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
        int bands = r.getNumBands();
        int[] px = r.getPixels(0, 0, w, h, (int[]) null);
        for (int i = 0; i < h * w; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[i * 3 + c] = px[i * bands + (gray ? 0 : c)];
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

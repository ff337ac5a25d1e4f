package org.swis.io.dataset;

import java.nio.file.Path;
import org.swis.io.InputException;
import org.swis.io.graph.Graph;

/**
 * Turns an image file into a network's input tensor (SPEC §12.5): decode to 8-bit RGB
 * ({@link RgbImage}), centre crop to {@code h x w} with {@code top = (H − h) / 2},
 * {@code left = (W − w) / 2} (integer division), resize with PIL's bilinear rule ({@link PilBilinear}),
 * require the input's height and width, then {@code value = (float) ((pixel · scale − mean[c]) / std[c])}
 * evaluated in double, one rounding to float at the end. The result is HWC float32,
 * {@code out[(y · w + x) · 3 + c]}. Thread-safe (no state beyond the input description).
 */
public final class ImagePreprocessor {
    private final Graph.Input input;
    private final Graph.Preprocess p;
    private final double[] mean;
    private final double[] std;

    public ImagePreprocessor(Graph.Input input) {
        this.input = input;
        this.p = input.preprocess();
        this.mean = p.mean();
        this.std = p.std();
    }

    /** Loads, crops, resizes and normalises one image file. */
    public float[] load(Path image) throws InputException {
        return tensor(image.toString(), RgbImage.read(image));
    }

    /** The input tensor of an already decoded image; {@code file} names it in errors. */
    public float[] tensor(String file, RgbImage img) throws InputException {
        RgbImage r = img;
        if (p.cropH() > 0) {
            r = centreCrop(file, r, p.cropH(), p.cropW());
        }
        if (p.resizeH() > 0) {
            r = PilBilinear.resize(r, p.resizeH(), p.resizeW());
        }
        if (r.h() != input.h() || r.w() != input.w()) {
            throw new InputException(file, "image size", input.h() + "x" + input.w() + " (height x width"
                    + (p.cropH() > 0 || p.resizeH() > 0 ? " after crop/resize" : "") + ", the network's input)",
                    r.h() + "x" + r.w() + (r != img ? " (image " + img.h() + "x" + img.w() + ")" : ""));
        }
        int n = r.h() * r.w();
        float[] out = new float[n * 3];
        int[] rgb = r.rgb();
        double scale = p.scale();
        for (int i = 0; i < n * 3; i++) {
            int c = i % 3;
            out[i] = (float) ((rgb[i] * scale - mean[c]) / std[c]);
        }
        return out;
    }

    /** The centre {@code h x w} window: {@code top = (H − h) / 2}, {@code left = (W − w) / 2}. */
    static RgbImage centreCrop(String file, RgbImage img, int h, int w) throws InputException {
        if (img.h() < h || img.w() < w) {
            throw new InputException(file, "image size", "at least " + h + "x" + w + " (the centre crop)",
                    img.h() + "x" + img.w());
        }
        int top = (img.h() - h) / 2;
        int left = (img.w() - w) / 2;
        int[] out = new int[h * w * 3];
        for (int y = 0; y < h; y++) {
            System.arraycopy(img.rgb(), ((top + y) * img.w() + left) * 3, out, y * w * 3, w * 3);
        }
        return new RgbImage(h, w, out);
    }
}

package org.swis.io.dataset;

import com.code_intelligence.jazzer.api.Jazzer;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.swis.io.FuzzChecks;
import org.swis.io.InputException;

/**
 * Fuzzes the image reader, {@link RgbImage#decode} (the bytes of a JPEG or PNG file; {@code read(Path)}
 * goes through it), with a lower pixel limit ({@link #MAX_PIXELS}). Oracle: every byte string ends
 * either in an {@link InputException} that names the file, a field and what was expected
 * ({@link FuzzChecks#checkRejection}), or in an image with {@code h, w > 0},
 * {@code rgb.length == h * w * 3} and every value in 0..255. Any other exception or error (an
 * OutOfMemoryError from a huge declared size included) is a finding.
 *
 * <p>Coverage: Jazzer never instruments {@code javax.**} or {@code com.sun.**}, so the JDK's PNG and
 * JPEG decoders give no coverage feedback; only RgbImage's own branches do. To steer the fuzzer into
 * the decoders anyway, each rejection reports where inside the JDK it was raised (the throwing
 * class and line of the exception's cause) through {@link Jazzer#exploreState}: an input that fails
 * at a new place counts as new coverage and joins the corpus.
 *
 * <p>Seeds ({@code RgbImageFuzzTestInputs/image/}, written by {@link MakeImageSeeds}): tiny PNGs
 * (RGB, gray, gray + alpha, RGBA, palette, 16-bit, interlaced), JPEGs (colour, gray, progressive,
 * four-channel), BMP and GIF, truncated files, two real CIFAR-10 images, and the two huge-size
 * findings ({@code huge_declared_png}, {@code huge_declared_jpeg}; see ImagePreprocessorTest). Short
 * run: the {@code fuzz-image} execution of io/pom.xml; long run:
 * {@code io/fuzz-long.sh 1000000 RgbImageFuzzTest}.
 */
class RgbImageFuzzTest {
    private static final String FILE = "fuzz/image";

    /**
     * The pixel limit while fuzzing (256 x 256; RgbImage.MAX_PIXELS is 2^26): a few header bytes can
     * state millions of pixels, and each such input would cost the decoder a large allocation and
     * fill; above this the same size check refuses them from the header.
     */
    private static final long MAX_PIXELS = 1L << 16;

    @FuzzTest(maxDuration = FuzzChecks.SHORT_RUN)
    void image(byte[] data) {
        RgbImage img;
        try {
            img = RgbImage.decode(FILE, data, MAX_PIXELS);
        } catch (InputException rejected) {
            FuzzChecks.checkRejection(rejected, FILE);
            exploreWhereRaised(rejected);
            return;
        }
        check(img);
    }

    private static void check(RgbImage img) {
        if (img.h() <= 0 || img.w() <= 0 || img.rgb().length != (long) img.h() * img.w() * 3) {
            throw new AssertionError("decoded image " + img.h() + "x" + img.w() + " with " + img.rgb().length
                    + " values");
        }
        for (int v : img.rgb()) {
            if (v < 0 || v > 255) {
                throw new AssertionError("decoded image " + img.h() + "x" + img.w() + " has value " + v);
            }
        }
    }

    /** Two 7-bit hashes (exploreState keeps 7 bits) of the innermost cause's throwing frame. */
    private static void exploreWhereRaised(InputException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        StackTraceElement[] trace = t.getStackTrace();
        String site = t.getClass().getName() + (trace.length == 0 ? "" : "@" + trace[0].getClassName() + ":"
                + trace[0].getLineNumber());
        int h = site.hashCode();
        Jazzer.exploreState((byte) h, 1);
        Jazzer.exploreState((byte) (h >>> 7), 2);
    }
}

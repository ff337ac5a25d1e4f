package org.swis.jmh;

import java.util.Arrays;
import java.util.Random;
import org.swis.reference.SwisInputException;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * Seeded benchmark inputs. Weights are symmetric INT8 integers drawn from a Laplacian with scale
 * b = 16 quantization steps, rounded half away from zero and clamped to [-127, 127] (the shape of real
 * trained weights: many small values, few large); a weight rounding to 0 is stored as +0, as the
 * reference quantizer does. Activations are uniform over [-128, 127]. Same seed, same data, for every
 * kernel.
 */
public final class BenchData {
    /** Laplacian scale in quantization steps. */
    public static final double LAPLACE_B = 16.0;

    private BenchData() {
    }

    /** A layer shape: filters (rows) x channels x kh x kw; K = channels * kh * kw. */
    public record Shape(String name, int filters, int channels, int kh, int kw) {
        public int columns() {
            return channels * kh * kw;
        }

        public long weights() {
            return (long) filters * columns();
        }
    }

    /**
     * The benchmark shapes: LLM projections (llama-7B), ResNet-18, MobileNet-v2 and ResNet-20 layers
     * (the torchvision structures of docs/HWMODEL.md §2; convolutions as their im2col matrix), and small test shapes.
     */
    public static final Shape[] SHAPES = {
        new Shape("llm-4096x4096", 4096, 4096, 1, 1),
        new Shape("llm-11008x4096", 11008, 4096, 1, 1),
        new Shape("llm-4096x11008", 4096, 11008, 1, 1),
        new Shape("resnet18-conv1", 64, 3, 7, 7),
        new Shape("resnet18-layer1", 64, 64, 3, 3),
        new Shape("resnet18-layer4", 512, 512, 3, 3),
        new Shape("mobilenetv2-expand960", 960, 160, 1, 1),
        new Shape("mobilenetv2-conv1280", 1280, 320, 1, 1),
        // ResNet-20 (CIFAR-10) 3x3 convolutions of the accuracy workload: 16, 32, 64 filters, K = 144, 288, 576;
        // their im2col has 1024, 256 and 64 pixel columns per image (32x32, 16x16, 8x8)
        new Shape("resnet20-conv16", 16, 16, 3, 3),
        new Shape("resnet20-conv32", 32, 32, 3, 3),
        new Shape("resnet20-conv64", 64, 64, 3, 3),
        new Shape("256x4096", 256, 4096, 1, 1),
        new Shape("16x4096", 16, 4096, 1, 1),
        new Shape("test-37x70", 37, 70, 1, 1),
        new Shape("test-conv-5x3x3x3", 5, 3, 3, 3),
    };

    public static Shape shape(String name) {
        for (Shape s : SHAPES) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new SwisInputException("shape", name, "one of " + Arrays.stream(SHAPES).map(Shape::name).toList());
    }

    /**
     * Bits per weight of a kernel's layout for the shape at M = 4 with every filter at {@code n} shifts, from
     * the layout's own {@link org.swis.kernels.PreparedMatrix#bytes()} (the size depends on the shape and N only, so
     * the codes are all-zero): 8 for an int8 yardstick, 32 for float32, empty for a name no family holds (a
     * user kernel whose jar is not on the class path when the CSV is rebuilt). The kernel is resolved as
     * {@link KernelBenchmark} resolves it ({@link org.swis.kernels.KernelFamilies#matmul}).
     */
    public static String weightBits(String kernel, Shape s, int n) {
        org.swis.kernels.Kernel k;
        try {
            k = org.swis.kernels.KernelFamilies.matmul(kernel, 1);
        } catch (org.swis.reference.SwisInputException e) {
            return "";
        }
        if (k instanceof org.swis.kernels.baseline.Int8Kernel) {
            return "8";
        }
        if (k instanceof org.swis.kernels.baseline.Float32Gemv) {
            return "32";
        }
        int[] shifts = new int[s.filters()];
        java.util.Arrays.fill(shifts, n);
        org.swis.kernels.SwisCodes zero = org.swis.kernels.SwisCodes.builder(org.swis.reference.swis.Scheme.SWIS,
                new org.swis.reference.swis.GroupLayout(4, s.channels(), s.kh() * s.kw()), s.filters(), shifts).build();
        org.swis.kernels.PreparedMatrix p = k instanceof org.swis.kernels.GemvKernel g ? g.prepare(zero)
                : ((org.swis.kernels.GemmKernel) k).prepare(zero);
        return String.format(java.util.Locale.ROOT, "%.4g", p.bytes() * 8.0 / s.weights());
    }

    /** INT8 Laplacian weights of a shape. */
    public static QuantizedTensor weights(Shape s, long seed) {
        Random r = new Random(seed);
        int n = (int) s.weights();
        int[] mag = new int[n];
        boolean[] neg = new boolean[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            double v = -LAPLACE_B * Math.log(1 - u);
            int m = (int) Math.min(127, Math.floor(v + 0.5));
            mag[i] = m;
            neg[i] = m > 0 && r.nextBoolean();
        }
        double[] scale = new double[s.filters()];
        Arrays.fill(scale, 1.0 / 127);
        return new QuantizedTensor(s.name(), s.filters(), s.channels(), s.kh(), s.kw(), mag, neg, scale);
    }

    /** {@code count} activations uniform over [-128, 127]. */
    public static byte[] activations(int count, long seed) {
        Random r = new Random(seed);
        byte[] x = new byte[count];
        r.nextBytes(x);
        return x;
    }
}

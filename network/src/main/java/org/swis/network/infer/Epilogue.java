package org.swis.network.infer;

import java.util.Map;
import org.swis.io.graph.Activation;
import org.swis.io.graph.Node;
import org.swis.reference.SwisInputException;

/**
 * What follows a conv2d / linear sum (SPEC §13.2): {@code y += bias[f]}, then BatchNorm
 * {@code y = (y − mean[f]) / sqrt(var[f] + eps) · gamma[f] + beta[f]}, then the activation, each step one
 * IEEE double operation in this order, and one rounding to float32 at the end. The float and the
 * quantized inference both end every MAC node here.
 */
final class Epilogue {
    private final double[] bias;
    private final double[] gamma;
    private final double[] beta;
    private final double[] mean;
    private final double[] sd;
    private final Activation activation;

    Epilogue(Node node, int filters, Map<String, float[]> aux) {
        String where = "graph.json node '" + node.name() + "'";
        String biasKey;
        Node.BatchNorm bn = null;
        if (node instanceof Node.Conv2d c) {
            biasKey = c.bias();
            bn = c.batchnorm();
            activation = c.activation() == null ? Activation.NONE : c.activation();
        } else {
            Node.Linear l = (Node.Linear) node;
            biasKey = l.bias();
            activation = l.activation() == null ? Activation.NONE : l.activation();
        }
        bias = biasKey == null ? null : vector(where + " bias", biasKey, filters, aux);
        if (bn != null) {
            gamma = vector(where + " batchnorm.gamma", bn.gamma(), filters, aux);
            beta = vector(where + " batchnorm.beta", bn.beta(), filters, aux);
            mean = vector(where + " batchnorm.mean", bn.mean(), filters, aux);
            double[] var = vector(where + " batchnorm.var", bn.var(), filters, aux);
            sd = new double[filters];
            for (int f = 0; f < filters; f++) {
                sd[f] = Math.sqrt(var[f] + bn.eps());
            }
        } else {
            gamma = null;
            beta = null;
            mean = null;
            sd = null;
        }
    }

    private static double[] vector(String field, String key, int filters, Map<String, float[]> aux) {
        float[] v = aux.get(key);
        if (v == null || v.length != filters) {
            throw new SwisInputException(field, key + (v == null ? " (missing from aux.npz)" : " of length " + v.length),
                    "an aux.npz vector of " + filters + " values");
        }
        double[] d = new double[filters];
        for (int i = 0; i < filters; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /**
     * {@link #apply} for every filter of one output pixel: {@code y[yo + f] = apply(mult[f] · acc[ao + f], f)},
     * bit for bit (the same double operations in the same order; the activation as
     * {@code min(max(v, lo), hi)} with lo = −∞ / 0 and hi = 6 / +∞, which is {@link Activation#apply} including
     * NaN and −0), written as flat loops the JIT vectorizes.
     */
    void applyPixel(long[] acc, int ao, double[] mult, float[] y, int yo, int filters) {
        double lo = activation == Activation.NONE ? Double.NEGATIVE_INFINITY : 0.0;
        double hi = activation == Activation.RELU6 ? 6.0 : Double.POSITIVE_INFINITY;
        if (bias != null && sd != null) {
            for (int f = 0; f < filters; f++) {
                double v = mult[f] * acc[ao + f] + bias[f];
                v = (v - mean[f]) / sd[f] * gamma[f] + beta[f];
                y[yo + f] = (float) Math.min(Math.max(v, lo), hi);
            }
        } else if (sd != null) {
            for (int f = 0; f < filters; f++) {
                double v = mult[f] * acc[ao + f];
                v = (v - mean[f]) / sd[f] * gamma[f] + beta[f];
                y[yo + f] = (float) Math.min(Math.max(v, lo), hi);
            }
        } else if (bias != null) {
            for (int f = 0; f < filters; f++) {
                double v = mult[f] * acc[ao + f] + bias[f];
                y[yo + f] = (float) Math.min(Math.max(v, lo), hi);
            }
        } else {
            for (int f = 0; f < filters; f++) {
                double v = mult[f] * acc[ao + f];
                y[yo + f] = (float) Math.min(Math.max(v, lo), hi);
            }
        }
    }

    /** The node's output value of filter f from its sum {@code acc} (already scaled to real units). */
    float apply(double acc, int f) {
        double y = acc;
        if (bias != null) {
            y += bias[f];
        }
        if (sd != null) {
            y = (y - mean[f]) / sd[f] * gamma[f] + beta[f];
        }
        return (float) activation.apply(y);
    }
}

package org.swis.reference.layer;

import java.util.Arrays;
import org.swis.reference.SwisInputException;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * Signed sign-magnitude integer weights (-255..255) as plain arrays: conversion between the OIHW
 * framework order and the canonical order {@code [filter][kh][kw][channel]}, and a
 * {@link QuantizedTensor} with scale 1 for the decomposer.
 */
public final class IntegerWeights {
    private IntegerWeights() {
    }

    /** A scale-1 tensor of signed weights in canonical order; fails naming the first value outside -255..255. */
    public static QuantizedTensor tensor(String name, int filters, int channels, int kh, int kw, int[] canonical) {
        int[] mag = new int[canonical.length];
        boolean[] neg = new boolean[canonical.length];
        for (int i = 0; i < mag.length; i++) {
            SwisInputException.requireRange(name + "[" + i + "]", canonical[i], -255, 255);
            mag[i] = Math.abs(canonical[i]);
            neg[i] = canonical[i] < 0;
        }
        double[] scale = new double[filters];
        Arrays.fill(scale, 1.0);
        return new QuantizedTensor(name, filters, channels, kh, kw, mag, neg, scale);
    }

    /** OIHW (or OI with kh = kw = 1) to canonical order. */
    public static int[] canonicalFromOihw(int[] oihw, int filters, int channels, int kh, int kw) {
        return reorder(oihw, filters, channels, kh, kw, true);
    }

    /** Canonical order to OIHW (or OI). */
    public static int[] oihwFromCanonical(int[] canonical, int filters, int channels, int kh, int kw) {
        return reorder(canonical, filters, channels, kh, kw, false);
    }

    private static int[] reorder(int[] in, int filters, int channels, int kh, int kw, boolean toCanonical) {
        if (in == null || in.length != filters * channels * kh * kw) {
            throw new SwisInputException("weights.length", in == null ? null : in.length,
                    "filters*channels*kh*kw = " + filters * channels * kh * kw);
        }
        int[] out = new int[in.length];
        for (int f = 0; f < filters; f++) {
            for (int ch = 0; ch < channels; ch++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        int oihw = ((f * channels + ch) * kh + y) * kw + x;
                        int canon = ((f * kh + y) * kw + x) * channels + ch;
                        if (toCanonical) {
                            out[canon] = in[oihw];
                        } else {
                            out[oihw] = in[canon];
                        }
                    }
                }
            }
        }
        return out;
    }
}

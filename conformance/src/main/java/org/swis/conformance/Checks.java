package org.swis.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.Kernel;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.GroupLayout;

/** One case of one property against one kernel: {@code null} when the kernel equals the reference. */
final class Checks {
    /** Terms of a row listed in a report before the rest is only counted. */
    static final int MAX_TERMS = 8;

    private Checks() {
    }

    static Discrepancy check(Kernel k, Property p, ConformanceCase c) {
        try {
            return switch (p) {
                case DECOMPOSE -> decompose((DecomposeKernel) k, (DecomposeCase) c);
                case LAYOUT -> layout(prepare(k, (MatrixCase) c), (MatrixCase) c);
                case GEMV -> product(k, (MatrixCase) c, 1);
                case GEMM -> product(k, (MatrixCase) c, ((MatrixCase) c).batch());
            };
        } catch (RuntimeException | AssertionError e) {
            return new Discrepancy("the kernel threw " + e, List.of("input: " + c.shape()));
        }
    }

    private static PreparedMatrix prepare(Kernel k, MatrixCase c) {
        SwisCodes codes = c.swisCodes();
        return k instanceof GemvKernel g ? g.prepare(codes) : ((GemmKernel) k).prepare(codes);
    }

    static Discrepancy decompose(DecomposeKernel k, DecomposeCase c) {
        SwisCodes got = k.decompose(c.tensor(), c.config(), c.shifts().clone(), c.threads());
        DecomposedTensor ref = Decomposer.decompose(c.tensor(), c.config(), c.shifts().clone());
        int g = got.firstDifference(ref);
        if (g < 0) {
            return null;
        }
        if (got.groupCount() != ref.groupCount()) {
            return new Discrepancy("the kernel returned " + got.groupCount() + " groups, the reference "
                    + ref.groupCount(), List.of("input: " + c.shape()));
        }
        GroupLayout l = c.layout();
        int gpf = l.groupsPerFilter();
        int f = g / gpf;
        List<String> in = new ArrayList<>();
        StringBuilder w = new StringBuilder("weights of group " + (g % gpf) + " of filter " + f + ": ");
        for (int i = 0; i < c.m(); i++) {
            int e = l.element(g % gpf, i);
            w.append(i == 0 ? "" : ", ").append("slot ").append(i).append(' ');
            if (e != GroupLayout.PAD) {
                w.append('(');
            }
            if (e == GroupLayout.PAD) {
                w.append("padding");
            } else {
                int idx = f * l.filterSize() + e;
                w.append(where(c.channels(), e)).append(") = ").append(c.negative()[idx] ? -c.magnitudes()[idx] : c.magnitudes()[idx]);
            }
        }
        in.add(w.toString());
        in.add("N = " + c.shifts()[f] + ", M = " + c.m() + ", alpha = " + c.alpha() + ", " + c.scheme().id()
                + ", threads = " + c.threads());
        return new Discrepancy("filter " + f + ", group " + (g % gpf) + ": kernel code " + got.code(g)
                + ", reference " + ref.code(g), in);
    }

    static Discrepancy layout(PreparedMatrix p, MatrixCase c) {
        if (p.rows() != c.rows() || p.columns() != c.columns()) {
            return new Discrepancy("prepared matrix is " + p.rows() + " x " + p.columns() + ", expected " + c.rows()
                    + " x " + c.columns(), List.of("input: " + c.shape()));
        }
        GroupLayout l = c.layout();
        int gpf = l.groupsPerFilter();
        for (int r = 0; r < c.rows(); r++) {
            for (int g = 0; g < gpf; g++) {
                for (int i = 0; i < c.m(); i++) {
                    int e = l.element(g, i);
                    if (e == GroupLayout.PAD) {
                        continue;
                    }
                    int want = c.codes()[r * gpf + g].weight(i);
                    int got = p.weight(r, e);
                    if (got != want) {
                        return new Discrepancy("layout: weight(row " + r + ", column " + e + ") = " + got
                                + ", the codes decode to " + want + " (group " + g + " slot " + i + ", "
                                + where(c.channels(), e) + ")",
                                List.of("code of group " + g + " of row " + r + ": " + c.codes()[r * gpf + g]));
                    }
                }
            }
        }
        return null;
    }

    /** The product over {@code vectors} activation vectors; the layout is checked first. */
    private static Discrepancy product(Kernel k, MatrixCase c, int vectors) {
        PreparedMatrix p = prepare(k, c);
        int[] y = new int[c.rows() * vectors];
        byte[] x = Arrays.copyOf(c.x(), c.columns() * vectors);
        if (k instanceof GemvKernel g && vectors == 1) {
            g.gemv(p, x, y);
        } else {
            ((GemmKernel) k).gemm(p, x, vectors, y);
        }
        long[] want = c.product(vectors);
        for (int i = 0; i < want.length; i++) {
            if (y[i] != want[i]) {
                Discrepancy wrongLayout = layout(p, c);
                if (wrongLayout != null) {
                    return wrongLayout;
                }
                return output(c, i / c.rows(), i % c.rows(), y[i], want[i]);
            }
        }
        return null;
    }

    private static Discrepancy output(MatrixCase c, int b, int r, int got, long want) {
        List<String> terms = new ArrayList<>();
        int count = terms(c, r, b, null, terms);
        if (count > MAX_TERMS) {
            terms.clear();
            terms.add("(too many to list: the smallest failing case below keeps only the terms involved)");
        }
        if (count == 0) {
            terms.add("every term of the row is zero");
        }
        String vector = c.batch() > 1 || b > 0 ? ", batch vector " + b : "";
        return new Discrepancy("y[row " + r + vector + "] = " + got + ", reference " + want + " (kernel off by "
                + ((long) got - want) + "); the row has " + count + " non-zero term(s)", terms, r, b);
    }

    /**
     * Adds to {@code lines} (at most {@link #MAX_TERMS}) the non-zero terms {@code weight x activation}
     * of row r for vector b, only of the groups in {@code only} when given; returns how many there are.
     */
    static int terms(MatrixCase c, int r, int b, List<Integer> only, List<String> lines) {
        GroupLayout l = c.layout();
        int gpf = l.groupsPerFilter();
        int k = c.columns();
        int count = 0;
        for (int g = 0; g < gpf; g++) {
            if (only != null && !only.contains(g)) {
                continue;
            }
            for (int i = 0; i < c.m(); i++) {
                int e = l.element(g, i);
                if (e == GroupLayout.PAD) {
                    continue;
                }
                int w = c.codes()[r * gpf + g].weight(i);
                int a = c.x()[b * k + e];
                if (w != 0 && a != 0) {
                    if (count++ < MAX_TERMS) {
                        lines.add("column " + e + " (" + where(c.channels(), e) + ") = group " + g + " slot " + i
                                + ": weight " + w + " x activation " + a + " = " + (long) w * a);
                    }
                }
            }
        }
        return count;
    }

    private static String where(int channels, int e) {
        return "tap " + e / channels + ", channel " + e % channels;
    }
}

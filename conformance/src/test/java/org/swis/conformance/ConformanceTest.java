package org.swis.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.conformance.fixtures.DenseGemv;
import org.swis.conformance.fixtures.LsbFlipGemv;
import org.swis.conformance.fixtures.SaturatingGemv;
import org.swis.conformance.fixtures.SignSlipDecomposer;
import org.swis.conformance.fixtures.TransposedLayoutGemv;
import org.swis.kernels.Kernel;
import org.swis.kernels.KernelRegistry;
import org.swis.kernels.PreparedMatrix;

/** The runner passes correct kernels and catches, localizes and shrinks deliberately wrong ones. */
class ConformanceTest {
    @Test
    void correctKernelsPassEveryApplicableProperty() {
        List<Kernel> kernels = new ArrayList<>(KernelRegistry.decomposers());
        kernels.addAll(KernelRegistry.gemv());
        kernels.addAll(KernelRegistry.gemm());
        kernels.add(new DenseGemv());
        for (Kernel k : kernels) {
            KernelResult r = Conformance.check(k, Conformance.Settings.defaults().withTries(25));
            assertTrue(r.passed(), r::report);
        }
        KernelResult dense = Conformance.check(new DenseGemv());
        assertTrue(dense.passed(), dense::report);
        assertEquals(List.of(Property.LAYOUT, Property.GEMV), dense.properties().stream().map(PropertyResult::property).toList());
        assertEquals(Property.LAYOUT.defaultTries() + Property.GEMV.defaultTries(), dense.casesRun());
    }

    @Test
    void anOffByOneLsbOnlyForMinus255TimesMinus128IsCaughtAndShrunkToOneTerm() {
        KernelResult r = Conformance.check(new LsbFlipGemv());
        assertFalse(r.passed());
        Failure f = r.properties().get(1).failure();
        assertNotNull(f, r::report);
        assertEquals(Property.GEMV, f.property());
        assertTrue(r.properties().get(0).passed(), "the layout is right");
        String report = f.report();
        // The smallest case is one row, one group, one non-zero term: the hand-derived culprit.
        assertTrue(f.smallest().groups() <= 2, report);
        assertTrue(f.shrinkSteps() <= Shrinker.MAX_STEPS, report);
        assertTrue(report.contains("weight -255 x activation -128 = 32640"), report);
        assertTrue(report.contains("(kernel off by 1); the row has 1 non-zero term(s)"), report);
        assertTrue(report.contains("replay: swis conformance --jar <your-kernels.jar> --kernel fixture-lsb-flip --seed "
                + Conformance.DEFAULT_SEED + " --case " + f.caseIndex()), report);
        // On the original case, the groups reported as failing alone are exactly the groups of that row
        // holding a (-255)(-128) term (checked here by brute force over the input).
        MatrixCase in = (MatrixCase) f.input();
        int row = f.difference().row();
        int gpf = in.layout().groupsPerFilter();
        List<Integer> culprits = new ArrayList<>();
        for (int g = 0; g < gpf; g++) {
            for (int i = 0; i < in.m(); i++) {
                int e = in.layout().element(g, i);
                if (e >= 0 && in.codes()[row * gpf + g].weight(i) == -255 && in.x()[e] == -128 && !culprits.contains(g)) {
                    culprits.add(g);
                }
            }
        }
        assertFalse(culprits.isEmpty());
        assertTrue(f.difference().involved().get(0).startsWith("group(s) of row " + row + " that fail alone (every other "
                + "group zeroed): " + (culprits.size() <= Localizer.MAX_PROBES ? culprits.toString() : "")), report);
        // The replay command's case fails alone, with the same first difference.
        KernelResult replay = Conformance.check(new LsbFlipGemv(), Conformance.Settings.defaults().withCase(f.caseIndex()));
        assertEquals(f.difference(), replay.properties().get(1).failure().difference());
        assertEquals(1, replay.properties().get(1).casesRun());
    }

    @Test
    void aWrongLayoutIsReportedAsALayoutErrorByEveryProperty() {
        KernelResult r = Conformance.check(new TransposedLayoutGemv(), Conformance.Settings.defaults().withTries(40));
        Failure layout = r.properties().get(0).failure();
        assertNotNull(layout, r::report);
        assertTrue(layout.difference().headline().startsWith("layout: weight(row "), layout.report());
        assertTrue(layout.smallestDifference().headline().contains(", column 1) = "), layout.report());
        assertTrue(layout.smallest().groups() <= 1, layout.report());
        // Its products are right: the GEMV property passes.
        assertTrue(r.properties().get(1).passed(), r::report);
    }

    @Test
    void aWrongDecomposerIsLocalizedToOneGroup() {
        KernelResult r = Conformance.check(new SignSlipDecomposer());
        Failure f = r.properties().get(0).failure();
        assertNotNull(f, r::report);
        assertTrue(f.smallest().groups() == 1, f.report());
        assertTrue(f.smallestDifference().headline().startsWith("filter 0, group 0: kernel code"), f.report());
    }

    @Test
    void aBugNeedingSeveralTermsShrinksToTermsThatAreAllNeeded() {
        Failure f = Conformance.check(new SaturatingGemv()).properties().get(1).failure();
        assertNotNull(f);
        MatrixCase small = (MatrixCase) f.smallest();
        assertEquals(1, small.rows(), f.report());
        assertEquals(1, small.batch(), f.report());
        // The sum leaves the 16-bit range and every remaining term is needed for that (brute force
        // over the case): a single term never does, so at least two remain.
        long sum = 0;
        List<Long> terms = new ArrayList<>();
        for (int c = 0; c < small.columns(); c++) {
            long t = (long) small.weight(0, c) * small.x()[c];
            sum += t;
            if (t != 0) {
                terms.add(t);
            }
        }
        assertTrue(sum > Short.MAX_VALUE || sum < Short.MIN_VALUE, f.report());
        assertTrue(terms.size() >= 2 && terms.size() <= 4, f.report());
        for (long t : terms) {
            assertTrue(sum - t <= Short.MAX_VALUE && sum - t >= Short.MIN_VALUE, f.report());
        }
    }

    @Test
    void aKernelWrongOnEveryInputStillShrinksWithinTheStepCap() {
        DenseGemv alwaysOff = new DenseGemv() {
            @Override
            public void gemv(PreparedMatrix m, byte[] x, int[] y) {
                super.gemv(m, x, y);
                y[0]++;
            }
        };
        Failure f = Conformance.check(alwaysOff).properties().get(1).failure();
        assertNotNull(f);
        assertEquals(0, f.caseIndex());
        assertTrue(f.shrinkSteps() <= Shrinker.MAX_STEPS);
        MatrixCase small = (MatrixCase) f.smallest();
        assertEquals(1, small.groups(), f.report());
        assertEquals(1, small.batch(), f.report());
        assertTrue(f.smallestDifference().headline().contains("the row has 0 non-zero term(s)"), f.report());
    }
}

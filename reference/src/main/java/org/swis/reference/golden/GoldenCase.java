package org.swis.reference.golden;

import org.swis.reference.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.swis.reference.SwisInputException;
import org.swis.reference.baseline.ActivationTruncation;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.encode.EncodedTensor;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.layer.Conv2d;
import org.swis.reference.layer.Conv2dParams;
import org.swis.reference.layer.IntegerWeights;
import org.swis.reference.layer.LayerResult;
import org.swis.reference.layer.LayerWeights;
import org.swis.reference.layer.LinearLayer;
import org.swis.reference.layer.PlainLayers;
import org.swis.reference.layer.TraceRow;
import org.swis.reference.mac.AccumulatorWidths;
import org.swis.reference.mac.ActivationType;
import org.swis.reference.mac.CycleCounts;
import org.swis.reference.mac.MacConfig;
import org.swis.reference.mac.Overflow;
import org.swis.reference.mac.PeMode;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * Computes every file of one golden case from its configuration and its two input tensors with the
 * reference, and reads a configuration back from a manifest. The generator and the verifier share
 * this code path: the generator writes what it returns, the verifier compares it with what is stored.
 */
public final class GoldenCase {
    /** Manifest format tag. */
    public static final String FORMAT = "swis-golden/1";
    public static final String MANIFEST = "manifest.json";
    public static final String WEIGHTS = "weights.npy";
    public static final String ACTIVATIONS = "activations.npy";

    private GoldenCase() {
    }

    /**
     * Renders all files of a case, ordered by name.
     *
     * @param weights     the input integer weights in {@code weights_shape} order (OI or OIHW), -255..255
     * @param activations the activations in {@code activations_shape} order ([in][batch] or NCHW)
     */
    public static Map<String, byte[]> render(CaseConfig c, long[] weights, long[] activations) {
        QuantizedTensor t = tensor(c, weights);
        int[] counts = c.shiftsPerFilter();
        DecompositionConfig dcfg = null;
        if (c.kind() == LayerWeights.Kind.SWIS || c.kind() == LayerWeights.Kind.SWIS_C) {
            dcfg = new DecompositionConfig(c.kind() == LayerWeights.Kind.SWIS_C ? Scheme.SWIS_C : Scheme.SWIS, c.m(), c.alpha());
            if (c.schedule() != null) {
                int[] scheduled = FilterScheduler.schedule(t, dcfg, c.schedule()).shiftsPerFilter();
                if (!Arrays.equals(scheduled, counts)) {
                    throw new SwisInputException(c.name() + ": shifts_per_filter", Arrays.toString(counts),
                            "the scheduler's output " + Arrays.toString(scheduled));
                }
            }
        } else {
            for (int n : counts) {
                if (n != counts[0] || c.schedule() != null) {
                    throw new SwisInputException(c.name() + ": shifts_per_filter", Arrays.toString(counts),
                            "one uniform N and no schedule for " + c.kind().id());
                }
            }
            if (c.kind() == LayerWeights.Kind.FULL8 && counts[0] != 8) {
                throw new SwisInputException(c.name() + ": shifts_per_filter", counts[0], "8 for full8 weights");
            }
        }
        LayerWeights lw;
        EncodedTensor encoded = null;
        Integer truncLo = null;
        switch (c.kind()) {
            case SWIS, SWIS_C -> {
                DecomposedTensor d = Decomposer.decompose(t, dcfg, counts);
                lw = LayerWeights.of(d);
                encoded = GroupStreamCodec.encode(d);
                LayerWeights back = LayerWeights.decode(encoded, t.channels(), t.kh(), t.kw());
                if (!Arrays.equals(back.decoded(), lw.decoded())) {
                    throw new IllegalStateException(c.name() + ": stream does not decode to the groups");
                }
            }
            case WEIGHT_TRUNCATION -> {
                WeightTruncation.Result r = WeightTruncation.apply(t, counts[0], WeightTruncation.WindowRule.MIN_SSE);
                lw = LayerWeights.weightTruncation(t, c.m(), r);
                truncLo = r.lo();
            }
            default -> lw = LayerWeights.full8(t, c.m());
        }
        MacConfig mc = new MacConfig(c.mode(), c.activationType(), c.widths(), c.activationBits(), c.trace());
        LayerResult r;
        long[] plain;
        int[] decoded = lw.decoded();
        long positions;
        if (c.isConv()) {
            int[][][][] x = nchw(c, activations);
            r = Conv2d.forward(lw, x, c.conv(), mc);
            plain = PlainLayers.conv2d(decoded, t.filters(), t.channels(), t.kh(), t.kw(),
                    nchw(c, truncated(c, activations)), c.conv());
            int[] s = r.shape();
            positions = (long) s[0] * s[2] * s[3];
        } else {
            int[][] x = matrix(c, activations);
            r = LinearLayer.gemm(lw, x, mc);
            plain = PlainLayers.gemm(decoded, t.filters(), t.channels(), matrix(c, truncated(c, activations)));
            positions = r.shape()[1];
        }
        if (!Arrays.equals(plain, r.outputs())) {
            throw new IllegalStateException(c.name() + ": bit-serial layer differs from the plain integer layer");
        }
        int gpf = lw.groupsPerFilter();
        long closedLayer = c.activationBits() > 0
                ? CycleCounts.truncationLayer(t.filters(), gpf, c.activationBits(), positions)
                : c.kind() == LayerWeights.Kind.WEIGHT_TRUNCATION
                ? CycleCounts.truncationLayer(t.filters(), gpf, counts[0], positions)
                : CycleCounts.layer(counts, gpf, c.mode(), positions);
        if (closedLayer != r.layerCycles()) {
            throw new IllegalStateException(c.name() + ": counted cycles " + r.layerCycles() + " != closed form " + closedLayer);
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(ACTIVATIONS, Npy.write("activations", c.activationType() == ActivationType.UINT8 ? "|u1" : "|i1",
                c.activationsShape(), activations));
        files.put("cycles_per_group.npy", Npy.write("cycles_per_group", "<i4", new int[] {t.filters() * gpf},
                cyclesPerGroup(c, lw)));
        files.put("decoded_weights.npy", Npy.write("decoded_weights", "<i2", c.weightsShape(), toFramework(c, decoded)));
        long[] shifts = new long[t.filters() * gpf * 8];
        long[] signs = new long[t.filters() * gpf * c.m()];
        long[] masks = new long[signs.length];
        Arrays.fill(shifts, -1);
        for (int f = 0; f < t.filters(); f++) {
            for (int g = 0; g < gpf; g++) {
                int k = f * gpf + g;
                GroupCode code = lw.code(f, g);
                for (int j = 0; j < code.n(); j++) {
                    shifts[k * 8 + j] = code.support().shift(j);
                }
                for (int i = 0; i < c.m(); i++) {
                    signs[k * c.m() + i] = code.negative(i) ? 1 : 0;
                    masks[k * c.m() + i] = code.mask(i);
                }
            }
        }
        files.put("expected.npy", Npy.write("expected", "<i8", r.shape(), r.outputs()));
        files.put("group_masks.npy", Npy.write("group_masks", "|u1", new int[] {t.filters() * gpf, c.m()}, masks));
        files.put("group_shifts.npy", Npy.write("group_shifts", "|i1", new int[] {t.filters() * gpf, 8}, shifts));
        files.put("group_signs.npy", Npy.write("group_signs", "|u1", new int[] {t.filters() * gpf, c.m()}, signs));
        files.put(MANIFEST, Json.write(manifest(c, lw, encoded, truncLo, r, positions)).getBytes(StandardCharsets.UTF_8));
        if (c.trace()) {
            files.put("trace.csv", traceCsv(r.trace()).getBytes(StandardCharsets.UTF_8));
        }
        files.put(WEIGHTS, Npy.write("weights", "<i2", c.weightsShape(), weights));
        return files;
    }

    /** The activations the plain layer sees: truncated to their MSBs for the activation-serial baseline. */
    private static long[] truncated(CaseConfig c, long[] activations) {
        if (c.activationBits() == 0) {
            return activations;
        }
        long[] out = new long[activations.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ActivationTruncation.truncate((int) activations[i], c.activationBits());
        }
        return out;
    }

    private static long[] cyclesPerGroup(CaseConfig c, LayerWeights lw) {
        long[] out = new long[lw.filters() * lw.groupsPerFilter()];
        for (int f = 0; f < lw.filters(); f++) {
            long v = c.activationBits() > 0 ? CycleCounts.truncationPasses(c.activationBits())
                    : c.kind() == LayerWeights.Kind.WEIGHT_TRUNCATION ? CycleCounts.truncationPasses(lw.shifts(f))
                    : CycleCounts.perGroup(lw.shifts(f), c.mode());
            Arrays.fill(out, f * lw.groupsPerFilter(), (f + 1) * lw.groupsPerFilter(), v);
        }
        return out;
    }

    private static Map<String, Object> manifest(CaseConfig c, LayerWeights lw, EncodedTensor e, Integer truncLo,
                                                LayerResult r, long positions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("name", c.name());
        m.put("description", c.description());
        m.put("layer", c.layer());
        m.put("weights_kind", c.kind().id());
        m.put("m", (long) c.m());
        m.put("alpha", c.alpha().toString());
        m.put("pe_mode", c.mode().name());
        m.put("shifts_per_filter", longs(c.shiftsPerFilter()));
        if (c.schedule() == null) {
            m.put("schedule", null);
        } else {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("target", new java.math.BigDecimal(Double.toString(c.schedule().target())).stripTrailingZeros().toPlainString());
            s.put("array_columns", (long) c.schedule().arrayColumns());
            s.put("step", (long) c.schedule().step());
            s.put("start_count", (long) c.schedule().startCount());
            m.put("schedule", s);
        }
        m.put("activation_type", c.activationType().id());
        m.put("activation_bits", (long) c.activationBits());
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("adder_tree", (long) c.widths().adderTreeBits());
        w.put("shifter", (long) c.widths().shifterBits());
        w.put("group_accumulator", (long) c.widths().groupAccumulatorBits());
        w.put("output_accumulator", (long) c.widths().outputAccumulatorBits());
        m.put("widths", w);
        if (c.conv() == null) {
            m.put("conv", null);
        } else {
            Conv2dParams p = c.conv();
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("stride", List.of((long) p.strideH(), (long) p.strideW()));
            cv.put("padding", List.of((long) p.padH(), (long) p.padW()));
            cv.put("dilation", List.of((long) p.dilationH(), (long) p.dilationW()));
            cv.put("groups", (long) p.groups());
            m.put("conv", cv);
        }
        m.put("weights_shape", longs(c.weightsShape()));
        m.put("activations_shape", longs(c.activationsShape()));
        m.put("trace", c.trace());
        // derived from here on
        m.put("group_layout", lw.layout().alongTaps() ? "taps" : "channels");
        m.put("groups_per_filter", (long) lw.groupsPerFilter());
        m.put("weight_trunc_lo", truncLo == null ? null : (long) truncLo);
        m.put("stream_bits", e == null ? null : e.bitLength());
        m.put("stream_hex", e == null ? null : hex(e.stream()));
        m.put("output_shape", longs(r.shape()));
        Map<String, Object> cy = new LinkedHashMap<>();
        boolean passes = c.activationBits() > 0 || c.kind() == LayerWeights.Kind.WEIGHT_TRUNCATION;
        cy.put("per_group_rule", passes ? "N_bits passes" : "ceil(N / k)");
        cy.put("k", passes ? 1L : (long) c.mode().shiftsPerCycle());
        cy.put("per_filter", longs(r.cyclesPerFilter()));
        cy.put("positions", positions);
        cy.put("layer", r.layerCycles());
        List<Object> fetches = new ArrayList<>();
        for (int f = 0; f < lw.filters(); f++) {
            fetches.add(lw.kind() == LayerWeights.Kind.SWIS || lw.kind() == LayerWeights.Kind.SWIS_C
                    ? (Object) (long) CycleCounts.shiftFetchesPerGroup(
                            lw.kind() == LayerWeights.Kind.SWIS_C ? Scheme.SWIS_C : Scheme.SWIS, lw.shifts(f))
                    : null);
        }
        cy.put("shift_fetches_per_group", fetches);
        m.put("cycles", cy);
        m.put("overflow_count", (long) r.overflows().size());
        m.put("overflow_fields", List.of("output", "group", "cycle", "lane", "stage", "value", "bits"));
        List<Object> ov = new ArrayList<>();
        for (Overflow o : r.overflows()) {
            ov.add(List.of(o.output(), (long) o.group(), (long) o.cycle(), (long) o.lane(), o.stage().id(), o.value(), (long) o.bits()));
        }
        m.put("overflows", ov);
        return m;
    }

    private static String traceCsv(List<TraceRow> rows) {
        StringBuilder sb = new StringBuilder("group,cycle,shift0,shift1,partial0,partial1,group_accumulator\n");
        for (TraceRow row : rows) {
            int[] s = row.step().shifts();
            long[] p = row.step().partials();
            sb.append(row.group()).append(',').append(row.step().cycle()).append(',')
                    .append(s[0]).append(',').append(s.length > 1 ? String.valueOf(s[1]) : "").append(',')
                    .append(p[0]).append(',').append(p.length > 1 ? String.valueOf(p[1]) : "").append(',')
                    .append(row.step().accumulator()).append('\n');
        }
        return sb.toString();
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format(Locale.ROOT, "%02x", x & 0xFF));
        }
        return sb.toString();
    }

    private static List<Object> longs(int[] a) {
        List<Object> l = new ArrayList<>();
        for (int v : a) {
            l.add((long) v);
        }
        return l;
    }

    private static List<Object> longs(long[] a) {
        List<Object> l = new ArrayList<>();
        for (long v : a) {
            l.add(v);
        }
        return l;
    }

    /** The input weights as a quantized tensor (scale 1), from OI or OIHW order. */
    static QuantizedTensor tensor(CaseConfig c, long[] weights) {
        int[] s = c.weightsShape();
        int kh = c.isConv() ? s[2] : 1;
        int kw = c.isConv() ? s[3] : 1;
        int[] oihw = new int[weights.length];
        for (int i = 0; i < oihw.length; i++) {
            if (weights[i] < -255 || weights[i] > 255) {
                throw new SwisInputException(c.name() + ": weights[" + i + "]", weights[i], "a sign-magnitude integer in -255..255");
            }
            oihw[i] = (int) weights[i];
        }
        return IntegerWeights.tensor(c.name(), s[0], s[1], kh, kw, IntegerWeights.canonicalFromOihw(oihw, s[0], s[1], kh, kw));
    }

    /** Canonical [f][kh][kw][c] to OI / OIHW. */
    private static long[] toFramework(CaseConfig c, int[] canonical) {
        int[] s = c.weightsShape();
        int[] oihw = IntegerWeights.oihwFromCanonical(canonical, s[0], s[1], c.isConv() ? s[2] : 1, c.isConv() ? s[3] : 1);
        return Arrays.stream(oihw).asLongStream().toArray();
    }

    private static int[][] matrix(CaseConfig c, long[] a) {
        int[] s = c.activationsShape();
        if (a.length != (long) s[0] * s[1]) {
            throw new SwisInputException(c.name() + ": activations.length", a.length, "product of activations_shape");
        }
        int[][] x = new int[s[0]][s[1]];
        for (int i = 0; i < s[0]; i++) {
            for (int b = 0; b < s[1]; b++) {
                x[i][b] = (int) a[i * s[1] + b];
            }
        }
        return x;
    }

    private static int[][][][] nchw(CaseConfig c, long[] a) {
        int[] s = c.activationsShape();
        if (a.length != (long) s[0] * s[1] * s[2] * s[3]) {
            throw new SwisInputException(c.name() + ": activations.length", a.length, "product of activations_shape");
        }
        int[][][][] x = new int[s[0]][s[1]][s[2]][s[3]];
        int k = 0;
        for (int n = 0; n < s[0]; n++) {
            for (int ch = 0; ch < s[1]; ch++) {
                for (int y = 0; y < s[2]; y++) {
                    for (int w = 0; w < s[3]; w++) {
                        x[n][ch][y][w] = (int) a[k++];
                    }
                }
            }
        }
        return x;
    }

    /** Reads the configuration part of a manifest; {@code file} names it in errors. */
    public static CaseConfig parseManifest(String file, String text) {
        Object root = Json.parse(file, text);
        if (!(root instanceof Map<?, ?> m)) {
            throw new SwisInputException(file, "not an object", "a JSON object");
        }
        String format = str(file, m, "format");
        if (!FORMAT.equals(format)) {
            throw new SwisInputException(file + ": format", format, FORMAT);
        }
        String layer = str(file, m, "layer");
        Conv2dParams conv = null;
        Object cv = m.get("conv");
        if (cv instanceof Map<?, ?> cm) {
            int[] st = ints(file, cm, "stride", 2);
            int[] pd = ints(file, cm, "padding", 2);
            int[] dl = ints(file, cm, "dilation", 2);
            conv = new Conv2dParams(st[0], st[1], pd[0], pd[1], dl[0], dl[1], integer(file, cm, "groups"));
        } else if (cv != null || !m.containsKey("conv")) {
            throw new SwisInputException(file + ": conv", cv, "an object or null");
        }
        ScheduleConfig schedule = null;
        Object sc = m.get("schedule");
        if (sc instanceof Map<?, ?> sm) {
            double target;
            try {
                target = Double.parseDouble(str(file, sm, "target"));
            } catch (NumberFormatException ex) {
                throw new SwisInputException(file + ": schedule.target", sm.get("target"), "a decimal such as \"2.5\"");
            }
            schedule = new ScheduleConfig(target, integer(file, sm, "array_columns"), integer(file, sm, "step"),
                    integer(file, sm, "start_count"));
        } else if (sc != null || !m.containsKey("schedule")) {
            throw new SwisInputException(file + ": schedule", sc, "an object or null");
        }
        int m4 = integer(file, m, "m");
        Map<?, ?> w = obj(file, m, "widths");
        AccumulatorWidths widths = new AccumulatorWidths(integer(file, w, "adder_tree"), integer(file, w, "shifter"),
                integer(file, w, "group_accumulator"), integer(file, w, "output_accumulator"));
        Object trace = m.get("trace");
        if (!(trace instanceof Boolean)) {
            throw new SwisInputException(file + ": trace", trace, "true or false");
        }
        return new CaseConfig(str(file, m, "name"), str(file, m, "description"), layer,
                LayerWeights.Kind.parse(str(file, m, "weights_kind")), m4, Alpha.parse(str(file, m, "alpha")),
                PeMode.parse(str(file, m, "pe_mode")), ints(file, m, "shifts_per_filter", -1), schedule,
                ActivationType.parse(str(file, m, "activation_type")), integer(file, m, "activation_bits"), widths,
                conv, ints(file, m, "weights_shape", -1), ints(file, m, "activations_shape", -1), (Boolean) trace);
    }

    private static Map<?, ?> obj(String file, Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Map<?, ?> r)) {
            throw new SwisInputException(file + ": " + key, v, "an object");
        }
        return r;
    }

    private static String str(String file, Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new SwisInputException(file + ": " + key, v, "a string");
        }
        return s;
    }

    private static int integer(String file, Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new SwisInputException(file + ": " + key, v, "an integer");
        }
        return (int) (long) l;
    }

    private static int[] ints(String file, Map<?, ?> m, String key, int length) {
        Object v = m.get(key);
        if (!(v instanceof List<?> l) || (length >= 0 && l.size() != length)) {
            throw new SwisInputException(file + ": " + key, v, length >= 0 ? "an array of " + length + " integers" : "an array of integers");
        }
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long x) || x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
                throw new SwisInputException(file + ": " + key + "[" + i + "]", l.get(i), "an integer");
            }
            out[i] = (int) (long) x;
        }
        return out;
    }
}

package org.swis.network.encode;

import org.swis.io.container.ContainerWriter;
import org.swis.io.container.EncodedLayer;
import org.swis.io.container.StreamBits;
import org.swis.io.container.SwisContainer;
import java.util.Arrays;
import org.swis.io.model.ModelLayer;
import org.swis.reference.baseline.UniformRtn;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.encode.BitWriter;
import org.swis.reference.encode.EncodedTensor;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/**
 * Encodes one whole layer for the container with the reference: INT8 quantization (int8 input taken
 * as it is), then SWIS / SWIS-C decomposition (uniform N, or a filter schedule to an average, paper
 * §4.3), layer-wise weight truncation (MIN_SSE window, SPEC §5.1) or uniform RTN INT-k (SPEC §5.2).
 * The oracle of {@link StreamingEncoder} (which {@code swis decompose} uses: same bytes, bounded
 * heap) and the encoder of {@code swis reproduce}'s container round trip.
 */
public final class LayerEncoder {
    private LayerEncoder() {
    }

    /** PE type the schedule is made for: single shift (any N) or double shift (even N). */
    public enum Pe { SS, DS }

    /**
     * @param method      encoding
     * @param n           SWIS: shifts per group; truncation: window bits; RTN: bits k
     * @param m           group size (SWIS, and RTN per group when {@code rtnPerGroup})
     * @param alpha       MSE++ alpha
     * @param schedule    average shift count to schedule to (SWIS only), or NaN for uniform N
     * @param pe          PE type of the schedule
     * @param perChannel  INT8 quantization per output channel instead of per tensor
     * @param rtnPerGroup RTN with one scale per group of M instead of per filter
     * @param arrayColumns filters that run together on the array and so share one count (schedule only; SPEC §6)
     */
    public record Options(EncodedLayer.Method method, int n, int m, Alpha alpha, double schedule, Pe pe,
                          boolean perChannel, boolean rtnPerGroup, int arrayColumns) {
        /** Options with the default array of {@value ScheduleConfig#DEFAULT_ARRAY_COLUMNS} columns. */
        public Options(EncodedLayer.Method method, int n, int m, Alpha alpha, double schedule, Pe pe,
                       boolean perChannel, boolean rtnPerGroup) {
            this(method, n, m, alpha, schedule, pe, perChannel, rtnPerGroup, ScheduleConfig.DEFAULT_ARRAY_COLUMNS);
        }

        /** The scheduler's parameters for {@link #schedule()}. */
        public ScheduleConfig scheduleConfig() {
            return new ScheduleConfig(schedule, arrayColumns, 1, 0);
        }
    }

    /**
     * An encoded layer with the reference's own reconstruction (the container must reproduce it exactly).
     *
     * @param layer          the container entry
     * @param reconstruction the reference's dequantized reconstruction, canonical order
     * @param bitsPerWeight  exact stored bits per weight (SWIS: stream bits; truncation: N + 1; RTN: k + 16 per scale)
     * @param shifts         SWIS: the mean shift count over filters; truncation / RTN: N / k
     */
    public record Result(EncodedLayer layer, double[] reconstruction, double bitsPerWeight, double shifts) {
    }

    /** The INT8 tensor a layer is decomposed from. */
    public static QuantizedTensor int8(ModelLayer l, boolean perChannel) {
        if (l.int8() != null) {
            return l.int8();
        }
        QuantizerConfig cfg = perChannel
                ? new QuantizerConfig(QuantizerConfig.Granularity.PER_CHANNEL, QuantizerConfig.MagnitudeRange.INT8)
                : QuantizerConfig.DEFAULT;
        return Quantizer.quantize(l.weights(), cfg);
    }

    public static Result encode(ModelLayer l, Options o) {
        WeightTensor w = l.weights();
        String layout = l.layout().name();
        switch (o.method()) {
            case SWIS, SWIS_C -> {
                QuantizedTensor q = int8(l, o.perChannel());
                Scheme scheme = o.method() == EncodedLayer.Method.SWIS ? Scheme.SWIS : Scheme.SWIS_C;
                DecompositionConfig cfg = new DecompositionConfig(scheme, o.m(), o.alpha());
                int[] shifts;
                if (Double.isNaN(o.schedule())) {
                    shifts = new int[q.filters()];
                    Arrays.fill(shifts, o.n());
                } else if (o.pe() == Pe.DS) {
                    shifts = FilterScheduler.scheduleDoubleShift(q, cfg, o.scheduleConfig()).shiftsPerFilter();
                } else {
                    shifts = FilterScheduler.schedule(q, cfg, o.scheduleConfig()).shiftsPerFilter();
                }
                DecomposedTensor d = Decomposer.decompose(q, cfg, shifts);
                EncodedTensor e = GroupStreamCodec.encode(d);
                EncodedLayer el = new EncodedLayer(l.name(), l.kind(), l.shape(), layout, o.method(), q.filters(),
                        q.channels(), q.kh(), q.kw(), scales(q), e, 0, 0, e.bitLength(), null);
                return new Result(el, d.reconstructed().dequantize(), e.bitsPerWeight(), d.effectiveShifts());
            }
            case TRUNC -> {
                QuantizedTensor q = int8(l, o.perChannel());
                WeightTruncation.Result t = WeightTruncation.apply(q, o.n(), WeightTruncation.WindowRule.MIN_SSE);
                BitWriter bits = new BitWriter();
                QuantizedTensor r = t.truncated();
                for (int i = 0; i < q.size(); i++) {
                    bits.write(r.negative(i) ? 1 : 0, 1);
                    bits.write(r.magnitude(i) >> t.lo(), t.n());
                }
                EncodedLayer el = new EncodedLayer(l.name(), l.kind(), l.shape(), layout, o.method(), q.filters(),
                        q.channels(), q.kh(), q.kw(), scales(q), null, t.n(), t.lo(), bits.length(), bits.toByteArray());
                return new Result(el, r.dequantize(), (double) bits.length() / q.size(), t.n());
            }
            case RTN -> {
                UniformRtn.Result r = UniformRtn.quantize(w, o.n(), o.rtnPerGroup()
                        ? UniformRtn.Granularity.PER_GROUP : UniformRtn.Granularity.PER_CHANNEL, o.m());
                BitWriter bits = new BitWriter();
                for (int level : r.levels()) {
                    bits.write(level & ((1 << o.n()) - 1), o.n());
                }
                EncodedLayer el = new EncodedLayer(l.name(), l.kind(), l.shape(), layout, o.method(), w.filters(),
                        w.channels(), w.kh(), w.kw(), r.scales(), null, o.n(), o.rtnPerGroup() ? o.m() : 0,
                        bits.length(), bits.toByteArray());
                return new Result(el, r.reconstruction(), r.bitsPerWeight(), o.n());
            }
            default -> throw new IllegalStateException("unknown method " + o.method());
        }
    }

    private static double[] scales(QuantizedTensor q) {
        double[] s = new double[q.filters()];
        for (int f = 0; f < s.length; f++) {
            s[f] = q.scale(f);
        }
        return s;
    }
}

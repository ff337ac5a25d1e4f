package org.swis.network.encode;

import org.swis.io.container.ContainerWriter;
import org.swis.io.container.EncodedLayer;
import org.swis.io.container.StreamBits;
import org.swis.io.container.SwisContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.swis.io.ProgressSink;
import org.swis.io.ImportException;
import org.swis.io.model.LayerSource;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.SwisCodes;
import org.swis.reference.baseline.UniformRtn;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.metrics.ErrorMetrics;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.Schedule;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.GroupDecomposer;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;
import org.swis.reference.tensor.FilterShape;
import org.swis.reference.tensor.Layout;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/**
 * Encodes one layer into a {@link ContainerWriter} block by block: a block is a run of whole filters
 * of about {@link #BLOCK_WEIGHTS} weights, read in canonical order from the {@link LayerSource} (a
 * memory-mapped file for .safetensors), quantized with the whole tensor's scales, encoded and
 * appended; error sums run over the weights in canonical order. The heap needed is a few blocks,
 * whatever the tensor size. What is written is byte for byte the record {@link LayerEncoder} makes
 * from the whole tensor with the reference (tested), because every rule used here is the
 * reference's own:
 * <ul>
 *   <li>INT8 scales: {@link Quantizer#scale}, {@link Quantizer#quantize(WeightTensor, double[],
 *       QuantizerConfig.MagnitudeRange)} (per tensor: one pass for the absmax first);</li>
 *   <li>SWIS / SWIS-C groups: a {@link DecomposeKernel} (the fastest one by default; every kernel
 *       equals the reference search, conformance kit), written by {@link GroupStreamCodec#writeGroup};
 *       a filter schedule from {@link GroupDecomposer#cost} summed per filter and {@link FilterScheduler};</li>
 *   <li>truncation: the window of {@link WeightTruncation#minSseWindow} over the layer's magnitude
 *       histogram (one extra pass);</li>
 *   <li>RTN: {@link UniformRtn#scale} and {@link UniformRtn#level} per filter or per group.</li>
 * </ul>
 */
public final class StreamingEncoder {
    /** Target weights per block (at least one whole filter). */
    public static final int BLOCK_WEIGHTS = 1 << 20;
    /** Tensors with more blocks than this get a progress bar. */
    private static final int PROGRESS_BLOCKS = 8;

    /**
     * What the report prints for a layer.
     *
     * @param weights       real weights
     * @param bitsPerWeight exact stored bits per weight (as {@link LayerEncoder.Result#bitsPerWeight})
     * @param shifts        SWIS: mean shift count over filters; truncation / RTN: N / k
     * @param error         error of the reconstruction against the float weights, canonical order
     */
    public record Summary(long weights, double bitsPerWeight, double shifts, ErrorMetrics error) {
    }

    private final LayerEncoder.Options options;
    private final DecomposeKernel kernel;
    private final int threads;
    private final int blockWeights;
    private final ProgressSink progress;

    /**
     * @param kernel       decomposer for SWIS / SWIS-C groups
     * @param threads      kernel threads (the output does not depend on it)
     * @param blockWeights weights per block (tests use small blocks); at least one filter is taken
     * @param progress     progress for tensors of many blocks, or null
     */
    public StreamingEncoder(LayerEncoder.Options options, DecomposeKernel kernel, int threads, int blockWeights,
                            ProgressSink progress) {
        this.options = options;
        this.kernel = kernel;
        this.threads = Math.max(1, threads);
        this.blockWeights = Math.max(1, blockWeights);
        this.progress = progress;
    }

    /** Encodes {@code l} as the next record of {@code out}. */
    public Summary encode(LayerSource l, ContainerWriter out) throws ImportException, IOException {
        try {
            return switch (options.method()) {
                case SWIS, SWIS_C -> new Layer(l, out).swis();
                case TRUNC -> new Layer(l, out).truncation();
                case RTN -> new Layer(l, out).rtn();
            };
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The state of one layer being encoded. */
    private final class Layer {
        private final LayerSource l;
        private final FilterShape d;
        private final ContainerWriter out;
        private final int per;
        private final int filtersPerBlock;
        private final int blocks;
        private final float[] floats;
        private final byte[] int8;
        private final ErrorMetrics.Accumulator error = new ErrorMetrics.Accumulator();
        private ProgressSink.Step task;

        Layer(LayerSource l, ContainerWriter out) {
            this.l = l;
            this.d = l.dims();
            this.out = out;
            this.per = d.filterSize();
            this.filtersPerBlock = Math.max(1, Math.min(d.filters(), blockWeights / per));
            this.blocks = (d.filters() + filtersPerBlock - 1) / filtersPerBlock;
            this.floats = new float[filtersPerBlock * per];
            this.int8 = l.isInt8() ? new byte[filtersPerBlock * per] : null;
        }

        private int end(int f0) {
            return Math.min(d.filters(), f0 + filtersPerBlock);
        }

        private void startProgress(int passes) {
            if (progress != null && blocks > PROGRESS_BLOCKS) {
                task = progress.start("encode " + l.name(), passes * blocks);
            }
        }

        private void step() {
            if (task != null) {
                task.step("");
            }
        }

        private void finishProgress() {
            if (task != null) {
                task.finish();
            }
        }

        /** INT8 scales: the file's for int8 input; else per tensor (one absmax pass) or per filter (filled per block). */
        private double[] int8Scales() {
            if (l.isInt8()) {
                return l.int8Scales();
            }
            double[] scales = new double[d.filters()];
            if (!options.perChannel()) {
                Arrays.fill(scales, Quantizer.scale(l.absmax(), QuantizerConfig.MagnitudeRange.INT8.max()));
            }
            return scales;
        }

        /** Reads filters [f0, f1) into {@link #floats} (and {@link #int8}). */
        private void read(int f0, int f1) throws ImportException {
            l.floats(f0, f1, floats);
            if (int8 != null) {
                l.int8(f0, f1, int8);
            }
        }

        /** The INT8 block of filters [f0, f1) after {@link #read}; per-channel scales are computed here. */
        private QuantizedTensor quantized(int f0, int f1, double[] scales) {
            int fb = f1 - f0;
            if (int8 != null) {
                return QuantizedTensor.fromInt8(l.name(), Arrays.copyOf(int8, fb * per),
                        new int[] {fb, d.kh(), d.kw(), d.channels()}, Layout.OHWI, Arrays.copyOfRange(scales, f0, f1));
            }
            WeightTensor w = block(fb);
            if (options.perChannel()) {
                // per-filter scales depend on the filter alone: the reference quantizer on the block gives them
                QuantizedTensor q = Quantizer.quantize(w, new QuantizerConfig(QuantizerConfig.Granularity.PER_CHANNEL,
                        QuantizerConfig.MagnitudeRange.INT8));
                for (int f = f0; f < f1; f++) {
                    scales[f] = q.scale(f - f0);
                }
                return q;
            }
            return Quantizer.quantize(w, Arrays.copyOfRange(scales, f0, f1), QuantizerConfig.MagnitudeRange.INT8);
        }

        /** The float weights of the {@code fb} filters last {@link #read} (WeightTensor copies them in). */
        private WeightTensor block(int fb) {
            return new WeightTensor(l.name(), fb, d.channels(), d.kh(), d.kw(),
                    fb * per == floats.length ? floats : Arrays.copyOf(floats, fb * per));
        }

        private void head(int scaleCount) throws IOException {
            SwisContainer.writeHead(out.data(), l.name(), l.kind(), l.shape(), l.layout().name(), options.method(),
                    d.filters(), d.channels(), d.kh(), d.kw());
            out.data().writeInt(scaleCount);
        }

        Summary swis() throws ImportException, IOException {
            Scheme scheme = options.method() == EncodedLayer.Method.SWIS ? Scheme.SWIS : Scheme.SWIS_C;
            DecompositionConfig cfg = new DecompositionConfig(scheme, options.m(), options.alpha());
            GroupLayout layout = new GroupLayout(options.m(), d.channels(), d.kh() * d.kw());
            int gpf = layout.groupsPerFilter();
            boolean scheduled = !Double.isNaN(options.schedule());
            startProgress(scheduled ? 2 : 1);
            double[] scales = int8Scales();
            int[] shifts = new int[d.filters()];
            if (scheduled) {
                shifts = schedule(cfg, layout, scales);
            } else {
                Arrays.fill(shifts, options.n());
            }
            long bitLength = 0;
            for (int n : shifts) {
                bitLength += GroupStreamCodec.bitsPerGroup(scheme, options.m(), n) * gpf;
            }
            int bytes = SwisContainer.byteCount(l.file(), l.name(), bitLength);
            head(d.filters());
            long scalesAt = out.reserve(8L * d.filters());
            SwisContainer.writeSwisFields(out.data(), options.m(), gpf, shifts, d.size(), bitLength);
            out.data().writeInt(bytes);
            StreamBits bits = new StreamBits(out.data());
            int m = options.m();
            int[] masks = new int[m];
            int[] slotElement = new int[gpf * m];
            for (int g = 0; g < gpf; g++) {
                for (int i = 0; i < m; i++) {
                    slotElement[g * m + i] = layout.element(g, i);
                }
            }
            int[][] magnitudeOf = new int[256][];
            double[] reconstruction = new double[floats.length];
            for (int f0 = 0; f0 < d.filters(); f0 = end(f0)) {
                int f1 = end(f0);
                read(f0, f1);
                QuantizedTensor q = quantized(f0, f1, scales);
                SwisCodes codes = kernel.decompose(q, cfg, Arrays.copyOfRange(shifts, f0, f1), threads);
                for (int g = 0; g < codes.groupCount(); g++) {
                    for (int i = 0; i < m; i++) {
                        masks[i] = codes.mask(g, i);
                    }
                    int support = codes.supportBits(g);
                    int signs = codes.signBits(g);
                    GroupStreamCodec.writeGroup(bits, scheme, support, signs, masks, m);
                    int[] magnitude = magnitudeOf[support];
                    if (magnitude == null) {
                        magnitude = new int[256];
                        for (int code = 0; code < 256; code++) {
                            magnitude[code] = SwisCodes.deposit(code, support);
                        }
                        magnitudeOf[support] = magnitude;
                    }
                    int f = g / gpf;
                    int slot0 = g % gpf * m;
                    double scale = scales[f0 + f];
                    for (int i = 0; i < m; i++) {
                        int e = slotElement[slot0 + i];
                        if (e != GroupLayout.PAD) {
                            int mag = magnitude[masks[i]];
                            reconstruction[f * per + e] = ((signs >> i & 1) != 0 ? -mag : mag) * scale;
                        }
                    }
                }
                for (int i = 0; i < (f1 - f0) * per; i++) {
                    error.add(floats[i], reconstruction[i]);
                }
                step();
            }
            checkLength(bits, bitLength, bytes);
            out.patchDoubles(scalesAt, scales, 0, scales.length);
            finishProgress();
            long sum = 0;
            for (int n : shifts) {
                sum += n;
            }
            return new Summary(d.size(), (double) bitLength / d.size(), (double) sum / shifts.length, error.result());
        }

        /** The filter schedule (paper §4.3): every filter's cost at N = 1..8 from the kernel's codes, then the scheduler. */
        private int[] schedule(DecompositionConfig cfg, GroupLayout layout, double[] scales) throws ImportException {
            long[][] cost = new long[d.filters()][SupportVector.POSITIONS + 1];
            FilterCosts costs = new FilterCosts(layout, cfg.alpha());
            for (int f0 = 0; f0 < d.filters(); f0 = end(f0)) {
                int f1 = end(f0);
                read(f0, f1);
                QuantizedTensor q = quantized(f0, f1, scales);
                for (int n = 1; n <= SupportVector.POSITIONS; n++) {
                    costs.add(cost, f0, q, kernel.decompose(q, cfg, n, threads), n);
                }
                step();
            }
            ScheduleConfig sc = options.scheduleConfig();
            double[] weight = FilterScheduler.filterWeights(scales);
            Schedule s;
            try {
                s = options.pe() == LayerEncoder.Pe.DS
                        ? FilterScheduler.scheduleDoubleShift(cost, weight, sc)
                        : FilterScheduler.schedule(cost, weight, sc);
            } catch (org.swis.reference.SwisInputException e) {
                if (!"arrayColumns".equals(e.field())) {
                    throw e;
                }
                String msg = e.getMessage();
                throw new ImportException(l.file(), "tensor '" + l.name() + "' scheduled with --array-columns",
                        msg.substring(msg.indexOf(": expected ") + ": expected ".length()), Integer.toString(sc.arrayColumns()));
            }
            return s.shiftsPerFilter();
        }

        Summary truncation() throws ImportException, IOException {
            int n = options.n();
            startProgress(2);
            double[] scales = int8Scales();
            long[] histogram = new long[QuantizedTensor.MAX_MAGNITUDE + 1];
            for (int f0 = 0; f0 < d.filters(); f0 = end(f0)) {
                int f1 = end(f0);
                read(f0, f1);
                QuantizedTensor q = quantized(f0, f1, scales);
                for (int i = 0; i < q.size(); i++) {
                    histogram[q.magnitude(i)]++;
                }
                step();
            }
            int lo = WeightTruncation.minSseWindow(histogram, n);
            long bitLength = d.size() * (n + 1);
            int bytes = SwisContainer.byteCount(l.file(), l.name(), bitLength);
            head(d.filters());
            for (double s : scales) {
                out.data().writeDouble(s);
            }
            SwisContainer.writeBitsFields(out.data(), n, lo, bitLength);
            out.data().writeInt(bytes);
            StreamBits bits = new StreamBits(out.data());
            for (int f0 = 0; f0 < d.filters(); f0 = end(f0)) {
                int f1 = end(f0);
                read(f0, f1);
                QuantizedTensor q = quantized(f0, f1, scales);
                for (int i = 0; i < q.size(); i++) {
                    int t = WeightTruncation.truncate(q.magnitude(i), lo, n);
                    bits.write(q.negative(i) ? 1 : 0, 1);
                    bits.write(t >> lo, n);
                    error.add(floats[i], (q.negative(i) ? -t : t) * scales[f0 + i / per]);
                }
                step();
            }
            checkLength(bits, bitLength, bytes);
            finishProgress();
            return new Summary(d.size(), n + 1.0, n, error.result());
        }

        Summary rtn() throws ImportException, IOException {
            int k = options.n();
            boolean perGroup = options.rtnPerGroup();
            UniformRtn.Granularity granularity = perGroup ? UniformRtn.Granularity.PER_GROUP : UniformRtn.Granularity.PER_CHANNEL;
            int perFilter = perGroup ? new GroupLayout(options.m(), d.channels(), d.taps()).groupsPerFilter() : 1;
            long scaleCount = (long) d.filters() * perFilter;
            long bitLength = d.size() * k;
            int bytes = SwisContainer.byteCount(l.file(), l.name(), bitLength);
            startProgress(1);
            head((int) scaleCount);
            long scalesAt = out.reserve(8 * scaleCount);
            SwisContainer.writeBitsFields(out.data(), k, perGroup ? options.m() : 0, bitLength);
            out.data().writeInt(bytes);
            StreamBits bits = new StreamBits(out.data());
            int mask = (1 << k) - 1;
            for (int f0 = 0; f0 < d.filters(); f0 = end(f0)) {
                int f1 = end(f0);
                read(f0, f1);
                // scale blocks never cross filters, so the reference on a block of filters is the reference on the tensor
                UniformRtn.Result r = UniformRtn.quantize(block(f1 - f0), k, granularity, options.m());
                int[] levels = r.levels();
                double[] reconstruction = r.reconstruction();
                for (int i = 0; i < levels.length; i++) {
                    bits.write(levels[i] & mask, k);
                    error.add(floats[i], reconstruction[i]);
                }
                out.patchDoubles(scalesAt + 8L * f0 * perFilter, r.scales(), 0, r.scales().length);
                step();
            }
            checkLength(bits, bitLength, bytes);
            finishProgress();
            return new Summary(d.size(), UniformRtn.bitsPerWeight(k, scaleCount, d.size()), k, error.result());
        }

        private void checkLength(StreamBits bits, long bitLength, int bytes) {
            long written = bits.finish();
            if (bits.length() != bitLength || written != bytes) {
                throw new IllegalStateException("tensor '" + l.name() + "': wrote " + bits.length() + " bits / "
                        + written + " bytes, the record says " + bitLength + " / " + bytes);
            }
        }
    }
}

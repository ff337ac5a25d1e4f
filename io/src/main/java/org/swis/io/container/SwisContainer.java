package org.swis.io.container;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.swis.io.ImportException;
import org.swis.io.WeightKind;
import org.swis.reference.SwisInputException;
import org.swis.reference.baseline.UniformRtn;
import org.swis.reference.encode.BitReader;
import org.swis.reference.encode.EncodedTensor;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;

/**
 * The {@code swis decompose -o} file (documented in cli/README.md, "Encoded model container"). All
 * integers big-endian ({@link DataOutputStream}); strings are u16 length + UTF-8 bytes.
 *
 * <pre>
 * "SWIS" magic, u16 version (1), u32 tensor count
 * per tensor:
 *   str name, str kind (conv|depthwise|linear), u8 rank, rank x u32 original shape, str layout,
 *   str method (swis|swis-c|trunc|rtn), u32 filters, u32 channels, u32 kh, u32 kw,
 *   u32 scale count, scale count x f64 scales
 *   swis / swis-c: u8 M, u32 groups per filter, filters x u8 N (shift count per filter),
 *                  u64 real weights, u64 bit length, u32 byte count, bytes (GroupStreamCodec stream)
 *   trunc:         u8 N, u8 lo, u64 bit length, u32 byte count, bytes: per weight in canonical order
 *                  1 sign bit then N bits of min(floor(u / 2^lo), 2^N - 1), LSB-first
 *   rtn:           u8 k, u8 M (0: one scale per filter; else one per SWIS group of M),
 *                  u64 bit length, u32 byte count, bytes: per weight in canonical order the level
 *                  in k-bit two's complement, LSB-first
 * </pre>
 * Reconstruction (canonical order filter, kh, kw, channel): SWIS sign * support.value(mask) * scale[f];
 * truncation sign * (field &lt;&lt; lo) * scale[f]; RTN level * scale[block].
 */
public final class SwisContainer {
    public static final byte[] MAGIC = {'S', 'W', 'I', 'S'};
    public static final int VERSION = 1;
    private static final int MAX_STRING = 4096;

    private SwisContainer() {
    }

    /** Writes the container (callers write through {@code AtomicFiles}). */
    public static void write(List<EncodedLayer> layers, OutputStream sink) throws IOException {
        DataOutputStream out = new DataOutputStream(sink);
        writeHeader(out, layers.size());
        for (EncodedLayer l : layers) {
            writeLayer(out, l);
        }
        out.flush();
    }

    /** The container header: magic, version, tensor count. */
    public static void writeHeader(DataOutputStream out, int tensors) throws IOException {
        out.write(MAGIC);
        out.writeShort(VERSION);
        out.writeInt(tensors);
    }

    /** One tensor record; a container is the header followed by its records. */
    public static void writeLayer(DataOutputStream out, EncodedLayer l) throws IOException {
        writeHead(out, l.name(), l.kind(), l.shape(), l.layout(), l.method(), l.filters(), l.channels(), l.kh(), l.kw());
        out.writeInt(l.scales().length);
        for (double s : l.scales()) {
            out.writeDouble(s);
        }
        switch (l.method()) {
            case SWIS, SWIS_C -> {
                EncodedTensor e = l.swis();
                writeSwisFields(out, e.m(), e.groupsPerFilter(), e.shiftsPerFilter(), e.realWeights(), e.bitLength());
                bytes(out, e.stream());
            }
            case TRUNC, RTN -> {
                writeBitsFields(out, l.param(), l.lo(), l.bitLength());
                bytes(out, l.payload());
            }
            default -> throw new IllegalStateException("unknown method " + l.method());
        }
    }

    /**
     * A record's fields from its name to kw; then come the u32 scale count and the f64 scales, the
     * method's fields ({@link #writeSwisFields} or {@link #writeBitsFields}), the u32 byte count and the payload.
     */
    public static void writeHead(DataOutputStream out, String name, WeightKind kind, int[] shape, String layout,
                                 EncodedLayer.Method method, int filters, int channels, int kh, int kw) throws IOException {
        str(out, name);
        str(out, kind.manifestName());
        out.writeByte(shape.length);
        for (int d : shape) {
            out.writeInt(d);
        }
        str(out, layout);
        str(out, method.id());
        out.writeInt(filters);
        out.writeInt(channels);
        out.writeInt(kh);
        out.writeInt(kw);
    }

    /** SWIS / SWIS-C fields after the scales: M, groups per filter, shift count per filter, real weights, bit length. */
    public static void writeSwisFields(DataOutputStream out, int m, int groupsPerFilter, int[] shiftsPerFilter,
                                       long realWeights, long bitLength) throws IOException {
        out.writeByte(m);
        out.writeInt(groupsPerFilter);
        for (int n : shiftsPerFilter) {
            out.writeByte(n);
        }
        out.writeLong(realWeights);
        out.writeLong(bitLength);
    }

    /** Truncation / RTN fields after the scales: N (or k), lo (or M), bit length. */
    public static void writeBitsFields(DataOutputStream out, int param, int lo, long bitLength) throws IOException {
        out.writeByte(param);
        out.writeByte(lo);
        out.writeLong(bitLength);
    }

    /**
     * The payload's u32 byte count for {@code bitLength} bits; a payload of 2^31 bytes or more does not
     * fit format {@value #VERSION} and is an {@link ImportException} naming the tensor.
     */
    public static int byteCount(String file, String tensor, long bitLength) throws ImportException {
        long n = (bitLength + 7) / 8;
        if (n > Integer.MAX_VALUE) {
            throw new ImportException(file, "tensor '" + tensor + "' size", "an encoded payload of at most "
                    + Integer.MAX_VALUE + " bytes (container format " + VERSION + ")", n + " bytes");
        }
        return (int) n;
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads and validates a container; any inconsistency is an {@link ImportException} naming the field. */
    public static List<EncodedLayer> read(Path file) throws ImportException {
        String f = file.toString();
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(f, "file", "a readable SWIS container", e.toString());
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
        String field = "magic";
        try {
            byte[] magic = new byte[4];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new ImportException(f, "magic", "\"SWIS\"", new String(magic, StandardCharsets.ISO_8859_1));
            }
            field = "version";
            int version = in.readUnsignedShort();
            if (version != VERSION) {
                throw new ImportException(f, "version", Integer.toString(VERSION), Integer.toString(version));
            }
            field = "tensor count";
            int count = in.readInt();
            if (count < 0 || count > all.length) {
                throw new ImportException(f, "tensor count", "0.." + all.length, Integer.toString(count));
            }
            List<EncodedLayer> out = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                String at = "tensor " + t;
                field = at + " name";
                String name = str(in, f, field);
                at = "tensor '" + name + "'";
                field = at + " kind";
                String kindText = str(in, f, field);
                WeightKind kind = WeightKind.parse(kindText);
                if (kind == null) {
                    throw new ImportException(f, field, "conv, depthwise or linear", kindText);
                }
                field = at + " shape";
                int rank = in.readUnsignedByte();
                if (rank != 2 && rank != 4) {
                    throw new ImportException(f, at + " rank", "2 or 4", Integer.toString(rank));
                }
                int[] shape = new int[rank];
                for (int i = 0; i < rank; i++) {
                    shape[i] = in.readInt();
                }
                field = at + " layout";
                String layout = str(in, f, field);
                field = at + " method";
                String methodText = str(in, f, field);
                EncodedLayer.Method method = EncodedLayer.Method.parse(methodText);
                if (method == null) {
                    throw new ImportException(f, field, "swis, swis-c, trunc or rtn", methodText);
                }
                field = at + " dims";
                int filters = positive(in.readInt(), f, at + " filters");
                int channels = positive(in.readInt(), f, at + " channels");
                int kh = positive(in.readInt(), f, at + " kh");
                int kw = positive(in.readInt(), f, at + " kw");
                long size = (long) filters * channels * kh * kw;
                long product = 1;
                for (int d : shape) {
                    product *= d;
                }
                if (size != product || size > Integer.MAX_VALUE) {
                    throw new ImportException(f, at + " dims", "filters x channels x kh x kw = product of shape " + product,
                            Long.toString(size));
                }
                field = at + " scales";
                int scaleCount = in.readInt();
                if (scaleCount < 1 || scaleCount > size) {
                    throw new ImportException(f, field, "1.." + size + " scales", Integer.toString(scaleCount));
                }
                double[] scales = new double[scaleCount];
                for (int i = 0; i < scaleCount; i++) {
                    scales[i] = in.readDouble();
                    if (!(scales[i] > 0) || Double.isInfinite(scales[i])) {
                        throw new ImportException(f, field + "[" + i + "]", "a finite positive scale", Double.toString(scales[i]));
                    }
                }
                if (method == EncodedLayer.Method.SWIS || method == EncodedLayer.Method.SWIS_C) {
                    if (scaleCount != filters) {
                        throw new ImportException(f, field, filters + " (one per filter)", Integer.toString(scaleCount));
                    }
                    field = at + " M";
                    int m = in.readUnsignedByte();
                    if (m < 1 || m > 32) {
                        throw new ImportException(f, field, "1..32", Integer.toString(m));
                    }
                    field = at + " groups per filter";
                    int gpf = in.readInt();
                    int expectedGroups = new GroupLayout(m, channels, kh * kw).groupsPerFilter();
                    if (gpf != expectedGroups) {
                        throw new ImportException(f, field, Integer.toString(expectedGroups), Integer.toString(gpf));
                    }
                    field = at + " shift counts";
                    int[] n = new int[filters];
                    for (int i = 0; i < filters; i++) {
                        n[i] = in.readUnsignedByte();
                        if (n[i] < 1 || n[i] > 8) {
                            throw new ImportException(f, field + "[" + i + "]", "1..8", Integer.toString(n[i]));
                        }
                    }
                    field = at + " real weights";
                    long real = in.readLong();
                    if (real != size) {
                        throw new ImportException(f, field, Long.toString(size), Long.toString(real));
                    }
                    field = at + " bit length";
                    long bitLength = in.readLong();
                    byte[] stream = payload(in, f, at, bitLength);
                    Scheme scheme = method == EncodedLayer.Method.SWIS ? Scheme.SWIS : Scheme.SWIS_C;
                    EncodedTensor e = new EncodedTensor(scheme, m, filters, gpf, n, real, bitLength, stream);
                    out.add(new EncodedLayer(name, kind, shape, layout, method, filters, channels, kh, kw, scales, e, 0, 0,
                            bitLength, null));
                } else {
                    field = at + " parameters";
                    int param = in.readUnsignedByte();
                    int lo = in.readUnsignedByte();
                    long expectedScales;
                    long expectedBits;
                    if (method == EncodedLayer.Method.TRUNC) {
                        if (param < 1 || param > 8 || lo + param > 8) {
                            throw new ImportException(f, at + " window", "N in 1..8 and lo + N <= 8", "N = " + param + ", lo = " + lo);
                        }
                        expectedScales = filters;
                        expectedBits = size * (param + 1);
                    } else {
                        if (param < 2 || param > 8 || lo > 32) {
                            throw new ImportException(f, at + " rtn", "k in 2..8 and M in 0..32", "k = " + param + ", M = " + lo);
                        }
                        expectedScales = lo == 0 ? filters : (long) filters * new GroupLayout(lo, channels, kh * kw).groupsPerFilter();
                        expectedBits = size * param;
                    }
                    if (scaleCount != expectedScales) {
                        throw new ImportException(f, at + " scales", Long.toString(expectedScales), Integer.toString(scaleCount));
                    }
                    field = at + " bit length";
                    long bitLength = in.readLong();
                    if (bitLength != expectedBits) {
                        throw new ImportException(f, field, Long.toString(expectedBits), Long.toString(bitLength));
                    }
                    byte[] payload = payload(in, f, at, bitLength);
                    out.add(new EncodedLayer(name, kind, shape, layout, method, filters, channels, kh, kw, scales, null, param, lo,
                            bitLength, payload));
                }
            }
            if (in.available() > 0) {
                throw new ImportException(f, "end of file", "no bytes after the last tensor", in.available() + " bytes");
            }
            return out;
        } catch (EOFException e) {
            throw new ImportException(f, field, "more bytes", "end of file");
        } catch (IOException e) {
            throw new ImportException(f, field, "a readable field", e.toString());
        }
    }

    private static int positive(int v, String f, String field) throws ImportException {
        if (v < 1) {
            throw new ImportException(f, field, "a positive number", Integer.toString(v));
        }
        return v;
    }

    private static String str(DataInputStream in, String f, String field) throws IOException, ImportException {
        int len = in.readUnsignedShort();
        if (len > MAX_STRING) {
            throw new ImportException(f, field, "a string of at most " + MAX_STRING + " bytes", len + " bytes");
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] payload(DataInputStream in, String f, String at, long bitLength) throws IOException, ImportException {
        int n = in.readInt();
        if (bitLength < 0 || n != (bitLength + 7) / 8) {
            throw new ImportException(f, at + " byte count", "ceil(bit length / 8) = " + ((bitLength + 7) / 8), Integer.toString(n));
        }
        if (n > in.available()) {
            throw new ImportException(f, at + " bytes", n + " bytes", in.available() + " bytes left");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** The dequantized weights of one tensor, canonical order (filter, kh, kw, channel). */
    public static double[] reconstruct(EncodedLayer l, String file) throws ImportException {
        int size = l.size();
        int per = l.channels() * l.kh() * l.kw();
        double[] out = new double[size];
        double[] scales = l.scales();
        switch (l.method()) {
            case SWIS, SWIS_C -> {
                GroupCode[] codes;
                try {
                    codes = GroupStreamCodec.decode(l.swis());
                } catch (SwisInputException e) {
                    throw new ImportException(file, "tensor '" + l.name() + "' stream " + e.field(), e.getMessage(), e.value());
                }
                GroupLayout layout = new GroupLayout(l.swis().m(), l.channels(), l.kh() * l.kw());
                int k = 0;
                for (int f = 0; f < l.filters(); f++) {
                    for (int g = 0; g < layout.groupsPerFilter(); g++) {
                        GroupCode c = codes[k++];
                        for (int i = 0; i < layout.m(); i++) {
                            int e = layout.element(g, i);
                            if (e != GroupLayout.PAD) {
                                out[f * per + e] = c.weight(i) * scales[f];
                            }
                        }
                    }
                }
            }
            case TRUNC -> {
                BitReader r = new BitReader(l.payload(), l.bitLength());
                for (int i = 0; i < size; i++) {
                    boolean negative = r.readBit();
                    int magnitude = r.read(l.param()) << l.lo();
                    out[i] = (negative ? -magnitude : magnitude) * scales[i / per];
                }
            }
            case RTN -> {
                BitReader r = new BitReader(l.payload(), l.bitLength());
                int k = l.param();
                int[] block = UniformRtn.blockOf(l.filters(), per, l.channels(), l.kh() * l.kw(),
                        l.lo() == 0 ? UniformRtn.Granularity.PER_CHANNEL : UniformRtn.Granularity.PER_GROUP, l.lo());
                for (int i = 0; i < size; i++) {
                    int raw = r.read(k);
                    int level = raw >= 1 << (k - 1) ? raw - (1 << k) : raw;
                    out[i] = level * scales[block[i]];
                }
            }
            default -> throw new IllegalStateException("unknown method " + l.method());
        }
        return out;
    }
}

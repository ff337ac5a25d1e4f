package org.swis.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.swis.reference.SwisInputException;
import org.swis.reference.json.Json;

/**
 * Streams the tensors of a {@code .safetensors} file: an 8-byte little-endian header length N, a
 * JSON header of N bytes, then the raw little-endian data section. The whole header is validated
 * before any data is touched: N within the file and at most 100 MB, every tensor with a known dtype
 * (F32, F16, BF16, I8, U8, I32), non-negative dims, {@code data_offsets [begin, end)} inside the data
 * section with {@code end - begin == product(shape) * itemsize}, and the tensors tiling the data
 * section without overlaps or gaps (as the reference safetensors implementation requires).
 * {@code __metadata__} (string to string) is allowed. Tensors are handed out in data-offset order,
 * each decoded from its own memory-mapped window(s) of the file, so files above 2 GB work and only
 * one decoded tensor is on the heap at a time.
 */
public final class SafetensorsReader implements TensorSource {
    /** The reference implementation's header limit. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** Largest window mapped at once; a tensor above it is decoded from several windows. */
    private static final long MAP_WINDOW = 1L << 30;

    /** One validated header entry. */
    record Entry(String name, DType dtype, int[] shape, long begin, long end) {
    }

    /** Random access to the file's bytes: memory-mapped for files, wrapped for in-memory input. */
    private interface Bytes {
        long size() throws IOException;

        /** Fills {@code dst} from byte {@code pos} on; a short file is an IOException. */
        void read(ByteBuffer dst, long pos) throws IOException;

        /** A read-only view of {@code len <= 2^31-1} bytes from {@code pos}. */
        ByteBuffer window(long pos, long len) throws IOException;

        void close() throws IOException;
    }

    private static Bytes of(FileChannel ch) {
        return new Bytes() {
            @Override
            public long size() throws IOException {
                return ch.size();
            }

            @Override
            public void read(ByteBuffer dst, long pos) throws IOException {
                long p = pos;
                while (dst.hasRemaining()) {
                    int r = ch.read(dst, p);
                    if (r < 0) {
                        throw new IOException("unexpected end of file at byte " + p);
                    }
                    p += r;
                }
            }

            @Override
            public ByteBuffer window(long pos, long len) throws IOException {
                return ch.map(FileChannel.MapMode.READ_ONLY, pos, len);
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    private static Bytes of(byte[] data) {
        return new Bytes() {
            @Override
            public long size() {
                return data.length;
            }

            @Override
            public void read(ByteBuffer dst, long pos) throws IOException {
                if (pos + dst.remaining() > data.length) {
                    throw new IOException("unexpected end of input at byte " + data.length);
                }
                dst.put(data, (int) pos, dst.remaining());
            }

            @Override
            public ByteBuffer window(long pos, long len) {
                return ByteBuffer.wrap(data, (int) pos, (int) len).slice().asReadOnlyBuffer();
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    private final String file;
    private final Bytes channel;
    private final long dataStart;
    private final List<Entry> entries;
    private final Map<String, String> metadata;
    private int nextIndex;

    private SafetensorsReader(String file, Bytes channel, long dataStart, List<Entry> entries,
                              Map<String, String> metadata) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    /** Opens the file and validates its whole header; no tensor data is read yet. */
    public static SafetensorsReader open(Path path) throws ImportException {
        String file = path.toString();
        Bytes ch = null;
        try {
            ch = of(FileChannel.open(path, StandardOpenOption.READ));
            SafetensorsReader r = readHeader(file, ch);
            ch = null;
            return r;
        } catch (IOException e) {
            throw new ImportException(file, "file", "a readable .safetensors file", e.toString(), e);
        } finally {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // read-only; the header error being reported matters more
                }
            }
        }
    }

    /** Reads a safetensors image held in memory (same validation; used by tests and the fuzzer). */
    static SafetensorsReader of(String file, byte[] data) throws ImportException {
        try {
            return readHeader(file, of(data));
        } catch (IOException e) {
            throw new ImportException(file, "file", "a readable .safetensors image", e.toString(), e);
        }
    }

    private static SafetensorsReader readHeader(String file, Bytes ch) throws IOException, ImportException {
        long size = ch.size();
        if (size < 8) {
            throw new ImportException(file, "header length", "8 bytes", size + " bytes (file truncated)");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(lenBuf, 0);
        long n = lenBuf.getLong(0);
        if (n < 2 || n > MAX_HEADER_BYTES || n > size - 8) {
            throw new ImportException(file, "header length",
                    "2.." + Math.min(MAX_HEADER_BYTES, Math.max(2, size - 8)) + " bytes (within the file of " + size + " bytes)",
                    Long.toUnsignedString(n));
        }
        ByteBuffer header = ByteBuffer.allocate((int) n);
        ch.read(header, 8);
        Object root;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(header.flip()).toString();
            root = Json.parseNumbers(file, text);
        } catch (CharacterCodingException | SwisInputException e) {
            throw new ImportException(file, "header", "valid JSON (UTF-8, no duplicate keys)",
                    e instanceof SwisInputException j ? j.getMessage() : "bytes that are not UTF-8", e);
        }
        if (!(root instanceof Map<?, ?> rootObject)) {
            throw new ImportException(file, "header", "a JSON object", typeOf(root));
        }
        long dataLen = size - 8 - n;
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> f : rootObject.entrySet()) {
            if (f.getKey().equals("__metadata__")) {
                readMetadata(file, f.getValue(), metadata);
            } else {
                entries.add(entry(file, (String) f.getKey(), f.getValue(), dataLen));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        for (Entry e : entries) {
            if (e.begin() != covered) {
                throw new ImportException(file, "tensor '" + e.name() + "' data_offsets",
                        "begin " + covered + " (tensors tile the data section without overlap or gap)",
                        "[" + e.begin() + ", " + e.end() + ")" + (e.begin() < covered ? " overlapping another tensor" : " leaving a gap"));
            }
            covered = e.end();
        }
        if (covered != dataLen) {
            throw new ImportException(file, "data section", covered + " bytes (the end of the last tensor)",
                    dataLen + " bytes");
        }
        return new SafetensorsReader(file, ch, 8 + n, List.copyOf(entries), Map.copyOf(metadata));
    }

    /** The JSON type of a parsed value, as named in messages (OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL). */
    private static String typeOf(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Map) {
            return "OBJECT";
        }
        if (v instanceof List) {
            return "ARRAY";
        }
        if (v instanceof String) {
            return "STRING";
        }
        return v instanceof Boolean ? "BOOLEAN" : "NUMBER";
    }

    private static void readMetadata(String file, Object m, Map<String, String> out) throws ImportException {
        if (!(m instanceof Map<?, ?> object)) {
            throw new ImportException(file, "__metadata__", "an object of strings", typeOf(m));
        }
        for (Map.Entry<?, ?> kv : object.entrySet()) {
            if (!(kv.getValue() instanceof String value)) {
                throw new ImportException(file, "__metadata__." + kv.getKey(), "a string", typeOf(kv.getValue()));
            }
            out.put((String) kv.getKey(), value);
        }
    }

    private static Entry entry(String file, String name, Object value, long dataLen) throws ImportException {
        String field = "tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> t)) {
            throw new ImportException(file, field, "an object with dtype, shape, data_offsets", typeOf(value));
        }
        for (Object k : t.keySet()) {
            if (!k.equals("dtype") && !k.equals("shape") && !k.equals("data_offsets")) {
                throw new ImportException(file, field, "only the keys dtype, shape, data_offsets", "key '" + k + "'");
            }
        }
        Object dt = t.get("dtype");
        if (!(dt instanceof String dtypeName)) {
            throw new ImportException(file, field + " dtype", "a string", dt == null ? "none" : typeOf(dt));
        }
        DType dtype = DType.fromSafetensors(dtypeName);
        if (dtype == null) {
            throw new ImportException(file, field + " dtype", "one of F32, F16, BF16, I8, U8, I32", "'" + dtypeName + "'");
        }
        long[] shape = longs(file, field + " shape", t.get("shape"), -1);
        long count = Shapes.count(shape);
        if (count < 0) {
            throw new ImportException(file, field + " shape", "dims with at most " + Shapes.MAX_ELEMENTS + " elements",
                    "[" + Shapes.format(shape).replace('x', ',') + "]");
        }
        long[] off = longs(file, field + " data_offsets", t.get("data_offsets"), 2);
        long begin = off[0];
        long end = off[1];
        if (begin > end || end > dataLen) {
            throw new ImportException(file, field + " data_offsets",
                    "0 <= begin <= end <= " + dataLen + " (data section size)", "[" + begin + ", " + end + ")");
        }
        long bytes = count * dtype.itemSize();
        if (end - begin != bytes) {
            throw new ImportException(file, field + " data_offsets",
                    bytes + " bytes for shape " + Shapes.format(shape) + " " + dtype.safetensorsName(),
                    (end - begin) + " bytes [" + begin + ", " + end + ")");
        }
        return new Entry(name, dtype, Shapes.toInts(shape), begin, end);
    }

    /** A JSON array of non-negative integers that fit a long; {@code length} -1 for any length. */
    private static long[] longs(String file, String field, Object value, int length) throws ImportException {
        if (!(value instanceof List<?> a)) {
            throw new ImportException(file, field, "an array of non-negative integers", value == null ? "none" : typeOf(value));
        }
        if (length >= 0 && a.size() != length) {
            throw new ImportException(file, field, length + " integers", a.size() + " values");
        }
        if (a.size() > Shapes.MAX_RANK) {
            throw new ImportException(file, field, "at most " + Shapes.MAX_RANK + " dims", a.size() + " values");
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = a.get(i);
            if (!(v instanceof Long l) || l < 0) {
                throw new ImportException(file, field, "non-negative integers below 2^63", String.valueOf(v));
            }
            out[i] = l;
        }
        return out;
    }

    @Override
    public String file() {
        return file;
    }

    /** The {@code __metadata__} map (empty when absent). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Names of all tensors in the order {@link #next()} returns them. */
    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.name());
        }
        return out;
    }

    /** The next tensor as a view of its memory-mapped bytes (nothing decoded yet). */
    @Override
    public TensorData nextData() throws ImportException {
        if (nextIndex >= entries.size()) {
            return null;
        }
        return mapped(entries.get(nextIndex++));
    }

    @Override
    public Tensor read(String name) throws ImportException {
        for (Entry e : entries) {
            if (e.name().equals(name)) {
                return mapped(e).load();
            }
        }
        throw new ImportException(file, "tensor '" + name + "'", "an entry in the header", "none");
    }

    private TensorData mapped(Entry e) throws ImportException {
        long item = e.dtype().itemSize();
        long window = MAP_WINDOW / item * item;
        java.util.List<ByteBuffer> windows = new ArrayList<>();
        try {
            for (long p = e.begin(); p < e.end(); p += window) {
                long len = Math.min(window, e.end() - p);
                windows.add(channel.window(dataStart + p, len));
            }
        } catch (IOException ex) {
            throw new ImportException(file, "tensor '" + e.name() + "' data", "a readable data section", ex.toString(), ex);
        }
        return new MappedTensor(file, e.name(), e.shape(), e.dtype(), windows.toArray(new ByteBuffer[0]),
                (int) (window / item), null);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only; nothing to lose
        }
    }
}

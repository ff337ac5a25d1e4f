package org.swis.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test-only writers for npy, npz and safetensors bytes, written from the format specs (not from the readers). */
public final class TestFiles {
    private TestFiles() {
    }

    /** A .npy file: magic, version, header dict padded to a multiple of 64 bytes with '\n', then data. */
    public static byte[] npy(int major, String descr, boolean fortran, int[] shape, byte[] data) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]).append(shape.length == 1 ? ",)" : i + 1 < shape.length ? ", " : ")");
        }
        if (shape.length == 0) {
            dims.append(')');
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + dims + ", }";
        return npyWithDict(major, dict, data);
    }

    /** A .npy file with a literal header dict (padded as numpy pads it). */
    public static byte[] npyWithDict(int major, String dict, byte[] data) {
        int lenBytes = major == 1 ? 2 : 4;
        int pre = 6 + 2 + lenBytes;
        StringBuilder h = new StringBuilder(dict);
        while ((pre + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] hb = h.toString().getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(pre + hb.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) hb.length);
        } else {
            b.putInt(hb.length);
        }
        b.put(hb).put(data);
        return b.array();
    }

    public static byte[] f32(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    public static byte[] i32(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    public static byte[] u16(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }

    /** An npz: each map entry becomes "<key>.npy" (already-encoded npy bytes), STORED or DEFLATED. */
    public static byte[] npz(Map<String, byte[]> arrays, boolean deflate) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                if (!deflate) {
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.getValue().length);
                    ze.setCompressedSize(e.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    ze.setCrc(crc.getValue());
                }
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /** Ordered map helper. */
    public static Map<String, byte[]> entries(Object... keyValues) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (byte[]) keyValues[i + 1]);
        }
        return m;
    }

    /** A safetensors file from a literal JSON header and the data section. */
    public static byte[] safetensors(String headerJson, byte[] data) {
        byte[] h = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        return b.array();
    }

    /** Writes bytes to a new file with the given suffix in {@code dir}. */
    public static java.nio.file.Path write(java.nio.file.Path dir, byte[] bytes, String suffix) throws IOException {
        java.nio.file.Path p = java.nio.file.Files.createTempFile(dir, "t", suffix);
        java.nio.file.Files.write(p, bytes);
        return p;
    }

    /** Every tensor of a source, in order; closes it. */
    public static java.util.List<Tensor> readAll(TensorSource source) throws ImportException {
        try (TensorSource s = source) {
            java.util.List<Tensor> out = new java.util.ArrayList<>();
            Tensor t;
            while ((t = s.next()) != null) {
                out.add(t);
            }
            if (s.next() != null) {
                throw new AssertionError("a drained source must stay drained");
            }
            return out;
        }
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}

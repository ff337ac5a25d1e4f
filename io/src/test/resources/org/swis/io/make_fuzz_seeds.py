# Writes the Jazzer seed corpora (<Test>Inputs/<method>/) for NpyFuzzTest, NpzFuzzTest and
# SafetensorsFuzzTest: valid files plus truncated files, lying headers, huge declared shapes,
# negative offsets, overlapping ranges and wrong magic. Run from this directory with numpy installed.
import io, json, os, shutil, struct, zipfile
import numpy as np

def out(d, name, data):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def npy_bytes(arr, version=None, fortran=False):
    b = io.BytesIO()
    if fortran:
        arr = np.asfortranarray(arr)
    if version is None:
        np.save(b, arr)
    else:
        np.lib.format.write_array(b, arr, version=version)
    return b.getvalue()

def npy_dict(d, data=b"", major=1):
    h = d.encode("latin1")
    pre = 10 if major == 1 else 12
    pad = (64 - (pre + len(h) + 1) % 64) % 64
    h = h + b" " * pad + b"\n"
    ln = struct.pack("<H", len(h)) if major == 1 else struct.pack("<I", len(h))
    return b"\x93NUMPY" + bytes([major, 0]) + ln + h + data

a = (np.arange(24, dtype=np.float32).reshape(2, 3, 4) * 0.5 - 3).astype(np.float32)
D = "NpyFuzzTestInputs/npy"
shutil.rmtree("NpyFuzzTestInputs", ignore_errors=True)
good = npy_bytes(a)
out(D, "valid_f4", good)
out(D, "valid_fortran", npy_bytes(a, fortran=True))
out(D, "valid_f2", npy_bytes(np.array([1, -2, 65504, 6e-8], dtype=np.float16)))
out(D, "valid_i1", npy_bytes(np.arange(-4, 4, dtype=np.int8).reshape(2, 4)))
out(D, "valid_u1", npy_bytes(np.arange(250, 256, dtype=np.uint8)))
out(D, "valid_i4", npy_bytes(np.array([-2**31, 2**31 - 1], dtype=np.int32)))
out(D, "valid_v2", npy_bytes(a, version=(2, 0)))
out(D, "valid_v3", npy_dict("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", b"\0\0\x80?", major=3))
out(D, "valid_scalar", npy_bytes(np.float32(3.5).reshape(())))
out(D, "truncated_header", good[:30])
out(D, "truncated_data", good[:-5])
out(D, "trailing_bytes", good + b"\0")
out(D, "wrong_magic", b"\x93NUMPZ" + good[6:])
out(D, "bad_version", good[:6] + b"\x09\x00" + good[8:])
out(D, "header_len_lies", good[:8] + struct.pack("<H", 60000) + good[10:])
out(D, "lying_shape", npy_dict("{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 1000), }", b"\0" * 16))
out(D, "huge_shape", npy_dict("{'descr': '<f4', 'fortran_order': False, 'shape': (2147483647, 2147483647), }", b"\0" * 16))
out(D, "huge_dim", npy_dict("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }"))
out(D, "negative_dim", npy_dict("{'descr': '<f4', 'fortran_order': False, 'shape': (-4,), }", b"\0" * 16))
out(D, "big_endian", npy_dict("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", b"\0" * 4))
out(D, "extra_key", npy_dict("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", b"\0" * 4))
out(D, "missing_key", npy_dict("{'descr': '<f4', 'shape': (1,), }", b"\0" * 4))
out(D, "not_a_tuple", npy_dict("{'descr': '<f4', 'fortran_order': False, 'shape': (4), }", b"\0" * 16))
out(D, "unterminated", npy_dict("{'descr': '<f4', 'fortran_order': False, 'shape': (1,", b""))
out(D, "empty", b"")

def npz(entries, method=zipfile.ZIP_STORED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for name, data in entries:
            with z.open(name, "w", force_zip64=True) as f:
                f.write(data)
    return b.getvalue()

D = "NpzFuzzTestInputs/npz"
shutil.rmtree("NpzFuzzTestInputs", ignore_errors=True)
i8 = npy_bytes(np.arange(-4, 4, dtype=np.int8))
stored = npz([("a.npy", good), ("b.npy", i8)])
out(D, "valid_stored", stored)
out(D, "valid_deflated", npz([("a.npy", good), ("b.npy", i8)], zipfile.ZIP_DEFLATED))
out(D, "valid_empty_archive", npz([]))
out(D, "truncated", stored[: len(stored) // 2])
out(D, "truncated_tail", stored[:-10])
out(D, "wrong_magic", b"PK\x05\x07" + stored[4:])
out(D, "not_npy_entry", npz([("readme.txt", b"hello")]))
out(D, "bad_npy_inside", npz([("a.npy", good[:-4])]))
out(D, "duplicate_names", npz([("a.npy", i8), ("a.npy", i8)]))
corrupt = bytearray(stored)
corrupt[stored.index(good) + len(good) - 1] ^= 1
out(D, "crc_mismatch", bytes(corrupt))
# Central directory claims a 4 GiB uncompressed size for the first entry.
cen = bytearray(stored)
p = cen.index(b"PK\x01\x02")
cen[p + 24:p + 28] = struct.pack("<I", 0xFFFFFFF0)
out(D, "cen_size_lies", bytes(cen))
bomb = bytearray(npz([("a.npy", good)], zipfile.ZIP_DEFLATED))
p = bomb.index(b"PK\x01\x02")
bomb[p + 24:p + 28] = struct.pack("<I", 0x7FFFFFFF)
out(D, "deflate_size_lies", bytes(bomb))
out(D, "empty", b"")

def st(header, data, raw_len=None):
    h = header if isinstance(header, bytes) else json.dumps(header, separators=(",", ":")).encode()
    n = len(h) if raw_len is None else raw_len
    return struct.pack("<Q", n) + h + data

D = "SafetensorsFuzzTestInputs/safetensors"
shutil.rmtree("SafetensorsFuzzTestInputs", ignore_errors=True)
f32 = np.array([1.5, -2], dtype="<f4").tobytes()
hdr = {"__metadata__": {"format": "pt"},
       "w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
       "h": {"dtype": "F16", "shape": [2], "data_offsets": [8, 12]},
       "b": {"dtype": "BF16", "shape": [1, 2], "data_offsets": [12, 16]},
       "q": {"dtype": "I8", "shape": [4], "data_offsets": [16, 20]}}
data = f32 + np.array([1, -2], dtype="<f2").tobytes() + bytes([0x80, 0x3F, 0x00, 0xC0]) + bytes([0x80, 0xFF, 0, 0x7F])
valid = st(hdr, data)
out(D, "valid_all_dtypes", valid)
out(D, "valid_empty", st({}, b""))
out(D, "valid_padded_header", st(json.dumps({"w": hdr["w"]}).encode() + b"      ", f32))
out(D, "truncated", valid[:-3])
out(D, "truncated_header", valid[:20])
out(D, "header_len_beyond_file", st(hdr, data, raw_len=len(valid)))
out(D, "header_len_negative", struct.pack("<q", -8) + valid[8:])
out(D, "overlapping", st({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                          "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}, f32))
out(D, "gap", st({"a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}, f32))
out(D, "negative_offset", st({"a": {"dtype": "F32", "shape": [2], "data_offsets": [-8, 0]}}, f32))
out(D, "reversed_offsets", st({"a": {"dtype": "F32", "shape": [2], "data_offsets": [8, 0]}}, f32))
out(D, "size_mismatch", st({"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}}, f32))
out(D, "huge_shape", st({"a": {"dtype": "F32", "shape": [4294967296, 4294967296], "data_offsets": [0, 8]}}, f32))
out(D, "huge_offsets", st({"a": {"dtype": "F32", "shape": [2], "data_offsets": [9223372036854775800, 9223372036854775807]}}, f32))
out(D, "unknown_dtype", st({"a": {"dtype": "F64", "shape": [1], "data_offsets": [0, 8]}}, f32))
out(D, "duplicate_key", st(b'{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}', f32))
out(D, "trailing_tokens", st(b'{} {}', b""))
out(D, "not_an_object", st(b'[1,2,3]', b""))
out(D, "metadata_not_string", st({"__metadata__": {"k": 1}}, b""))
out(D, "wrong_magic_npy", good)
out(D, "empty", b"")

# Regenerates the numpy-written fixtures used by NumpyFixturesTest (numpy 2.4.6 wrote the committed ones).
# Values are simple formulas so the test computes its expectations independently of any reader.
import numpy as np
a = (np.arange(24, dtype=np.float32).reshape(2, 3, 4) * 0.5 - 3.0).astype(np.float32)
b = np.arange(-6, 6, dtype=np.int8).reshape(3, 4)
h = np.array([1.0, -2.0, 0.5, 65504.0, 2.0 ** -24], dtype=np.float16)
np.savez("stored.npz", a=a, b=b, h=h)
np.savez_compressed("deflated.npz", a=a, b=b, h=h)
np.save("fortran.npy", np.asfortranarray(a))
np.lib.format.write_array(open("v2.npy", "wb"), a, version=(2, 0))
np.save("u8.npy", np.arange(250, 256, dtype=np.uint8))
np.save("i4.npy", np.array([-(2 ** 31), 0, 2 ** 31 - 1], dtype=np.int32))

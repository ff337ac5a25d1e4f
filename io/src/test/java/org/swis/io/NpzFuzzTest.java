package org.swis.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;

/** Fuzzes the .npz reader (zip parsing, entry sizes, CRC, npy inside). See {@link FuzzChecks}. */
class NpzFuzzTest {
    @FuzzTest(maxDuration = FuzzChecks.SHORT_RUN)
    void npz(byte[] data) throws IOException {
        try (TensorSource r = Int8Scales.pair(NpzReader.open(FuzzChecks.asFile(data, ".npz")))) {
            FuzzChecks.drain(r);
        } catch (ImportException expected) {
            if (expected.field() == null) {
                throw new AssertionError("ImportException without field", expected);
            }
        }
    }
}

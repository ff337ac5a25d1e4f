package org.swis.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Fuzzes the .npy reader: any byte string ends in an ImportException or a consistent tensor. See {@link FuzzChecks}. */
class NpyFuzzTest {
    @FuzzTest(maxDuration = FuzzChecks.SHORT_RUN)
    void npy(byte[] data) throws IOException {
        try {
            FuzzChecks.checkTensor(NpyReader.read(new ByteArrayInputStream(data), data.length, "fuzz.npy", "t", null));
        } catch (ImportException expected) {
            if (expected.getMessage() == null || expected.field() == null) {
                throw new AssertionError("ImportException without field", expected);
            }
        }
    }
}

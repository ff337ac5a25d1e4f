package org.swis.cli.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;

/** Fuzzes the .safetensors reader (header length, JSON, offsets, dtypes, mapping). See {@link FuzzChecks}. */
class SafetensorsFuzzTest {
    @FuzzTest(maxDuration = FuzzChecks.SHORT_RUN)
    void safetensors(byte[] data) throws IOException {
        try (SafetensorsReader r = SafetensorsReader.open(FuzzChecks.asFile(data, ".safetensors"))) {
            FuzzChecks.drain(r);
        } catch (ImportException expected) {
            if (expected.field() == null) {
                throw new AssertionError("ImportException without field", expected);
            }
        }
    }
}

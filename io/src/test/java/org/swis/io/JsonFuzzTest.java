package org.swis.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.swis.reference.SwisInputException;
import org.swis.reference.json.Json;

/**
 * Fuzzes the suite's JSON reader, which reads graph.json and the safetensors header
 * ({@link Json#parseNumbers}). Oracle: every document ends in a value or a
 * {@link SwisInputException} naming the offset; a document read without fractions (no
 * {@code Double} in it) reads the same in the strict integer form {@link Json#parse} and survives
 * {@link Json#write} then {@link Json#parse} unchanged; a document with a {@code Double} in it is
 * rejected by the strict form. Seeds: {@code JsonFuzzTestInputs/json/}. Long run:
 * {@code io/fuzz-long.sh 1000000 JsonFuzzTest}.
 */
class JsonFuzzTest {
    @FuzzTest(maxDuration = FuzzChecks.SHORT_RUN)
    void json(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Object v;
        try {
            v = Json.parseNumbers("fuzz.json", text);
        } catch (SwisInputException expected) {
            if (expected.field() == null || expected.expected() == null) {
                throw new AssertionError("SwisInputException without field", expected);
            }
            return;
        }
        if (hasFraction(v)) {
            try {
                Json.parse("fuzz.json", text);
            } catch (SwisInputException expected) {
                return;
            }
            throw new AssertionError("the strict form read a document with a fraction: " + text);
        }
        Object strict = Json.parse("fuzz.json", text);
        if (!Objects.equals(strict, v)) {
            throw new AssertionError("strict and lenient forms differ: " + strict + " vs " + v);
        }
        Object again = Json.parse("fuzz.json", Json.write(v));
        if (!Objects.equals(again, v)) {
            throw new AssertionError("write/parse changed the value: " + v + " -> " + again);
        }
    }

    private static boolean hasFraction(Object v) {
        if (v instanceof Double) {
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(JsonFuzzTest::hasFraction);
        }
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(JsonFuzzTest::hasFraction);
        }
        return false;
    }
}

package org.swis.reference.encode;

/**
 * Where a group stream goes: fields are appended LSB-first, stream bit k is bit {@code k % 8} of byte
 * {@code k / 8} (SPEC §4). The reference collects them in memory; a streaming writer may flush
 * every completed byte to a file.
 */
public interface BitSink {
    /** Appends the low {@code width} bits of {@code value}, least significant first (width 0..32). */
    void write(int value, int width);
}

package org.swis.io;

/**
 * Where long library work reports its progress. The library only counts units; drawing a bar or
 * printing a line is the caller's business (the CLI's {@code Progress}). Progress never changes a
 * result.
 */
public interface ProgressSink {
    /** Starts a step of {@code total} units. */
    Step start(String label, int total);

    /** One long step. */
    interface Step {
        /** One unit finished. */
        void step(String detail);

        /** The step is finished. */
        void finish();
    }
}

package org.swis.network.infer;

import org.swis.reference.SwisInputException;

/** Logits to classes (graph format {@code labels}, SPEC §13.7). */
public final class Predictions {
    private Predictions() {
    }

    /**
     * The predicted class: {@code argmax(logits) − offset}, ties to the lowest index. A NaN logit never
     * wins (it compares as neither larger nor equal).
     */
    public static int classOf(float[] logits, int offset) {
        if (logits == null || logits.length == 0) {
            throw new SwisInputException("logits", logits == null ? null : 0, "at least one logit");
        }
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best] || Float.isNaN(logits[best]) && !Float.isNaN(logits[i])) {
                best = i;
            }
        }
        return best - offset;
    }
}

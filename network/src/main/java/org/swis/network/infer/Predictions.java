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

    /**
     * The k classes of the largest logits, best first, each minus {@code offset}; the order and tie rule
     * of {@link #classOf} (ties to the lower index, a NaN logit never ahead of a number), so
     * {@code topK(l, o, 1)[0] == classOf(l, o)}.
     */
    public static int[] topK(float[] logits, int offset, int k) {
        int[] best = new int[Math.min(k, logits.length)];
        boolean[] taken = new boolean[logits.length];
        for (int j = 0; j < best.length; j++) {
            int b = -1;
            for (int i = 0; i < logits.length; i++) {
                if (!taken[i] && (b < 0 || logits[i] > logits[b] || Float.isNaN(logits[b]) && !Float.isNaN(logits[i]))) {
                    b = i;
                }
            }
            taken[b] = true;
            best[j] = b - offset;
        }
        return best;
    }
}

package org.swis.cli;

import org.swis.io.ProgressSink;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of long steps on standard error: a redrawn bar ({@code \r}) when the JVM has a console,
 * plain one-line start/finish messages otherwise (logs, CI), nothing with {@code --quiet}.
 * Progress never goes to standard output or into result files.
 */
public final class Progress implements ProgressSink {
    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;

    public Progress(PrintWriter err, boolean quiet, boolean terminal) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal;
    }

    /** Progress for a command: a bar only when a console is attached. */
    public static Progress of(SwisCommand root) {
        return new Progress(root.err(), root.quiet(), System.console() != null);
    }

    @Override
    public Task start(String label, int total) {
        return new Task(label, total);
    }

    /** One long step. */
    public final class Task implements ProgressSink.Step {
        private final String label;
        private final int total;
        private final long started = System.nanoTime();
        private int done;

        private Task(String label, int total) {
            this.label = label;
            this.total = Math.max(1, total);
            if (!quiet) {
                if (terminal) {
                    draw("");
                } else {
                    err.println(label + " ...");
                    err.flush();
                }
            }
        }

        @Override
        public void step(String detail) {
            done = Math.min(total, done + 1);
            if (!quiet && terminal) {
                draw(detail);
            }
        }

        /** The step is finished; prints its wall time. */
        @Override
        public void finish() {
            if (quiet) {
                return;
            }
            String line = String.format(Locale.ROOT, "%s: done in %.1f s", label, (System.nanoTime() - started) / 1e9);
            if (terminal) {
                err.print("\r" + line + " ".repeat(Math.max(0, 79 - line.length())) + "\n");
            } else {
                err.println(line);
            }
            err.flush();
        }

        private void draw(String detail) {
            int filled = (int) ((long) BAR * done / total);
            String text = String.format(Locale.ROOT, "%s [%s%s] %d/%d %s", label, "#".repeat(filled),
                    ".".repeat(BAR - filled), done, total, detail);
            if (text.length() > 79) {
                text = text.substring(0, 79);
            }
            err.print("\r" + text + " ".repeat(79 - text.length()));
            err.flush();
        }
    }
}

package org.pmw.cli;

import java.io.PrintWriter;
import org.pmw.app.Progress;

/** Progress on stderr, at most a few times a second, only when stderr is a terminal. */
final class ConsoleProgress implements Progress {

    private final PrintWriter err;
    private final boolean enabled;
    private long lastPrint;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
        this.enabled = System.console() != null;
    }

    @Override
    public synchronized void update(String message, double fraction) {
        if (!enabled) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastPrint < 250) {
            return;
        }
        lastPrint = now;
        String pct = fraction >= 0 ? String.format(" %3.0f%%", fraction * 100) : "";
        err.print("\r" + message + pct + "        ");
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    void done() {
        if (enabled && lastPrint > 0) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }
}

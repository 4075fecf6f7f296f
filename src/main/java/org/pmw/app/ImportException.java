package org.pmw.app;

/** An import failed or was cancelled; the project was left as it was before it. */
public final class ImportException extends Exception {

    private final boolean cancelled;

    public ImportException(String message, boolean cancelled, Throwable cause) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    public boolean cancelled() {
        return cancelled;
    }
}

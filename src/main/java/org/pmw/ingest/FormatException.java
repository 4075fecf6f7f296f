package org.pmw.ingest;

/** The file as a whole does not fit the format; the message names the file, line and what was expected. */
public final class FormatException extends RuntimeException {

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

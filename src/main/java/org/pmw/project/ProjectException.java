package org.pmw.project;

/** A project cannot be created, opened or saved; the message says why and what to do. */
public final class ProjectException extends RuntimeException {

    public ProjectException(String message) {
        super(message);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.pmw.model;

import java.util.Locale;

/** What an indexed event stands for. */
public enum EventKind {
    LOG, REQUEST, SAMPLE, CHANGE, NOTE;

    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
        return id;
    }

    public static EventKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

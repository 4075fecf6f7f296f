package org.pmw.model;

import java.util.Locale;

/** What an indexed event stands for. */
public enum EventKind {
    LOG, REQUEST, SAMPLE, CHANGE, NOTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

package org.pmw.app.investigation;

import java.util.Locale;

/** Whether evidence speaks for or against a hypothesis. */
public enum EvidenceSide {
    FOR, AGAINST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EvidenceSide fromId(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown evidence side '" + id + "' (expected for or against)");
        }
    }
}

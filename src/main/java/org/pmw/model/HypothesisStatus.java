package org.pmw.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum HypothesisStatus {
    OPEN, TESTING, SUPPORTED, REFUTED, INCONCLUSIVE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static HypothesisStatus fromId(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown hypothesis status '" + id
                    + "' (expected open, testing, supported, refuted or inconclusive)");
        }
    }
}

package org.pmw.model;

/**
 * A pointer to evidence: either one event ({@code source:line}) or a saved search (its id).
 */
public record EvidenceRef(String event, String search, String note) {

    public static EvidenceRef ofEvent(String sourceAndLine, String note) {
        return new EvidenceRef(sourceAndLine, null, note);
    }

    public static EvidenceRef ofSearch(String savedSearchId, String note) {
        return new EvidenceRef(null, savedSearchId, note);
    }
}

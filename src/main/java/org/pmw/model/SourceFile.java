package org.pmw.model;

import java.time.Instant;
import java.util.List;

/**
 * One imported evidence file, as the manifest in incident.json records it.
 *
 * @param id           short readable id used in events ({@code source:line})
 * @param name         the original file name
 * @param originalPath where it was imported from
 * @param evidencePath path of the byte-for-byte copy, relative to the project folder
 * @param category     log, loadtest or changes
 * @param year         the year given for year-less timestamps, or null
 * @param host         host name given at import, or null to take it from the data
 */
public record SourceFile(String id, String name, String originalPath, String evidencePath, long size,
                         String sha256, String format, String category, String zone, Integer year,
                         String host, long clockOffsetMs, Instant importedAt, long events, long skipped,
                         Instant first, Instant last, List<String> notes) {

    public SourceFile {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}

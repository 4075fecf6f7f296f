package org.pmw.model;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param contentSha256 for a gzip file, the SHA-256 of its decompressed content (else null: the content is the
 *                      file itself)
 * @param contentSize   for a gzip file, the length of its decompressed content, else null
 */
public record SourceFile(String id, String name, String originalPath, String evidencePath, long size,
                         String sha256, String format, String category, String zone, Integer year,
                         String host, long clockOffsetMs, Instant importedAt, long events, long skipped,
                         Instant first, Instant last, List<String> notes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String contentSha256,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long contentSize) {

    public SourceFile {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** This source read with another zone, year and clock offset. */
    public SourceFile withTiming(String zone, Integer year, long clockOffsetMs) {
        return new SourceFile(id, name, originalPath, evidencePath, size, sha256, format, category, zone, year, host,
                clockOffsetMs, importedAt, events, skipped, first, last, notes, contentSha256, contentSize);
    }

    /** This source with another first and last event time. */
    public SourceFile withSpan(Instant first, Instant last) {
        return new SourceFile(id, name, originalPath, evidencePath, size, sha256, format, category, zone, year, host,
                clockOffsetMs, importedAt, events, skipped, first, last, notes, contentSha256, contentSize);
    }

    /** What two sources with the same evidence share, whether or not one of them is compressed. */
    public String contentKey() {
        return contentSha256 != null ? contentSha256 : sha256;
    }

    /** The length of that content. */
    public long contentLength() {
        return contentSize != null ? contentSize : size;
    }
}

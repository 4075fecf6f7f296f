package org.pmw.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What the import made of one file.
 *
 * @param status imported, duplicate (same content already in the project) or refused (no format recognises it,
 *               or its format could not read it from the start; the message says which and where)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(String file, String status, String source, String format, long events, long skipped,
                           List<String> skipReasons, List<String> notes, Instant first, Instant last,
                           String message) {

    public static final String IMPORTED = "imported";
    public static final String DUPLICATE = "duplicate";
    public static final String REFUSED = "refused";
}

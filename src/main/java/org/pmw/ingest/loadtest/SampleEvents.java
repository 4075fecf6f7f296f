package org.pmw.ingest.loadtest;

import java.util.Locale;
import org.pmw.ingest.ParseContext;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/** Builds the event every load-test sample becomes, with the field names all load-test formats share. */
final class SampleEvents {

    private SampleEvents() {
    }

    /**
     * A sample event with {@code label}, {@code duration_ms}, {@code status} (a number when numeric),
     * {@code success}, {@code threads}; level info when it succeeded (or success is unknown), error when not.
     * The message reads like {@code GET /index.php 200 123 ms}.
     *
     * @param status  the response code as written, or null
     * @param success null when the source does not say
     * @param threads concurrency when the sample ran, 0 when unknown
     */
    static Event.Builder sample(ParseContext ctx, long line, long ts, String tsText, String label, double durationMs,
                                String status, Boolean success, int threads) {
        Event.Builder b = Event.builder()
                .ts(ts).tsText(tsText).source(ctx.sourceId()).line(line).host(ctx.host())
                .kind(EventKind.SAMPLE)
                .level(Boolean.FALSE.equals(success) ? Level.ERROR : Level.INFO)
                .field("label", label)
                .field("duration_ms", number(durationMs));
        Long numericStatus = Values.longOrNull(status);
        if (numericStatus != null) {
            b.field("status", numericStatus);
        } else if (status != null && !status.isBlank()) {
            b.field("response_code", status);
        }
        if (success != null) {
            b.field("success", success.toString());
        }
        if (threads > 0) {
            b.field("threads", (long) threads);
        }
        return b.message(message(label, status, durationMs));
    }

    /** "label status duration ms", e.g. {@code GET /index.php 200 123 ms}; parts the source lacks are left out. */
    static String message(String label, String status, double durationMs) {
        StringBuilder message = new StringBuilder(label == null ? "" : label);
        if (status != null && !status.isBlank()) {
            message.append(' ').append(status);
        }
        message.append(' ').append(formatMs(durationMs)).append(" ms");
        return message.toString().trim();
    }

    /** A whole number of ms as Long, a fraction as Double. */
    static Object number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return value;
    }

    static String formatMs(double ms) {
        if (ms == Math.rint(ms)) {
            return Long.toString((long) ms);
        }
        return String.format(Locale.ROOT, "%.2f", ms);
    }
}

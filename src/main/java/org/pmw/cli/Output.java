package org.pmw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** How the command line prints: JSON with stable keys and ISO-8601 UTC times, or aligned text. */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** A listing's line: text written on several lines (a pasted title) would split its record over them. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    /** The local time; in the hour repeated when clocks go back, with its offset, which tells the two apart. */
    static String local(long epochMs, ZoneId zone) {
        java.time.ZonedDateTime at = Instant.ofEpochMilli(epochMs).atZone(zone);
        String text = LOCAL.format(at);
        return zone.getRules().getValidOffsets(at.toLocalDateTime()).size() > 1 ? text + " " + at.getOffset() : text;
    }
}

package org.pmw.ingest.changes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/**
 * Turns one change record in the common schema into a {@link Change} and its searchable {@link Event}. Used
 * by the CSV and JSON formats (which differ only in how they spell the record) and by git log.
 *
 * <p>The schema: {@code id, source, kind, title, started_at, ended_at, status, environment, service, target,
 * revision, previous_revision, actor, url, ticket_ref, tags, description}; only title and started_at are
 * required. A kind outside code, config, deploy, rollback, infra, feature_flag, scaling and other is kept as
 * kind "other" with a tag {@code kind:<original>}, and the file gets a note listing such kinds: the record
 * still matters to the timeline, and nothing of what the file said is lost.
 */
final class ChangeRecords {

    static final List<String> COLUMNS = List.of("id", "source", "kind", "title", "started_at", "ended_at", "status",
            "environment", "service", "target", "revision", "previous_revision", "actor", "url", "ticket_ref",
            "tags", "description");
    static final List<String> KINDS =
            List.of("code", "config", "deploy", "rollback", "infra", "feature_flag", "scaling", "other");

    private final ParseContext ctx;
    private final ParseSink sink;
    private final Map<String, List<Long>> unknownKinds = new LinkedHashMap<>();
    private long emitted;

    ChangeRecords(ParseContext ctx, ParseSink sink) {
        this.ctx = ctx;
        this.sink = sink;
    }

    /** Schema column names: lower case, spaces and hyphens as underscores. */
    static String column(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /**
     * One record; {@code values} maps schema columns to their text (blank or absent = not given). A record
     * that breaks the schema is skipped with the reason.
     */
    void record(Map<String, String> values, long line, String raw) {
        String title = value(values, "title");
        if (title == null) {
            ctx.skip(line, "title: missing (every change needs a title)");
            return;
        }
        String startedText = value(values, "started_at");
        if (startedText == null) {
            ctx.skip(line, "started_at: missing (every change needs a start time)");
            return;
        }
        Instant started = ChangeTimes.parseIso(startedText, ctx.zone());
        if (started == null) {
            ctx.skip(line, "started_at: expected ISO-8601 time like " + ChangeTimes.ISO_EXAMPLE + ", got '"
                    + startedText + "'");
            return;
        }
        Instant ended = null;
        String endedText = value(values, "ended_at");
        if (endedText != null) {
            ended = ChangeTimes.parseIso(endedText, ctx.zone());
            if (ended == null) {
                ctx.skip(line, "ended_at: expected ISO-8601 time like " + ChangeTimes.ISO_EXAMPLE + ", got '"
                        + endedText + "'");
                return;
            }
            if (ended.isBefore(started)) {
                ctx.skip(line, "ended_at " + endedText + " is before started_at " + startedText);
                return;
            }
        }
        List<String> tags = tags(value(values, "tags"));
        String kind = kind(value(values, "kind"), line, tags);
        emit(new Change(null, kind, title, value(values, "description"), value(values, "service"),
                value(values, "target"), value(values, "environment"), started, ended, value(values, "status"),
                value(values, "actor"), value(values, "revision"), value(values, "previous_revision"),
                value(values, "url"), value(values, "ticket_ref"), tags, null, ctx.sourceId() + ":" + line,
                value(values, "id"), value(values, "source")), line, startedText, raw, Map.of());
    }

    /**
     * Hands a change and its event to the sink. The event says what changed in its message (title and the
     * first line of the description) and carries the record's parts as fields; {@code extra} adds more.
     */
    void emit(Change c, long line, String tsText, String raw, Map<String, String> extra) {
        Instant at = c.startedAt();
        String message = c.title();
        if (c.description() != null) {
            String first = c.description().strip().lines().findFirst().orElse("");
            if (!first.isBlank()) {
                message = message + " \u2014 " + first.strip();
            }
        }
        String host = ctx.host() != null ? ctx.host() : c.target();
        Event.Builder event = Event.builder()
                .ts(at.toEpochMilli())
                .micros((at.getNano() / 1000) % 1000)
                .tsText(tsText)
                .source(ctx.sourceId())
                .line(line)
                .host(host)
                .kind(EventKind.CHANGE)
                .level(Level.NOTICE)
                .message(message)
                .raw(raw)
                .field("change_kind", c.kind())
                .field("service", c.service())
                .field("target", c.target())
                .field("actor", c.actor())
                .field("revision", c.revision())
                .field("previous_revision", c.previousRevision())
                .field("change_status", c.status())
                .field("environment", c.environment())
                .field("change_id", c.externalId())
                .field("change_source", c.system())
                .field("ticket_ref", c.ticket())
                .field("url", c.url());
        if (c.endedAt() != null) {
            event.field("duration_ms", c.endedAt().toEpochMilli() - at.toEpochMilli());
        }
        if (!c.tags().isEmpty()) {
            event.field("tags", String.join(" ", c.tags()));
        }
        extra.forEach(event::field);
        sink.change(c);
        sink.event(event.build());
        emitted++;
    }

    /** Notes about the whole file, once every record has been read. */
    void finish() {
        unknownKinds.forEach((kind, lines) -> ctx.note("kind '" + kind + "' (" + lineList(lines)
                + ") is not one of " + String.join(", ", KINDS) + "; recorded as other with tag kind:" + kind));
    }

    /** A record that cannot be read at all (wrong shape), reported like any skipped line. */
    void skipped(long line, String reason) {
        ctx.skip(line, reason);
    }

    long emitted() {
        return emitted;
    }

    private String kind(String text, long line, List<String> tags) {
        if (text == null) {
            return "other";
        }
        String k = column(text);
        if (KINDS.contains(k)) {
            return k;
        }
        unknownKinds.computeIfAbsent(text.trim(), x -> new ArrayList<>()).add(line);
        tags.add("kind:" + text.trim());
        return "other";
    }

    private static String lineList(List<Long> lines) {
        String shown = lines.subList(0, Math.min(5, lines.size())).toString();
        String list = "line" + (lines.size() == 1 ? " " : "s ") + shown.substring(1, shown.length() - 1);
        return lines.size() > 5 ? list + " and " + (lines.size() - 5) + " more" : list;
    }

    /** Tags separated by ';' or ','. */
    private static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        if (text != null) {
            for (String t : text.split("[;,]")) {
                if (!t.isBlank() && !tags.contains(t.trim())) {
                    tags.add(t.trim());
                }
            }
        }
        return tags;
    }

    private static String value(Map<String, String> values, String column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}

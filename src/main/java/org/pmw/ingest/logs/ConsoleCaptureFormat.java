package org.pmw.ingest.logs;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/**
 * A copied terminal session ({@code [root@db1 ~]# free -m} and its output): each command with its output is
 * one note event, so snapshots such as {@code mysqladmin extended-status} become searchable evidence. The
 * time is the output of a {@code date} command in the session, else a {@code YYYYMMDD-HHMM} in the file name.
 */
final class ConsoleCaptureFormat implements Format {

    private static final Pattern PROMPT = Pattern.compile("^\\[([\\w.-]+)@([\\w.-]+) [^\\]]*\\][#$] ?(.*)$");
    private static final Pattern FILE_TIME = Pattern.compile("(\\d{8})[-_T]?(\\d{4})");
    private static final DateTimeFormatter DATE_OUTPUT = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy",
            Locale.ENGLISH);

    @Override
    public String name() {
        return "console_capture";
    }

    @Override
    public String description() {
        return "a copied shell session ([user@host dir]# command, then its output), one event per command";
    }

    @Override
    public String example() {
        return "[root@db1 ~]# date\nMon Oct 10 12:15:02 EDT 2005";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOG;
    }

    @Override
    public double score(Sample sample) {
        long prompts = sample.nonBlankLines().stream().filter(l -> PROMPT.matcher(l).matches()).count();
        if (prompts == 0 || !PROMPT.matcher(sample.nonBlankLines().get(0)).matches()) {
            return 0;
        }
        // A session is mostly output; a file that opens with a prompt and has several is a capture.
        return prompts >= 2 ? 0.9 : 0.6;
    }

    @Override
    public void parse(ParseInput input, ParseContext context, ParseSink sink) throws IOException {
        Long fileTime = timeFromName(input.fileName(), context.zone());
        Long sessionTime = null;
        String host = null;
        String command = null;
        long commandLine = 0;
        StringBuilder raw = null;
        boolean expectDate = false;
        java.util.List<Pending> pending = new java.util.ArrayList<>();
        try (LineReader reader = input.lines()) {
            String line;
            while ((line = reader.next()) != null) {
                Matcher prompt = PROMPT.matcher(line);
                if (prompt.matches()) {
                    if (command != null) {
                        pending.add(new Pending(commandLine, host, command, raw.toString()));
                    }
                    host = prompt.group(2);
                    command = prompt.group(3).trim();
                    commandLine = reader.lineNumber();
                    raw = new StringBuilder(line);
                    expectDate = command.equals("date");
                    continue;
                }
                if (command == null) {
                    if (!line.isBlank()) {
                        context.skip(reader.lineNumber(), "expected a shell prompt such as '[root@db1 ~]# command'");
                    }
                    continue;
                }
                raw.append('\n').append(line);
                if (expectDate && sessionTime == null) {
                    sessionTime = parseDate(line.trim(), context.zone());
                    expectDate = false;
                }
            }
        }
        if (command != null) {
            pending.add(new Pending(commandLine, host, command, raw.toString()));
        }
        Long ts = sessionTime != null ? sessionTime : fileTime;
        if (ts == null) {
            throw new FormatException(input.fileName() + ": line 1: a console capture needs its time: a 'date' command"
                    + " in the session or YYYYMMDD-HHMM in the file name");
        }
        if (sessionTime == null) {
            context.note("time taken from the file name");
        }
        for (Pending p : pending) {
            sink.event(Event.builder().ts(ts).tsText(null).source(context.sourceId()).line(p.line())
                    .host(context.host() != null ? context.host() : p.host()).kind(EventKind.NOTE).level(Level.INFO)
                    .message(p.command() + "\n" + p.raw().substring(p.raw().indexOf('\n') + 1))
                    .raw(p.raw()).field("command", p.command()).build());
        }
    }

    private record Pending(long line, String host, String command, String raw) {
    }

    private static Long parseDate(String text, ZoneId zone) {
        // `date` prints the zone's abbreviation (EDT), which is ambiguous; read the wall time in the source's zone.
        String[] parts = text.split("\\s+");
        if (parts.length == 6) {
            String withoutZone = String.join(" ", parts[0], parts[1], parts[2], parts[3], parts[5]);
            try {
                return LocalDateTime.parse(withoutZone, DATE_OUTPUT).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Long timeFromName(String name, ZoneId zone) {
        Matcher m = FILE_TIME.matcher(name);
        if (!m.find()) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.parse(m.group(1) + m.group(2), DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
            return ZonedDateTime.of(t, zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

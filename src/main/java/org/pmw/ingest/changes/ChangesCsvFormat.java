package org.pmw.ingest.changes;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;

/**
 * Change records as CSV with a header line, in the schema of {@link ChangeRecords} (columns in any order,
 * unknown columns ignored with a note). Fields may be quoted, with commas, quotes ("") and line breaks
 * inside; tags are separated by ';' or ','. Times are ISO-8601; one without an offset is in the source's zone.
 */
public final class ChangesCsvFormat implements Format {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).build();

    @Override
    public String name() {
        return "changes_csv";
    }

    @Override
    public String description() {
        return "Change records as CSV: title, started_at (required), kind, service, actor, revision, ...";
    }

    @Override
    public String example() {
        return "id,kind,title,started_at,service,actor,revision";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.CHANGES;
    }

    @Override
    public double score(Sample sample) {
        List<String> body = sample.nonBlankLines();
        if (body.isEmpty()) {
            return 0;
        }
        List<String> header;
        try {
            header = headerOf(body.get(0));
        } catch (RuntimeException e) {
            return 0;
        }
        return header.contains("title") && header.contains("started_at") ? 0.95 : 0;
    }

    private static List<String> headerOf(String line) {
        try (CSVParser parser = CSVParser.parse(line, CSV)) {
            List<String> names = new ArrayList<>();
            for (String v : parser.iterator().next()) {
                names.add(ChangeRecords.column(v));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void parse(ParseInput input, ParseContext context, ParseSink sink) throws IOException {
        String file = input.fileName();
        String text = ChangeText.read(input);
        int[] lineStarts = ChangeText.lineStarts(text);
        ChangeRecords records = new ChangeRecords(context, sink);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSV)) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                throw new FormatException(file + ": no header line; expected columns such as "
                        + String.join(",", ChangeRecords.COLUMNS));
            }
            CSVRecord headerRecord = rows.next();
            long headerLine = ChangeText.lineOf(lineStarts, firstCharOf(text, headerRecord.getCharacterPosition()));
            List<String> header = header(file, headerLine, headerRecord, context);
            List<CSVRecord> pending = new ArrayList<>();
            // each record's raw text runs to where the next one begins, so keep one record of look-ahead
            while (rows.hasNext()) {
                pending.add(rows.next());
                if (pending.size() == 2) {
                    row(text, lineStarts, header, pending.get(0), pending.get(1).getCharacterPosition(), records);
                    pending.remove(0);
                }
            }
            if (!pending.isEmpty()) {
                row(text, lineStarts, header, pending.get(0), text.length(), records);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports broken quoting this way, with "(line N)" in the message
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new FormatException(file + ": not valid CSV: " + why, e);
        }
        records.finish();
    }

    private static List<String> header(String file, long line, CSVRecord record, ParseContext context) {
        List<String> header = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String v : record) {
            String name = ChangeRecords.column(v);
            if (seen.containsKey(name) && !name.isEmpty()) {
                throw new FormatException(file + ": line " + line + ": column '" + name + "' appears twice in the header");
            }
            seen.put(name, header.size());
            header.add(name);
            if (!name.isEmpty() && !ChangeRecords.COLUMNS.contains(name)) {
                unknown.add(name);
            }
        }
        for (String required : List.of("title", "started_at")) {
            if (!seen.containsKey(required)) {
                throw new FormatException(file + ": line " + line + ": missing required column '" + required
                        + "' (the header has: " + String.join(", ", header) + ")");
            }
        }
        if (!unknown.isEmpty()) {
            context.note("columns not in the change schema were ignored: " + String.join(", ", unknown));
        }
        return header;
    }

    private static void row(String text, int[] lineStarts, List<String> header, CSVRecord record, long nextStart,
                            ChangeRecords records) {
        int start = firstCharOf(text, record.getCharacterPosition());
        long line = ChangeText.lineOf(lineStarts, start);
        String raw = text.substring(start, (int) Math.max(start, nextStart)).stripTrailing();
        if (record.size() > header.size()) {
            boolean extraValues = false;
            for (int i = header.size(); i < record.size(); i++) {
                extraValues |= !record.get(i).isBlank();
            }
            if (extraValues) {
                records.skipped(line, record.size() + " values but the header has " + header.size()
                        + " columns (quote values that contain commas)");
                return;
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
            values.put(header.get(i), record.get(i));
        }
        records.record(values, line, raw);
    }

    /** A record's position may be that of blank lines before it; its line is where its text starts. */
    private static int firstCharOf(String text, long position) {
        int p = (int) position;
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        return p;
    }
}

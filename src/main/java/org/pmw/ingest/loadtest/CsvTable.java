package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.ParseInput;

/** A CSV file with a header line, read row by row with each row's first line number. */
final class CsvTable {

    /** What is done with each row. */
    interface RowHandler {
        void row(Row row);
    }

    /** One data row: values by header name (case-insensitive), and its position in the file. */
    static final class Row {
        private final Map<String, Integer> columns;
        private final CSVRecord record;
        private final long line;

        Row(Map<String, Integer> columns, CSVRecord record, long line) {
            this.columns = columns;
            this.record = record;
            this.line = line;
        }

        long line() {
            return line;
        }

        /** The value under the header name, or null when the column or the value is absent. */
        String get(String name) {
            Integer i = columns.get(name.toLowerCase(Locale.ROOT));
            if (i == null || i >= record.size()) {
                return null;
            }
            String v = record.get(i).trim();
            return v.isEmpty() ? null : v;
        }

        boolean has(String name) {
            return columns.containsKey(name.toLowerCase(Locale.ROOT));
        }

        String raw() {
            return CSVFormat.DEFAULT.format(record.values());
        }
    }

    private CsvTable() {
    }

    /** Header names as written (in order) of the first non-empty line. */
    static List<String> header(List<String> sampleLines) {
        for (String line : sampleLines) {
            if (!line.isBlank()) {
                try (CSVParser p = CSVParser.parse(line, CSVFormat.DEFAULT)) {
                    List<CSVRecord> records = p.getRecords();
                    return records.isEmpty() ? List.of() : records.get(0).toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    /**
     * Reads the file, checks that every one of {@code required} (alternatives separated by '|') is in the header,
     * and hands each data row to the handler. Returns the header names in order.
     */
    static List<String> read(ParseInput input, String formatTitle, List<String> required, RowHandler handler)
            throws IOException {
        CSVFormat csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).build();
        try (Reader reader = new InputStreamReader(input.stream(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, csv)) {
            Map<String, Integer> columns = null;
            List<String> header = List.of();
            long nextLine = 1;
            for (CSVRecord record : parser) {
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (columns == null) {
                    header = record.toList();
                    columns = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
                    }
                    for (String need : required) {
                        boolean found = false;
                        for (String alternative : need.split("\\|")) {
                            found |= columns.containsKey(alternative.toLowerCase(Locale.ROOT));
                        }
                        if (!found) {
                            throw new FormatException(input.fileName() + ": line " + line + ": the " + formatTitle
                                    + " header has no '" + need.replace("|", "' or '") + "' column; found "
                                    + String.join(",", header));
                        }
                    }
                    continue;
                }
                handler.row(new Row(columns, record, line));
            }
            if (columns == null) {
                throw new FormatException(input.fileName() + ": line 1: empty file; expected a " + formatTitle
                        + " header");
            }
            return header;
        } catch (java.io.UncheckedIOException e) {
            throw new FormatException(input.fileName() + ": not readable as " + formatTitle + " CSV: "
                    + e.getMessage(), e);
        }
    }
}

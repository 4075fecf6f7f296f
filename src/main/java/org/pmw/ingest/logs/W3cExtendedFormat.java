package org.pmw.ingest.logs;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pmw.ingest.ParseContext;
import org.pmw.model.EventKind;

/**
 * The W3C Extended Log File Format as IIS writes it: {@code #Software}, {@code #Version}, {@code #Date} and
 * {@code #Fields} headers, then one request a line, its values in the order {@code #Fields} names them, separated by
 * spaces ({@code +} in place of a space inside a value, {@code -} for none). A {@code #Fields} header further down
 * (IIS writes the headers again when it restarts) names the columns of the lines after it; lines before any are
 * read with IIS's default fields. Times are UTC, as IIS writes them in this format whatever the server's zone
 * (IIS Advanced Logging's {@code date-local} and {@code time-local}, where no UTC time is logged, are read in the
 * source's zone, as are the times of a log whose {@code #Time Format: Local} header, as Windows Firewall writes,
 * says they are the machine's). A value in double quotes, as Advanced Logging writes text, is read without them,
 * spaces kept. Columns are fields of the names the access-log formats use ({@code client, method, path, query, status, bytes,
 * agent, referer, duration_ms}...); the level is the status's, as for an access log.
 */
final class W3cExtendedFormat extends LineLogFormat {

    /** The fields IIS 8.5 and later log by default. */
    static final List<String> IIS_DEFAULT_FIELDS = List.of("date", "time", "s-ip", "cs-method", "cs-uri-stem",
            "cs-uri-query", "s-port", "cs-username", "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status",
            "sc-substatus", "sc-win32-status", "time-taken");

    private static final List<String> DIRECTIVES = List.of("Software", "Version", "Date", "Fields", "Remark",
            "Start-Date", "End-Date", "Time Format");

    W3cExtendedFormat() {
        super("iis_w3c", "IIS / W3C extended log: columns named by #Fields, times in UTC",
                "2024-03-12 10:00:01 10.0.1.20 POST /api/checkout - 443 - 203.0.113.7 "
                        + "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)"
                        + "+Chrome/122.0.0.0+Safari/537.36 https://shop.example.com/cart 500 0 64 15032",
                false);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser(context);
    }

    /** A column as a field: the name the access-log formats give the same thing, else the W3C name made plain. */
    static String fieldName(String column) {
        switch (column.toLowerCase(Locale.ROOT)) {
            case "c-ip": return "client";
            case "cs-username": return "user";
            case "cs-method": return "method";
            case "cs-uri-stem": return "path";
            case "cs-uri-query": return "query";
            case "cs-version": return "protocol";
            case "sc-status": return "status";
            case "sc-substatus": return "substatus";
            case "sc-win32-status": return "win32_status";
            case "sc-bytes": return "bytes";
            case "cs-bytes": return "request_bytes";
            case "time-taken": case "timetakenms": return "duration_ms";
            case "s-ip": return "server_ip";
            case "s-port": return "port";
            case "s-sitename": return "site";
            case "s-computername": return "server";
            case "cs-host": case "cs(host)": return "vhost";
            case "cs(user-agent)": return "agent";
            case "cs(referer)": return "referer";
            case "cs(cookie)": return "cookie";
            case "cs(x-forwarded-for)": case "x-forwarded-for": return "forwarded_for";
            default:
                String plain = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
                return FieldValues.fieldName(plain, "w3c_");
        }
    }

    /** Fields that are text whatever they hold: a query {@code 7} or a user {@code 1001} is no number. */
    private static boolean alwaysText(String field) {
        switch (field) {
            case "client": case "user": case "method": case "path": case "query": case "protocol": case "server_ip":
            case "site": case "server": case "vhost": case "agent": case "referer": case "cookie": case "forwarded_for":
                return true;
            default:
                return false;
        }
    }

    private static final class Parser extends LineParser {

        private final ParseContext context;
        private final LocalClock utc = new LocalClock(ZoneOffset.UTC);
        private final LocalClock local;
        private final ParsedTime time = new ParsedTime();
        private final List<String> line = new ArrayList<>(32);
        private String[] columns;
        private String[] fields;
        private boolean defaultColumns;
        private boolean defaultColumnsNoted;
        /** Whether a #Time Format: Local header (Windows Firewall's) says the times are the machine's, not UTC. */
        private boolean localTimes;
        /** The date of the #Date header, for files whose lines have a time but no date column. */
        private String headerDate;

        Parser(ParseContext context) {
            this.context = context;
            this.local = new LocalClock(context.zone());
        }

        @Override
        Result read(String s, Draft d) {
            if (s.startsWith("#")) {
                return directive(s);
            }
            String[] values = values(s);
            if (columns == null) {
                if (values.length != IIS_DEFAULT_FIELDS.size()) {
                    return none("expected a #Fields: header naming the columns before the first request line");
                }
                setColumns(IIS_DEFAULT_FIELDS.toArray(new String[0]));
                defaultColumns = true;
            }
            if (values.length != columns.length) {
                return none("expected " + columns.length + " space-separated values, as "
                        + (defaultColumns ? "IIS's default fields" : "the #Fields header") + " names ("
                        + String.join(" ", columns) + "), found " + values.length);
            }
            String date = headerDate;
            String timeOfDay = null;
            String localDate = null;
            String localTime = null;
            String method = null;
            String path = null;
            String query = null;
            String protocol = null;
            long status = -1;
            String server = null;
            String vhost = null;
            for (int k = 0; k < columns.length; k++) {
                String value = values[k];
                String field = fields[k];
                if (field.equals("date")) {
                    date = value;
                    continue;
                }
                if (field.equals("time")) {
                    timeOfDay = value;
                    continue;
                }
                if (field.equals("date-local")) {
                    localDate = value;
                    continue;
                }
                if (field.equals("time-local")) {
                    localTime = value;
                    continue;
                }
                if (value.equals("-")) {
                    continue;
                }
                if (field.equals("status")) {
                    int end = Timestamps.digitRunEnd(value, 0);
                    if (end == 0 || end != value.length() || end > 4) {
                        return none("expected an HTTP status in " + columns[k] + ", found '" + value + "'");
                    }
                    status = Long.parseLong(value);
                }
                if (field.equals("agent")) {
                    value = value.replace('+', ' ');
                }
                switch (field) {
                    case "method": method = value; break;
                    case "path": path = value; break;
                    case "query": query = value; break;
                    case "protocol": protocol = value; break;
                    case "server": server = value; break;
                    case "vhost": vhost = value; break;
                    default: break;
                }
                d.field(field, alwaysText(field) ? value : FieldValues.typed(value));
            }
            // Advanced Logging's date-local and time-local are the server's time, read in the source's zone
            boolean inUtc = timeOfDay != null || localTime == null;
            if (!inUtc) {
                date = localDate != null ? localDate : date;
                timeOfDay = localTime;
            }
            if (date == null || timeOfDay == null) {
                return none("expected a date and a time (a date column or a #Date: header, and a time column)");
            }
            String stamp = date + ' ' + timeOfDay;
            if (!Timestamps.iso(stamp, 0, '-', time) || time.end != stamp.length() || time.hasOffset) {
                return none("expected 'yyyy-MM-dd HH:mm:ss' in the date and time columns, found '" + stamp + "'");
            }
            d.copyTimeFrom(time, inUtc && !localTimes ? utc : local, stamp);
            if (defaultColumns && !defaultColumnsNoted) {
                defaultColumnsNoted = true;
                context.note("no #Fields header before the first request line: read with IIS's default fields ("
                        + String.join(" ", IIS_DEFAULT_FIELDS) + ")");
            }
            d.kind = EventKind.REQUEST;
            d.host = server != null ? server : vhost;
            if (status >= 0) {
                d.level = AccessLogFormat.levelOfStatus(status);
            }
            d.message = method != null && path != null
                    ? method + ' ' + path + (query != null ? "?" + query : "") + (protocol != null ? " " + protocol : "")
                            + (status >= 0 ? " " + status : "")
                    : s.strip();
            return Result.ENTRY;
        }

        /**
         * The line's values, separated by spaces; a value in double quotes (IIS Advanced Logging quotes its text
         * values and keeps their spaces) without its quotes.
         */
        private String[] values(String s) {
            line.clear();
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                    continue;
                }
                int end = s.indexOf(' ', i);
                end = end < 0 ? n : end;
                if (c == '"') {
                    int close = s.indexOf('"', i + 1);
                    while (close > 0 && close + 1 < n && s.charAt(close + 1) != ' ') {
                        close = s.indexOf('"', close + 1);
                    }
                    if (close > 0) {
                        line.add(s.substring(i + 1, close));
                        i = close + 1;
                        continue;
                    }
                }
                line.add(s.substring(i, end).strip());
                i = end;
            }
            return line.toArray(new String[0]);
        }

        private Result directive(String s) {
            int colon = s.indexOf(':');
            String name = colon > 1 ? s.substring(1, colon) : "";
            if (!DIRECTIVES.contains(name)) {
                return none("expected a W3C directive (#Software, #Version, #Date, #Fields...) or a request line");
            }
            String value = s.substring(colon + 1).strip();
            if (name.equals("Fields")) {
                if (value.isEmpty()) {
                    return none("expected the names of the columns after #Fields:");
                }
                setColumns(value.split(" +"));
                defaultColumns = false;
            } else if (name.equals("Software") || name.equals("Version")) {
                localTimes = false; // a new set of headers, which says again if its times are local
            } else if (name.equals("Time Format")) {
                localTimes = value.equalsIgnoreCase("Local");
            } else if (name.equals("Date") && value.length() >= 10) {
                headerDate = value.substring(0, 10);
            }
            return directive();
        }

        private void setColumns(String[] names) {
            columns = names;
            fields = new String[names.length];
            for (int k = 0; k < names.length; k++) {
                String lower = names[k].toLowerCase(Locale.ROOT);
                fields[k] = lower.equals("date") || lower.equals("time") || lower.equals("date-local")
                        || lower.equals("time-local") ? lower : fieldName(names[k]);
            }
        }
    }
}

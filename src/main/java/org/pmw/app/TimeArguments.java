package org.pmw.app;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Times and durations as users type them on the command line. */
public final class TimeArguments {

    private TimeArguments() {
    }

    /**
     * ISO-8601 with an offset or Z ({@code 2005-10-10T18:00:00-04:00}); without one, in {@code zone}
     * ({@code 2005-10-10T18:00}, {@code 2005-10-10 18:00:00}, or a date alone for its midnight).
     */
    public static Instant parse(String text, ZoneId zone) {
        String t = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // not with an offset; try local forms below
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // not an instant
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read the time '" + text + "': expected ISO-8601 such as "
                    + "2005-10-10T18:00:00-04:00, 2005-10-10T22:00:00Z, or 2005-10-10 18:00 in the project's zone ("
                    + zone + ")");
        }
    }

    /**
     * An instant as {@link #parse} reads it back: {@code yyyy-MM-dd HH:mm}, with seconds when it has them, in
     * {@code zone}; empty for null. A time in the hour the clocks go back, which the zone's clock shows twice, is
     * written with its offset ({@code 2005-10-30 01:30-05:00}): without one it would read back as the first.
     */
    public static String format(Instant at, ZoneId zone) {
        if (at == null) {
            return "";
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        String text = local.format(java.time.format.DateTimeFormatter.ofPattern(
                local.getSecond() == 0 && local.getNano() == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss"));
        return zone.getRules().getValidOffsets(local).size() > 1 ? text + zone.getRules().getOffset(at).getId() : text;
    }

    /** A window written {@code FROM..TO}, each end as {@link #parse} reads it. */
    public static org.pmw.model.TimeWindow window(String text, ZoneId zone) {
        int dots = text.indexOf("..");
        if (dots <= 0) {
            throw new IllegalArgumentException("expected a window FROM..TO such as 2005-10-10T16:00..2005-10-10T18:00,"
                    + " got '" + text + "'");
        }
        return new org.pmw.model.TimeWindow(parse(text.substring(0, dots), zone), parse(text.substring(dots + 2), zone));
    }

    /** A clock offset: a signed duration ({@code -90s}, {@code +2m}, {@code 1h}), or 0 (also {@code 0s}) for none. */
    public static Duration signedDuration(String text) {
        String t = text.trim();
        if (t.matches("[+-]?0+[smhdSMHD]?")) {
            return Duration.ZERO;
        }
        boolean negative = t.startsWith("-");
        Duration magnitude = duration(negative || t.startsWith("+") ? t.substring(1) : t);
        return negative ? magnitude.negated() : magnitude;
    }

    /** {@code 30s}, {@code 1m}, {@code 10m}, {@code 1h}, {@code 1d}. */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.length() >= 2) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                if (n > 0) {
                    switch (t.charAt(t.length() - 1)) {
                        case 's': return Duration.ofSeconds(n);
                        case 'm': return Duration.ofMinutes(n);
                        case 'h': return Duration.ofHours(n);
                        case 'd': return Duration.ofDays(n);
                        default: break;
                    }
                }
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new IllegalArgumentException("cannot read the duration '" + text
                + "': expected a positive number and a unit, such as 30s, 1m, 5m, 1h or 1d");
    }
}

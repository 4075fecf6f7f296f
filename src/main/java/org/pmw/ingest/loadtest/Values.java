package org.pmw.ingest.loadtest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Number parsing shared by the load-test parsers: null (not an exception) for anything that is not a number. */
final class Values {

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(us|µs|ms|s|m|h)");

    private Values() {
    }

    static Long longOrNull(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty() || t.length() > 18) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && t.length() > 1)) {
                return null;
            }
        }
        return Long.parseLong(t);
    }

    /** A finite decimal number, or null ("N/A", "", "NaN", "abc"). */
    static Double doubleOrNull(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().replace(",", "");
        if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '.')) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** wrk-style durations ("635.91us", "0.89ms", "1.20s", "2.00m") in ms, or null. */
    static Double durationMs(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us", "µs" -> v / 1000.0;
            case "ms" -> v;
            case "s" -> v * 1000.0;
            case "m" -> v * 60_000.0;
            default -> v * 3_600_000.0;
        };
    }

    /** wrk-style counts ("56.20k", "1.2M", "812"), or null. */
    static Double count(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        double factor = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'K') {
            factor = 1e3;
        } else if (last == 'M') {
            factor = 1e6;
        } else if (last == 'G') {
            factor = 1e9;
        }
        Double v = doubleOrNull(factor == 1 ? t : t.substring(0, t.length() - 1));
        return v == null ? null : v * factor;
    }
}

package org.pmw.cli;

/** Reads {@code --clock-offset}: a signed duration such as -90s, +2m or 1h, or 0 for none. */
final class ClockOffsets {

    private ClockOffsets() {
    }

    /** The offset in milliseconds. */
    static long parse(String option) {
        String text = option.trim();
        if (text.matches("[+-]?0+[smhd]?")) {
            return 0;
        }
        boolean negative = text.startsWith("-");
        long ms = UsageException.option("--clock-offset", () -> org.pmw.app.TimeArguments.duration(
                negative || text.startsWith("+") ? text.substring(1) : text)).toMillis();
        return negative ? -ms : ms;
    }
}

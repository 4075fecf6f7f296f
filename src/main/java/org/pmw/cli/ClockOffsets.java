package org.pmw.cli;

/** Reads {@code --clock-offset}: a signed duration such as -90s, +2m or 1h, or 0 for none. */
final class ClockOffsets {

    private ClockOffsets() {
    }

    /** The offset in milliseconds. */
    static long parse(String option) {
        return UsageException.option("--clock-offset", () -> org.pmw.app.TimeArguments.signedDuration(option))
                .toMillis();
    }
}

package org.pmw.ingest.logs;

/** The fields of one timestamp as read from a line; reused from line to line to spare allocation. */
final class ParsedTime {
    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int nanos;
    int offsetSeconds;
    boolean hasOffset;
    /** Index just after the timestamp text. */
    int end;

    void clear() {
        year = month = day = hour = minute = second = nanos = offsetSeconds = end = 0;
        hasOffset = false;
    }

    void set(int year, int month, int day, int hour, int minute, int second) {
        this.year = year;
        this.month = month;
        this.day = day;
        this.hour = hour;
        this.minute = minute;
        this.second = second;
    }

    boolean valid() {
        return Timestamps.valid(year, month, day, hour, minute, second);
    }

    /** UTC epoch milliseconds: by the timestamp's own offset if it has one, else in the clock's zone. */
    long epochMilli(LocalClock clock) {
        long local = Timestamps.localSeconds(year, month, day, hour, minute, second);
        long seconds = hasOffset ? local - offsetSeconds : clock.toEpochSecond(local);
        return seconds * 1000 + nanos / 1_000_000;
    }

    /** The microseconds below the millisecond (0..999). */
    int micros() {
        return (nanos / 1000) % 1000;
    }
}

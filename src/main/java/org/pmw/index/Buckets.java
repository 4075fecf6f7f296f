package org.pmw.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where the buckets of a histogram start. Most are a fixed length from an origin; a bucket of whole days is
 * whole local days, which are 23 or 25 hours long where the clocks change.
 */
abstract sealed class Buckets {

    private static final long DAY_MILLIS = 86_400_000L;

    /** The start of the bucket that holds {@code ts}. */
    abstract long startOf(long ts);

    /** The start of the bucket after the one starting at {@code start}. */
    abstract long next(long start);

    /**
     * Buckets of {@code width} from {@code origin}; when the width is whole days and a zone is given, buckets of
     * that many local days from the local day of {@code origin}.
     */
    static Buckets of(long width, long origin, ZoneId zone) {
        if (width <= 0) {
            throw new IllegalArgumentException("bucket width must be positive");
        }
        if (zone != null && width % DAY_MILLIS == 0) {
            return new LocalDays((int) (width / DAY_MILLIS), zone, Instant.ofEpochMilli(origin).atZone(zone).toLocalDate());
        }
        return new Fixed(width, origin);
    }

    /**
     * Remembers the last bucket found: events come in time order, so nearly every lookup is the bucket before,
     * and a day bucket does not need the zone's rules once per event.
     */
    final class Cursor {
        private long start = 1;
        private long end = 0;

        long startOf(long ts) {
            if (ts < start || ts >= end) {
                start = Buckets.this.startOf(ts);
                end = next(start);
            }
            return start;
        }
    }

    Cursor cursor() {
        return new Cursor();
    }

    static final class Fixed extends Buckets {
        private final long width;
        private final long origin;

        Fixed(long width, long origin) {
            this.width = width;
            this.origin = origin;
        }

        @Override
        long startOf(long ts) {
            return origin + Math.floorDiv(ts - origin, width) * width;
        }

        @Override
        long next(long start) {
            return start + width;
        }
    }

    static final class LocalDays extends Buckets {
        private final int days;
        private final ZoneId zone;
        private final long originDay;

        LocalDays(int days, ZoneId zone, LocalDate origin) {
            this.days = days;
            this.zone = zone;
            this.originDay = origin.toEpochDay();
        }

        @Override
        long startOf(long ts) {
            long day = Instant.ofEpochMilli(ts).atZone(zone).toLocalDate().toEpochDay();
            return startOfDay(originDay + Math.floorDiv(day - originDay, days) * days);
        }

        @Override
        long next(long start) {
            long day = Instant.ofEpochMilli(start).atZone(zone).toLocalDate().toEpochDay();
            return startOfDay(day + days);
        }

        private long startOfDay(long epochDay) {
            return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant().toEpochMilli();
        }
    }
}

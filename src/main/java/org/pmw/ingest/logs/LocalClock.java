package org.pmw.ingest.logs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Turns wall-clock times of one zone into UTC. The zone's offset is looked up once per quarter hour
 * of local time (offset changes happen on the hour or half hour), so a log of millions of lines costs
 * a handful of {@link ZoneRules} calls. In a repeated hour at the end of summer time the earlier
 * (summer) offset is taken, as {@link ZoneRules#getOffset(LocalDateTime)} does.
 */
final class LocalClock {

    private static final long BUCKET_SECONDS = 900;

    private final ZoneRules rules;
    private final boolean fixed;
    private final int fixedOffset;
    private long cachedBucket = Long.MIN_VALUE;
    private int cachedOffset;

    LocalClock(ZoneId zone) {
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffset = fixed ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
    }

    /** Epoch seconds of a local time given as seconds since 1970-01-01T00:00 local. */
    long toEpochSecond(long localSeconds) {
        return localSeconds - offsetAt(localSeconds);
    }

    private int offsetAt(long localSeconds) {
        if (fixed) {
            return fixedOffset;
        }
        long bucket = Math.floorDiv(localSeconds, BUCKET_SECONDS);
        if (bucket != cachedBucket) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
            cachedOffset = rules.getOffset(local).getTotalSeconds();
            cachedBucket = bucket;
        }
        return cachedOffset;
    }
}

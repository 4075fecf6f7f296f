package org.pmw.ingest.logs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Turns wall-clock times of one zone into UTC. The zone's offset is looked up once per quarter hour
 * of local time (offset changes happen on the hour or half hour), so a log of millions of lines costs
 * a handful of {@link ZoneRules} calls. In the hour repeated at the end of summer time a log's clock goes back:
 * a time in it is read with the summer offset, as {@link ZoneRules#getOffset(LocalDateTime)} does, until the times
 * go back by more than a few minutes; from there on they are the second pass, with the winter offset. One clock
 * reads one file, in its order.
 */
final class LocalClock {

    private static final long BUCKET_SECONDS = 900;

    private final ZoneRules rules;
    private final boolean fixed;
    private final int fixedOffset;
    /** Local times going back by more than this inside a repeated hour are the clock going back, not jitter. */
    private static final long GONE_BACK_SECONDS = 600;

    private long cachedBucket = Long.MIN_VALUE;
    private int cachedOffset;
    /** The winter offset where the cached quarter hour is repeated, else the summer one. */
    private int cachedSecondPassOffset;
    /** Where the cached quarter hour is repeated, the instant (epoch seconds) the clocks went back. */
    private long cachedTransition;
    private long lastEpoch = Long.MIN_VALUE;

    LocalClock(ZoneId zone) {
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffset = fixed ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
    }

    /** Epoch seconds of a local time given as seconds since 1970-01-01T00:00 local. */
    long toEpochSecond(long localSeconds) {
        if (fixed) {
            return localSeconds - fixedOffset;
        }
        long bucket = Math.floorDiv(localSeconds, BUCKET_SECONDS);
        if (bucket != cachedBucket) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
            cachedOffset = rules.getOffset(local).getTotalSeconds();
            java.util.List<ZoneOffset> valid = rules.getValidOffsets(local);
            cachedSecondPassOffset = valid.size() == 2 ? valid.get(1).getTotalSeconds() : cachedOffset;
            java.time.zone.ZoneOffsetTransition transition = valid.size() == 2 ? rules.getTransition(local) : null;
            cachedTransition = transition == null ? Long.MAX_VALUE : transition.toEpochSecond();
            cachedBucket = bucket;
        }
        long epoch = localSeconds - cachedOffset;
        if (cachedSecondPassOffset != cachedOffset && lastEpoch != Long.MIN_VALUE) {
            long secondPass = localSeconds - cachedSecondPassOffset;
            // the clock has gone back: the time before was already past the change, or this one steps back to it
            if (lastEpoch >= cachedTransition
                    || epoch < lastEpoch - GONE_BACK_SECONDS && secondPass >= lastEpoch - GONE_BACK_SECONDS) {
                epoch = secondPass;
            }
        }
        lastEpoch = epoch;
        return epoch;
    }
}

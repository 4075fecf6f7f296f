package org.pmw.sample;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The fixed facts of the story the sample tells: when things happened, which hosts exist and the
 * concurrency thresholds of the system before and after each change. Everything else is generated.
 */
final class Story {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String SITE = "www.shop.example.com";
    static final String STAGING = "staging.shop.example.com";
    static final List<String> WEB_VMS = List.of("web1", "web2", "web3");

    /** Logs were rotated by cron.daily's logrotate on Sunday morning; the sample starts there. */
    static final ZonedDateTime LOG_START = local(2005, 10, 9, 4, 2, 0);
    /** The engineer stopped watching a little after 20:00; the logs end half an hour later. */
    static final ZonedDateTime LOG_END = local(2005, 10, 10, 20, 30, 0);
    /** Changes 1-3 pushed live. */
    static final ZonedDateTime PUSH = local(2005, 10, 10, 18, 0, 0);

    /** Site-wide concurrency past which the old system fails (busy worker slots, see TrafficModel). */
    static final int THRESHOLD_BEFORE = 70;
    static final int THRESHOLD_AFTER_CHANGES_1_2 = 110;
    static final int THRESHOLD_AFTER_CHANGE_3 = 240;

    /** Staging load tests: start of each series (ab levels follow each other a few minutes apart). */
    static final ZonedDateTime RUN1_START = local(2005, 10, 10, 13, 5, 0);
    static final ZonedDateTime JMETER_START = local(2005, 10, 10, 13, 52, 0);
    static final ZonedDateTime RUN2_START = local(2005, 10, 10, 16, 20, 0);
    static final ZonedDateTime RUN3_START = local(2005, 10, 10, 17, 22, 0);

    /** The engineer's MySQL status snapshot (H2). */
    static final ZonedDateTime MYSQL_SNAPSHOT = local(2005, 10, 10, 12, 15, 0);

    /** Web VMs are rebooted one at a time during the push; traffic goes to the others meanwhile. */
    static final List<ZonedDateTime[]> VM_REBOOTS = List.of(
            new ZonedDateTime[]{local(2005, 10, 10, 18, 0, 20), local(2005, 10, 10, 18, 2, 10)},
            new ZonedDateTime[]{local(2005, 10, 10, 18, 3, 0), local(2005, 10, 10, 18, 4, 50)},
            new ZonedDateTime[]{local(2005, 10, 10, 18, 5, 40), local(2005, 10, 10, 18, 7, 30)});

    private Story() {
    }

    static ZonedDateTime local(int y, int mo, int d, int h, int mi, int s) {
        return ZonedDateTime.of(LocalDateTime.of(y, mo, d, h, mi, s), ZONE);
    }

    static ZonedDateTime at(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(ZONE);
    }

    /** The production threshold in force at a moment. */
    static int productionThreshold(long epochSecond) {
        return epochSecond < PUSH.toEpochSecond() ? THRESHOLD_BEFORE : THRESHOLD_AFTER_CHANGE_3;
    }
}

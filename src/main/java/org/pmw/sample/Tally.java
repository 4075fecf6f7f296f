package org.pmw.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of what was written, kept while writing so the facts describe the files, not the plan. */
final class Tally {

    long requests;
    final Map<String, Long> requestsPerVm = new TreeMap<>();
    final Map<String, Long> requestsPerStatus = new TreeMap<>();
    long segfaults;
    final Map<String, Long> segfaultsPerVm = new TreeMap<>();
    final Map<String, Long> segfaultsPerHour = new TreeMap<>();
    final Map<String, Map<String, Long>> segfaultsPerHourPerVm = new TreeMap<>();
    long tooManyConnections;
    long lostConnection;
    long abortedConnections;
    long maxClientsReached;
    /** Epoch seconds of every 5xx response and every segfault: the raw material of the burst windows. */
    final List<Long> failureTimes = new ArrayList<>();
    final List<Long> segfaultTimes = new ArrayList<>();
    final List<Long> errorResponseTimes = new ArrayList<>();
    final List<Long> tooManyConnectionTimes = new ArrayList<>();
    final List<Long> abortedTimes = new ArrayList<>();
    /** MySQL's connection counter when the engineer took the status snapshot. */
    long mysqlConnectionsAtSnapshot;
    long requestsAfterPush;
    long segfaultsAfterPush;
    long connectionErrorsAfterPush;
    long responses5xxAfterPush;

    void request(String vm, int status, long epochSecond) {
        requests++;
        requestsPerVm.merge(vm, 1L, Long::sum);
        requestsPerStatus.merge(Integer.toString(status), 1L, Long::sum);
        boolean afterPush = epochSecond >= Story.PUSH.toEpochSecond();
        if (afterPush) {
            requestsAfterPush++;
        }
        if (status >= 500) {
            failureTimes.add(epochSecond);
            errorResponseTimes.add(epochSecond);
            if (afterPush) {
                responses5xxAfterPush++;
            }
        }
    }

    void segfault(String vm, long epochSecond) {
        segfaults++;
        segfaultsPerVm.merge(vm, 1L, Long::sum);
        String hour = hourKey(epochSecond);
        segfaultsPerHour.merge(hour, 1L, Long::sum);
        segfaultsPerHourPerVm.computeIfAbsent(vm, k -> new TreeMap<>()).merge(hour, 1L, Long::sum);
        failureTimes.add(epochSecond);
        segfaultTimes.add(epochSecond);
        if (epochSecond >= Story.PUSH.toEpochSecond()) {
            segfaultsAfterPush++;
        }
    }

    void connectionError(boolean tooMany, long epochSecond) {
        if (tooMany) {
            tooManyConnections++;
            tooManyConnectionTimes.add(epochSecond);
        } else {
            lostConnection++;
        }
        if (epochSecond >= Story.PUSH.toEpochSecond()) {
            connectionErrorsAfterPush++;
        }
    }

    long responses(int from, int to) {
        long n = 0;
        for (Map.Entry<String, Long> e : requestsPerStatus.entrySet()) {
            int status = Integer.parseInt(e.getKey());
            if (status >= from && status <= to) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Local hour, e.g. {@code 2005-10-10T14:00-04:00}. */
    static String hourKey(long epochSecond) {
        String iso = TimeFormats.iso(epochSecond - Math.floorMod(epochSecond, 3600));
        return iso.substring(0, 16) + iso.substring(19);
    }
}

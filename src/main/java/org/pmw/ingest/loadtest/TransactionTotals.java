package org.pmw.ingest.loadtest;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells a JMeter Transaction Controller's total row from a request. By default the controller writes its
 * samples and then a row totalling them ("Number of samples in transaction : 2, ..."): counted beside them it
 * would count every request twice and each failure twice. With "Generate parent sample" the transaction is the
 * only row of its requests, and counts. A thread runs one sample at a time and writes a total after its
 * samples, so a total whose thread last wrote a sample that started at or after the transaction's start is a
 * total of samples already counted. The end of the transaction is no guide: its elapsed leaves out the pauses
 * of timers inside it (JMeter writes them as IdleTime), and the samples after a pause start past it.
 */
final class TransactionTotals {

    static final String MESSAGE_PREFIX = "Number of samples in transaction";

    /** Per thread, the start of the latest sample that is not a transaction. */
    private final Map<String, Long> latestRequestStart = new HashMap<>();

    /** True when this sample is a transaction total whose samples were written (and counted) before it. */
    boolean repeatsItsSamples(JMeterSample s) {
        String thread = s.threadName == null ? "" : s.threadName;
        boolean transaction = s.responseMessage != null && s.responseMessage.startsWith(MESSAGE_PREFIX);
        if (!transaction) {
            if (!s.subResult) {
                latestRequestStart.put(thread, s.ts);
            }
            return false;
        }
        Long latest = latestRequestStart.get(thread);
        return latest != null && latest >= s.ts;
    }
}

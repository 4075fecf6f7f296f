package org.pmw.ingest.loadtest;

import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseSink;

/**
 * One JMeter sample as read from a JTL file (CSV or XML), before it becomes an event. Mutable, reused by the
 * parser for each sample; null or -1 where the file does not have the column or attribute.
 */
final class JMeterSample {

    long line;
    String tsText;
    long ts;
    long elapsed;
    String label;
    String responseCode;
    String responseMessage;
    String threadName;
    Boolean success;
    String failureMessage;
    long bytes = -1;
    long sentBytes = -1;
    int groupThreads;
    int allThreads;
    String url;
    long latency = -1;
    long idle = -1;
    long connect = -1;
    String raw;
    /** Sub-results (embedded resources, redirects) are events but not counted in the steps. */
    boolean subResult;
    /** Why this sample cannot be used, or null. */
    String skipReason;

    void reset() {
        tsText = null;
        label = null;
        responseCode = null;
        responseMessage = null;
        threadName = null;
        success = null;
        failureMessage = null;
        url = null;
        raw = null;
        bytes = sentBytes = latency = idle = connect = -1;
        groupThreads = allThreads = 0;
        subResult = false;
    }

    /** The concurrency the sample ran at: all threads of the test, else its thread group's. */
    int concurrency() {
        return allThreads > 0 ? allThreads : groupThreads;
    }

    /** When the file has no success flag, a 2xx or 3xx response code counts as success. */
    boolean succeeded() {
        if (success != null) {
            return success;
        }
        Long code = Values.longOrNull(responseCode);
        return code == null || (code >= 200 && code < 400);
    }

    void emit(ParseContext ctx, ParseSink sink, StepAggregator steps, TransactionTotals transactions) {
        boolean total = transactions.repeatsItsSamples(this);
        var b = SampleEvents.sample(ctx, line, ts, tsText, label, elapsed, responseCode, succeeded(), concurrency());
        if (allThreads > 0 && groupThreads > 0) {
            b.field("group_threads", (long) groupThreads);
        }
        if (bytes >= 0) {
            b.field("bytes", bytes);
        }
        if (sentBytes >= 0) {
            b.field("sent_bytes", sentBytes);
        }
        if (latency >= 0) {
            b.field("latency_ms", latency);
        }
        if (connect >= 0) {
            b.field("connect_ms", connect);
        }
        if (idle >= 0) {
            b.field("idle_ms", idle);
        }
        b.field("thread_name", blankToNull(threadName));
        b.field("url", blankToNull(url));
        b.field("response_message", blankToNull(responseMessage));
        b.field("failure_message", blankToNull(failureMessage));
        if (subResult) {
            b.field("sub_result", "true");
        }
        if (total) {
            b.field("transaction_total", "true");
        }
        if (!succeeded() && failureMessage != null && !failureMessage.isBlank()) {
            b.message(SampleEvents.message(label, responseCode, elapsed) + ": " + failureMessage);
        }
        b.raw(raw);
        sink.event(b.build());
        if (!subResult && !total) {
            steps.add(concurrency(), ts, elapsed, succeeded());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

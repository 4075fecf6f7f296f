package org.pmw.ingest.loadtest;

import java.util.List;
import org.pmw.ingest.Format;

/** The built-in load-test formats. */
public final class LoadTestFormats {

    private LoadTestFormats() {
    }

    public static List<Format> all() {
        return List.of(new JMeterCsvFormat(), new JMeterXmlFormat(), new K6JsonFormat(), new K6SummaryFormat(),
                new GatlingLogFormat(), new LocustStatsFormat(), new LocustHistoryFormat(), new ApacheBenchFormat(),
                new ApacheBenchTsvFormat(), new WrkFormat(), new SummaryCsvFormat());
    }
}

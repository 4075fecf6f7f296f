package org.pmw.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.pmw.analysis.loadtest.RunAnalysis;
import org.pmw.analysis.outcome.OutcomeResult;
import org.pmw.analysis.timeline.TimelineItem;
import org.pmw.model.Event;
import org.pmw.model.Incident;
import org.pmw.model.LaneDensity;

/**
 * Everything a report is made of: the investigation, and the figures the app layer measured against the index
 * for it (so the report itself never touches the index).
 *
 * @param projectName how the project folder is named in the commands a reader can re-run
 * @param outcomes    each outcome's measured result, by outcome id
 * @param runs        each load-test run's analysis, by run id
 * @param overview    event density per source over the incident window, for the overview chart
 * @param events      the events quoted as evidence or bookmarked, by {@code source:line}
 */
public record ReportData(Incident incident, ZoneId zone, String projectName, Instant generatedAt,
                         Map<String, OutcomeResult> outcomes, Map<String, RunAnalysis> runs, LaneDensity overview,
                         List<String> overviewLanes, List<TimelineItem> timeline, Map<String, Event> events) {
}

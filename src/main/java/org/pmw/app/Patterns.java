package org.pmw.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pmw.analysis.patterns.ChangeCorrelation;
import org.pmw.analysis.patterns.ChangeCorrelationScore;
import org.pmw.analysis.patterns.DisappearanceScore;
import org.pmw.analysis.patterns.OnsetAnalysis;
import org.pmw.analysis.patterns.OnsetScore;
import org.pmw.analysis.patterns.PatternAssign;
import org.pmw.analysis.patterns.PatternSeries;
import org.pmw.model.TermSeries;
import org.pmw.model.TimeWindow;

/** The log-pattern use cases: which templates the matching events have, and which appear or vanish. */
public final class Patterns {

    private Patterns() {
    }

    /** One template with its count among the matching events and its counts per bucket. */
    public record Row(String id, String template, long count, Instant firstSeen, Instant lastSeen, long[] series) {
    }

    /** Patterns of the events matching {@code query} in [from, to), most frequent first. */
    public static List<Row> list(Project project, String query, Instant from, Instant to, long bucketMillis)
            throws IOException {
        TermSeries series = project.termSeries("pattern", query, from, to, bucketMillis);
        Map<String, org.pmw.analysis.patterns.PatternInfo> infos = new HashMap<>();
        project.minedPatterns().forEach(p -> infos.put(p.id(), p));
        List<Row> rows = new ArrayList<>();
        series.totals().forEach((id, count) -> {
            var info = infos.get(id);
            long[] counts = series.series().getOrDefault(id, new long[series.buckets()]);
            long[] span = series.spans().get(id);
            Instant first = span == null ? null : Instant.ofEpochMilli(span[0]);
            Instant last = span == null ? null : Instant.ofEpochMilli(span[1]);
            rows.add(new Row(id, info == null ? "?" : info.template(), count, first, last, counts));
        });
        rows.sort(Comparator.comparingLong(Row::count).reversed().thenComparing(Row::id));
        return rows;
    }

    /** A pattern that is new or more frequent in the window than in the baseline; ratio of shares of all events. */
    public record Onset(String id, String template, long baselineCount, long windowCount, double baselineRate,
                        double windowRate, double ratio, double pValue, boolean isNew, boolean spiking) {
    }

    /** A pattern that vanished or dropped in the window compared with the baseline. */
    public record Drop(String id, String template, long beforeCount, long afterCount, double beforeRate,
                       double afterRate, double pValue, boolean gone, boolean dropped) {
    }

    public record Comparison(TimeWindow baseline, TimeWindow window, List<Onset> onsets, List<Drop> drops) {
    }

    /**
     * Ranks patterns by how new or how much more frequent they are in {@code window} than in {@code baseline}
     * (exact conditional test for two Poisson rates), and the reverse: patterns that disappeared. Each pattern
     * is compared by its share of all matching events, not its raw rate: at a traffic peak every request
     * pattern doubles, and only what grows beyond the traffic is news. The rates shown are per minute.
     */
    public static Comparison compare(Project project, String query, TimeWindow baseline, TimeWindow window)
            throws IOException {
        Map<String, Long> before = project.termSeries("pattern", query, baseline.start(), baseline.end(),
                baseline.duration().toMillis()).totals();
        Map<String, Long> during = project.termSeries("pattern", query, window.start(), window.end(),
                window.duration().toMillis()).totals();
        double baselineMinutes = baseline.duration().toMillis() / 60_000.0;
        double windowMinutes = window.duration().toMillis() / 60_000.0;
        double baselineVolume = Math.max(1, before.values().stream().mapToLong(Long::longValue).sum());
        double windowVolume = Math.max(1, during.values().stream().mapToLong(Long::longValue).sum());
        List<Onset> onsets = new ArrayList<>();
        for (OnsetScore s : OnsetAnalysis.rank(before, baselineVolume, during, windowVolume)) {
            onsets.add(new Onset(s.patternId(), project.patternTemplate(s.patternId()), s.baselineCount(),
                    s.windowCount(), s.baselineCount() / baselineMinutes, s.windowCount() / windowMinutes, s.ratio(),
                    s.pValue(), s.isNew(), s.spiking()));
        }
        List<Drop> drops = new ArrayList<>();
        for (DisappearanceScore s : OnsetAnalysis.disappeared(before, baselineVolume, during, windowVolume)) {
            drops.add(new Drop(s.patternId(), project.patternTemplate(s.patternId()), s.beforeCount(), s.afterCount(),
                    s.beforeCount() / baselineMinutes, s.afterCount() / windowMinutes, s.pValue(), s.gone(),
                    s.dropped()));
        }
        return new Comparison(baseline, window, onsets, drops);
    }

    /** A change record ranked by how closely a pattern surge follows it. */
    public record ChangeSurge(String changeId, Instant changeTime, double score, String patternId, String template,
                              double pValue, long delayMillis, List<String> surging) {
    }

    /** Ranks the project's change records by how closely a surge of some pattern follows each. */
    public static List<ChangeSurge> changeCorrelation(Project project, String query, long bucketMillis)
            throws IOException {
        TermSeries series = project.termSeries("pattern", query, null, null, bucketMillis);
        List<PatternSeries> patternSeries = new ArrayList<>();
        series.series().forEach((id, counts) -> patternSeries.add(
                new PatternSeries(id, series.start(), series.bucketMillis(), counts)));
        List<ChangeSurge> out = new ArrayList<>();
        for (ChangeCorrelationScore s : ChangeCorrelation.rank(project.incident().getChanges(), patternSeries,
                Duration.ofMinutes(15), Duration.ofMinutes(60))) {
            out.add(new ChangeSurge(s.changeId(), s.changeTime() == null ? null : s.changeTime(), s.score(),
                    s.patternId(), s.patternId() == null ? null : project.patternTemplate(s.patternId()), s.pValue(),
                    s.delayMillis(), s.surging()));
        }
        return out;
    }

    /** Stand-alone mode: one message per line in, {@code <pattern id><TAB><template>} per line out. */
    public static void assign(Reader in, Writer out) throws IOException {
        PatternAssign.run(in, out);
    }
}

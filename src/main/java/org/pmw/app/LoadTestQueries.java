package org.pmw.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pmw.analysis.loadtest.LoadTestAnalysis;
import org.pmw.analysis.loadtest.LoadTestReport;
import org.pmw.analysis.loadtest.RunAnalysis;
import org.pmw.analysis.loadtest.RunComparison;
import org.pmw.analysis.loadtest.StepResult;
import org.pmw.model.LoadTestRun;

/** The load-test use cases of the command line: analyse the project's runs, one run, or compare two. */
public final class LoadTestQueries {

    private LoadTestQueries() {
    }

    /** The analysis of the runs (all, or the one with {@code runId}), ready to print as JSON. */
    public static Object analysis(Project project, String runId) {
        return LoadTestAnalysis.analyseAll(runs(project, runId));
    }

    /** The same, as readable text: a table of steps and the saturation summary per run. */
    public static String text(Project project, String runId) {
        LoadTestReport report = LoadTestAnalysis.analyseAll(runs(project, runId));
        StringBuilder sb = new StringBuilder();
        for (RunAnalysis run : report.runs()) {
            sb.append(run.id()).append("  ").append(run.name()).append("  (").append(run.format()).append(")\n");
            sb.append(String.format(Locale.ROOT, "  %8s %10s %9s %9s %9s %9s %7s%n", "N", "req/s", "p50 ms", "p95 ms",
                    "p99 ms", "errors", "apdex"));
            for (StepResult s : run.steps()) {
                sb.append(String.format(Locale.ROOT, "  %8d %10s %9s %9s %9s %8s%% %7s%n", s.concurrency(),
                        num(s.throughput(), 1), num(s.p50Ms(), 0), num(s.p95Ms(), 0), num(s.p99Ms(), 0),
                        num(s.errorRate() == null ? null : s.errorRate() * 100, 1), num(s.apdex(), 2)));
            }
            if (run.saturation().summary() != null) {
                sb.append("  ").append(run.saturation().summary()).append('\n');
            }
            // the summary gives the reason itself when it has a step to speak of
            String refused = run.saturation().uslRefused();
            if (refused != null && (run.saturation().summary() == null
                    || !run.saturation().summary().contains(refused))) {
                sb.append("  No USL fit: ").append(run.saturation().uslRefused()).append('\n');
            }
            sb.append('\n');
        }
        if (report.runs().isEmpty()) {
            sb.append("The project has no load-test runs; import JMeter, k6, Gatling, Locust, ab or wrk results.\n");
        }
        return sb.toString();
    }

    /** Step-by-step comparison of two runs (e.g. before and after a change), ready to print as JSON. */
    public static Object compare(Project project, String beforeId, String afterId) {
        return RunComparison.compare(run(project, beforeId), run(project, afterId));
    }

    /** The comparison as a table: each concurrency level's throughput, p99 and error rate, before and after. */
    public static String compareText(Project project, String beforeId, String afterId) {
        RunComparison c = RunComparison.compare(run(project, beforeId), run(project, afterId));
        StringBuilder sb = new StringBuilder();
        sb.append(c.before()).append(" before, ").append(c.after()).append(" after\n");
        sb.append(String.format(java.util.Locale.ROOT, "%8s  %21s  %21s  %17s%n", "N", "req/s before → after",
                "p99 ms before → after", "errors before → after"));
        for (RunComparison.StepDelta d : c.steps()) {
            sb.append(String.format(java.util.Locale.ROOT, "%8d  %9s → %-9s  %9s → %-9s  %7s → %-7s%n",
                    d.concurrency(), num(d.throughputBefore(), 1), num(d.throughputAfter(), 1),
                    num(d.p99Before(), 0), num(d.p99After(), 0), percent(d.errorRateBefore()),
                    percent(d.errorRateAfter())));
        }
        if (!c.onlyBefore().isEmpty()) {
            sb.append("Only in ").append(c.before()).append(": N=").append(joined(c.onlyBefore())).append('\n');
        }
        if (!c.onlyAfter().isEmpty()) {
            sb.append("Only in ").append(c.after()).append(": N=").append(joined(c.onlyAfter())).append('\n');
        }
        return sb.toString();
    }

    private static String percent(Double rate) {
        return rate == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String joined(List<Integer> levels) {
        return String.join(", ", levels.stream().map(String::valueOf).toList());
    }

    private static List<LoadTestRun> runs(Project project, String runId) {
        if (runId == null) {
            return project.incident().getLoadTestRuns();
        }
        return List.of(run(project, runId));
    }

    private static LoadTestRun run(Project project, String id) {
        List<String> known = new ArrayList<>();
        for (LoadTestRun r : project.incident().getLoadTestRuns()) {
            if (r.id().equals(id)) {
                return r;
            }
            known.add(r.id());
        }
        throw new IllegalArgumentException("no load-test run " + id + " (known: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
    }

    private static String num(Double d, int decimals) {
        return d == null || d.isNaN() ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", d);
    }
}

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
            if (run.saturation().uslRefused() != null) {
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

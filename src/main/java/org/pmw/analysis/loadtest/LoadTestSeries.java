package org.pmw.analysis.loadtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.pmw.model.LoadTestRun;
import org.pmw.model.LoadTestStep;

/**
 * Joins single-step runs into series. ApacheBench and wrk run one concurrency level per invocation, so a
 * load test is a folder of files, one per {@code -c}; the analysis needs them as one run.
 * <p>
 * The rule: among the runs given, those of the same {@link LoadTestRun#format() format} from the same folder
 * that have exactly one step each form a series when there are at least two of them. A series becomes one run
 * whose steps are the runs' steps ordered by concurrency (equal levels by start time, then by the order given);
 * its id is the id of the first run in that order, its name "FORMAT series in FOLDER (N=a..b)", its sources and
 * notes the union of the runs', its window the earliest start and the latest end. A run without steps of the
 * same format and folder (ab gave up on a socket error at a high {@code -c}) joins the series too: its sources
 * and notes, prefixed with its name, are kept, since where ab stopped is part of the finding. Runs with several
 * steps, and runs of a format and folder that has fewer than two one-step runs, are returned unchanged. The result keeps the order
 * of first appearance. Nothing is merged across formats or folders.
 */
public final class LoadTestSeries {

    private LoadTestSeries() {
    }

    /** Merges the runs of one multi-file import, all taken to come from one folder. */
    public static List<LoadTestRun> merge(List<LoadTestRun> runs) {
        return merge(runs, run -> "");
    }

    /**
     * @param folderOf the folder each run's file came from (the import knows it; a run does not)
     */
    public static List<LoadTestRun> merge(List<LoadTestRun> runs, Function<LoadTestRun, String> folderOf) {
        Map<List<String>, List<LoadTestRun>> series = new LinkedHashMap<>();
        Map<List<String>, List<LoadTestRun>> empty = new LinkedHashMap<>();
        for (LoadTestRun run : runs) {
            if (run.steps().size() == 1) {
                series.computeIfAbsent(key(run, folderOf), key -> new ArrayList<>()).add(run);
            } else if (run.steps().isEmpty()) {
                empty.computeIfAbsent(key(run, folderOf), key -> new ArrayList<>()).add(run);
            }
        }
        List<LoadTestRun> result = new ArrayList<>();
        Map<List<String>, Boolean> emitted = new LinkedHashMap<>();
        for (LoadTestRun run : runs) {
            List<String> key = key(run, folderOf);
            List<LoadTestRun> members = series.getOrDefault(key, List.of());
            if (run.steps().size() > 1 || members.size() < 2) {
                result.add(run);
            } else if (emitted.putIfAbsent(key, true) == null) {
                result.add(join(members, empty.getOrDefault(key, List.of()), key.get(1)));
            }
        }
        return result;
    }

    private static List<String> key(LoadTestRun run, Function<LoadTestRun, String> folderOf) {
        return List.of(Objects.toString(run.format(), ""), Objects.toString(folderOf.apply(run), ""));
    }

    private static LoadTestRun join(List<LoadTestRun> members, List<LoadTestRun> withoutSteps, String folder) {
        List<LoadTestRun> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparingInt((LoadTestRun r) -> r.steps().get(0).concurrency())
                .thenComparing(r -> r.startedAt() == null ? Instant.MAX : r.startedAt()));
        List<LoadTestStep> steps = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        for (LoadTestRun r : ordered) {
            steps.add(r.steps().get(0));
            for (String s : r.sources()) {
                if (!sources.contains(s)) {
                    sources.add(s);
                }
            }
            for (String n : r.notes()) {
                if (!notes.contains(n)) {
                    notes.add(n);
                }
            }
            if (r.startedAt() != null && (start == null || r.startedAt().isBefore(start))) {
                start = r.startedAt();
            }
            if (r.endedAt() != null && (end == null || r.endedAt().isAfter(end))) {
                end = r.endedAt();
            }
        }
        for (LoadTestRun r : withoutSteps) {
            for (String s : r.sources()) {
                if (!sources.contains(s)) {
                    sources.add(s);
                }
            }
            for (String n : r.notes()) {
                notes.add(r.name() + ": " + n);
            }
        }
        notes.add("series of " + ordered.size() + " files: " + String.join(", ",
                ordered.stream().map(LoadTestRun::name).toList()));
        LoadTestRun first = ordered.get(0);
        String name = first.format() + " series" + (folder.isEmpty() ? "" : " in " + folder) + " (N="
                + steps.get(0).concurrency() + ".." + steps.get(steps.size() - 1).concurrency() + ")";
        return new LoadTestRun(first.id(), name, first.format(), sources, start, end, steps, notes);
    }
}

package org.pmw.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pmw.app.Project;
import org.pmw.app.TimeArguments;
import org.pmw.model.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "histogram", description = "Count matching events per time bucket.")
final class HistogramCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", paramLabel = "QUERY", defaultValue = "*")
    String query;

    @Option(names = "--bucket", defaultValue = "1h", description = "Bucket width: 1m, 5m, 10m, 1h... (default: ${DEFAULT-VALUE}).")
    String bucket;

    @Mixin
    WindowOptions range;

    @Option(names = "--json", description = "Print {\"buckets\":[{\"start\",\"count\"}]} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long width = UsageException.option("--bucket", () -> TimeArguments.duration(bucket)).toMillis();
        try (Project p = Project.openReadOnly(project.dir)) {
            Instant f = range.from(p.zone());
            Instant t = range.to(p.zone());
            org.pmw.model.TimeWindow span = p.eventSpan();
            Instant first = f != null ? f : span == null ? null : span.start();
            Instant last = t != null ? t : span == null ? null : span.end();
            if (first != null && last != null
                    && (last.toEpochMilli() - first.toEpochMilli()) / width >= Histogram.MAX_BUCKETS) {
                throw new UsageException(String.format(java.util.Locale.ROOT, "--bucket: %s buckets from %s to %s"
                        + " would be more than %,d; choose a wider bucket or a shorter window (--from, --to)",
                        bucket, first, last, Histogram.MAX_BUCKETS));
            }
            Histogram h = p.histogram(query, f, t, width);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("bucket_ms", h.bucketMillis());
                m.put("total", h.total());
                m.put("buckets", h.buckets().stream().map(b -> {
                    Map<String, Object> bm = new LinkedHashMap<>();
                    bm.put("start", Output.iso(b.start()));
                    bm.put("count", b.count());
                    return bm;
                }).toList());
                Output.json(out, m);
            } else {
                long max = h.buckets().stream().mapToLong(Histogram.Bucket::count).max().orElse(0);
                for (Histogram.Bucket b : h.buckets()) {
                    int bar = max == 0 ? 0 : (int) Math.round(50.0 * b.count() / max);
                    out.printf("%s  %8d  %s%n", Output.local(b.start(), p.zone()), b.count(), "#".repeat(bar));
                }
                out.printf("%d event(s) in %d bucket(s) of %s (times in %s)%n", h.total(), h.buckets().size(), bucket,
                        p.zone());
            }
        }
        return 0;
    }
}

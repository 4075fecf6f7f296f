package org.pmw.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pmw.app.Patterns;
import org.pmw.app.Project;
import org.pmw.app.TimeArguments;
import org.pmw.model.TimeWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "patterns", description = {
    "Message templates of the matching events, with counts and a series per bucket.",
    "  --compare BASELINE WINDOW ranks the patterns that are new or spiking in WINDOW and those that vanished;",
    "  each is FROM..TO, e.g. --compare 2005-10-10T09:00..2005-10-10T11:00 2005-10-10T11:00..2005-10-10T11:30",
    "  --assign FILE --format plain reads one message per line and prints <pattern id><TAB><template>."})
final class PatternsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR")
    Path dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY", defaultValue = "*")
    String query;

    @Mixin
    WindowOptions range;

    @Option(names = "--bucket", defaultValue = "1h", description = "Bucket of the per-pattern series (default: ${DEFAULT-VALUE}).")
    String bucket;

    @Option(names = "--limit", defaultValue = "30")
    int limit;

    @Option(names = "--compare", arity = "2", paramLabel = "FROM..TO")
    List<String> compare;

    @Option(names = "--changes", description = "Rank change records by how closely a pattern surge follows them.")
    boolean changes;

    @Option(names = "--assign", paramLabel = "FILE")
    Path assign;

    @Option(names = "--format", defaultValue = "plain", description = "Input format of --assign: plain (one message a line).")
    String format;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (assign != null) {
            if (!format.equals("plain")) {
                throw new UsageException("--assign reads --format plain (one message per line) only");
            }
            if (Files.isDirectory(assign)) {
                throw new UsageException("--assign reads one file of messages, and " + assign + " is a folder");
            }
            try (Reader in = Files.newBufferedReader(assign, StandardCharsets.UTF_8)) {
                Patterns.assign(in, out);
            }
            out.flush();
            return 0;
        }
        if (dir == null) {
            throw new UsageException("give the project folder: pmw patterns DIR [QUERY], or --assign FILE");
        }
        try (Project p = Project.openReadOnly(dir)) {
            if (compare != null) {
                TimeWindow baseline = UsageException.option("--compare",
                        () -> TimeArguments.window(compare.get(0), p.zone()));
                TimeWindow window = UsageException.option("--compare", () -> TimeArguments.window(compare.get(1), p.zone()));
                Patterns.Comparison c = Patterns.compare(p, query, baseline, window);
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("baseline", Map.of("from", baseline.start().toString(), "to", baseline.end().toString()));
                    m.put("window", Map.of("from", window.start().toString(), "to", window.end().toString()));
                    m.put("onsets", c.onsets().stream().limit(limit).toList());
                    m.put("disappeared", c.drops().stream().limit(limit).toList());
                    Output.json(out, m);
                } else {
                    out.println("New or spiking in the window (vs the baseline):");
                    c.onsets().stream().limit(limit).forEach(o -> out.printf("  %-6s %6d -> %-6d %8s  p=%.2g  %s%n",
                            o.id(), o.baselineCount(), o.windowCount(),
                            o.isNew() ? "NEW" : o.spiking() ? String.format("x%.1f", o.ratio()) : "",
                            o.pValue(), o.template()));
                    out.println("Gone or dropped in the window:");
                    c.drops().stream().limit(limit).forEach(d -> out.printf("  %-6s %6d -> %-6d %8s  p=%.2g  %s%n",
                            d.id(), d.beforeCount(), d.afterCount(), d.gone() ? "GONE" : d.dropped() ? "dropped" : "",
                            d.pValue(), d.template()));
                }
                return 0;
            }
            long width = UsageException.option("--bucket", () -> TimeArguments.duration(bucket)).toMillis();
            if (changes) {
                List<Patterns.ChangeSurge> ranked = Patterns.changeCorrelation(p, query, width);
                if (json) {
                    Output.json(out, Map.of("changes", ranked));
                } else {
                    ranked.forEach(r -> out.printf("  %-6s %s  score %.2f  %s%n", r.changeId(), r.changeTime(), r.score(),
                            r.template() == null ? "(no surge)" : r.template()));
                }
                return 0;
            }
            Instant f = range.from(p.zone());
            Instant t = range.to(p.zone());
            List<Patterns.Row> rows = Patterns.list(p, query, f, t, width);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("total_patterns", rows.size());
                m.put("patterns", rows.stream().limit(limit).map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", r.id());
                    row.put("template", r.template());
                    row.put("count", r.count());
                    row.put("first_seen", r.firstSeen() == null ? null : r.firstSeen().toString());
                    row.put("last_seen", r.lastSeen() == null ? null : r.lastSeen().toString());
                    row.put("series", r.series());
                    return row;
                }).toList());
                Output.json(out, m);
            } else {
                rows.stream().limit(limit).forEach(r -> out.printf("%-7s %9d  %s%n", r.id(), r.count(), r.template()));
                out.printf(rows.size() > limit ? "%d pattern(s); the %d most frequent shown (--limit N for more)%n"
                        : "%d pattern(s)%n", rows.size(), Math.min(limit, rows.size()));
            }
        }
        return 0;
    }
}

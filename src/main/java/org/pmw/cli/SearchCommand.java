package org.pmw.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pmw.app.Project;
import org.pmw.app.QueryClauses;
import org.pmw.model.EventSearch;
import org.pmw.model.SearchHits;
import org.pmw.model.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", description = "Search the evidence with Lucene query syntax (default field: message).")
final class SearchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", paramLabel = "QUERY", defaultValue = "*",
            description = "e.g. 'segmentation fault', level:error AND host:web2, status:[500 TO 599], duration_ms:>2000")
    String query;

    @Mixin
    WindowOptions range;

    @Option(names = "--limit", defaultValue = "20", description = "Events to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--sort", defaultValue = "time", description = "time or relevance (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--json", description = "Print {\"total\", \"events\": [...]} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EventSearch.Order order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "time" -> EventSearch.Order.TIME;
            case "relevance" -> EventSearch.Order.RELEVANCE;
            default -> throw new UsageException("--sort must be 'time' or 'relevance', not '" + sort + "'");
        };
        if (limit < 0) {
            throw new UsageException("--limit must be 0 or more");
        }
        try (Project p = Project.openReadOnly(project.dir)) {
            Instant f = range.from(p.zone());
            Instant t = range.to(p.zone());
            SearchHits hits = p.search(new EventSearch(query, f, t, limit, order));
            if (hits.total() == 0) {
                // a typo in a field name finds nothing; say so rather than leave an empty answer unexplained
                FieldNotes.unknownFields(p, query, spec.commandLine().getErr());
                QueryClauses.unknownSources(p, query).forEach(note -> spec.commandLine().getErr().println("pmw: " + note));
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("total", hits.total());
                m.put("took_ms", Math.round(hits.tookMs() * 100) / 100.0);
                m.put("events", hits.events().stream().map(EventJson::of).toList());
                Output.json(out, m);
            } else {
                for (Event e : hits.events()) {
                    out.printf("%s  %-18s %-6s %-6s %s%n", Output.local(e.ts(), p.zone()), e.source() + ":" + e.line(),
                            e.host(), e.level().id(), firstLine(e.message()));
                }
                String kinds = hits.total() == 0 ? "" : org.pmw.app.KindBreakdown.of(p, query, f, t);
                out.printf("%d event(s) match%s; %d shown (%.1f ms)%n", hits.total(),
                        kinds.isEmpty() ? "" : " (" + kinds + ")", hits.events().size(), hits.tookMs());
            }
        }
        return 0;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}

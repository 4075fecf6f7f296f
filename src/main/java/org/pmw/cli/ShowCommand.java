package org.pmw.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pmw.app.Project;
import org.pmw.app.investigation.EventRef;
import org.pmw.model.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "Show one event (SOURCE:LINE) with the events around it in the same source.")
final class ShowCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", paramLabel = "SOURCE:LINE")
    String ref;

    @Option(names = "--context", defaultValue = "3", description = "Events before and after (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (context < 0) {
            throw new UsageException("--context: must be 0 or more, not " + context);
        }
        EventRef parsed = UsageException.option("SOURCE:LINE", () -> EventRef.parse(ref));
        String source = parsed.source();
        long line = parsed.line();
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = Project.openReadOnly(project.dir)) {
            if (p.incident().source(source) == null) {
                // a folder's files are named with the folder (web1_error_log): the file's own name is what one types
                List<String> ids = p.incident().getSources().stream().map(s -> s.id()).toList();
                List<String> near = ids.stream().filter(id -> id.toLowerCase(Locale.ROOT)
                        .endsWith("_" + source.toLowerCase(Locale.ROOT))).map(id -> id + ":" + line).toList();
                throw new IllegalArgumentException("no source '" + source + "' in the project; " + (near.isEmpty()
                        ? "sources: " + String.join(", ", ids) : "did you mean " + String.join(" or ", near) + "?"));
            }
            List<Event> events = p.around(source, line, Math.max(0, context));
            if (events.isEmpty()) {
                throw new IllegalArgumentException(source + " has no event at line " + line);
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                Event target = events.stream().filter(e -> e.line() <= line).reduce((a, b) -> b).orElseThrow();
                m.put("event", EventJson.of(target));
                m.put("context", events.stream().map(EventJson::of).toList());
                Output.json(out, m);
            } else {
                Event target = events.stream().filter(e -> e.line() <= line).reduce((a, b) -> b).orElseThrow();
                for (Event e : events) {
                    String mark = e == target ? ">" : " ";
                    out.printf("%s %6d  %s  %s%n", mark, e.line(), Output.local(e.ts(), p.zone()), e.raw());
                }
            }
        }
        return 0;
    }
}

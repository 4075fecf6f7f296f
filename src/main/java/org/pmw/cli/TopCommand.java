package org.pmw.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pmw.app.Project;
import org.pmw.model.FieldValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "top", description = "The most frequent values of a field among the matching events (status, host,"
        + " path, client...).")
final class TopCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", paramLabel = "FIELD")
    String field;

    @Parameters(index = "2", paramLabel = "QUERY", defaultValue = "*")
    String query;

    @Mixin
    WindowOptions range;

    @Option(names = "--limit", defaultValue = "10", description = "How many values (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print {field, matching, with_field, distinct, values: [{value, count}]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 1) {
            throw new UsageException("--limit: must be at least 1, not " + limit);
        }
        try (Project p = Project.openReadOnly(project.dir)) {
            if (!p.countableFields().contains(field)) {
                throw new UsageException("FIELD: " + describeUnknown(p));
            }
            Instant f = range.from(p.zone());
            Instant t = range.to(p.zone());
            FieldValues values = p.fieldValues(field, query, f, t, limit);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("field", values.field());
                m.put("matching", values.matching());
                m.put("with_field", values.withField());
                m.put("distinct", values.distinct());
                m.put("values", values.top().stream().map(v -> {
                    Map<String, Object> vm = new LinkedHashMap<>();
                    vm.put("value", v.value());
                    vm.put("count", v.count());
                    if (field.equals("pattern")) {
                        vm.put("template", p.patternTemplate(v.value()));
                    }
                    return vm;
                }).toList());
                Output.json(out, m);
            } else {
                int width = values.top().stream().mapToInt(v -> v.value().length()).max().orElse(5);
                width = Math.min(Math.max(width, 5), 60);
                for (FieldValues.Value v : values.top()) {
                    double share = values.matching() == 0 ? 0 : 100.0 * v.count() / values.matching();
                    String shown = v.value().length() > width ? v.value().substring(0, width - 1) + "…" : v.value();
                    String template = field.equals("pattern") ? "  " + p.patternTemplate(v.value()) : "";
                    out.printf(Locale.ROOT, "%-" + width + "s  %,10d  %5.1f%%  %s%s%n", shown, v.count(), share,
                            "#".repeat((int) Math.round(share / 4)), template);
                }
                out.printf(Locale.ROOT, "%,d of %,d matching event(s) have a %s; %,d different value(s)%s%n",
                        values.withField(), values.matching(), field, values.distinct(),
                        values.distinct() > values.top().size() ? ", the " + values.top().size() + " most frequent shown"
                                : "");
            }
        }
        return 0;
    }

    private String describeUnknown(Project p) {
        return switch (field) {
            case "message", "raw" -> "the message is text, not a value: its templates are counted by 'pmw patterns'";
            case "ts" -> "times are counted per bucket by 'pmw histogram'";
            default -> "no field '" + field + "' in this project (fields: " + String.join(", ", p.countableFields()) + ")";
        };
    }
}

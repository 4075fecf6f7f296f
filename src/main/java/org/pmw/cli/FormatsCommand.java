package org.pmw.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pmw.app.FormatInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "formats", description = "List the formats the import recognises, with an example of each.")
final class FormatsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var formats = FormatInfo.all();
        if (json) {
            Output.json(out, formats.stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", f.name());
                m.put("category", f.category());
                m.put("description", f.description());
                m.put("example", f.example());
                return m;
            }).toList());
        } else {
            for (FormatInfo f : formats) {
                out.printf("%-16s %-9s %s%n%16s   e.g. %s%n", f.name(), f.category(), f.description(), "",
                        f.example().lines().findFirst().orElse(""));
            }
        }
        return 0;
    }
}

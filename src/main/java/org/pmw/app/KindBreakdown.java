package org.pmw.app;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pmw.model.FieldValues;

/**
 * What kinds of event a search found, where it found more than one: a status search counts the access logs'
 * requests and the load tests' samples alike, and a reader must see that before quoting the total.
 */
public final class KindBreakdown {

    private static final Map<String, String[]> NAMES = Map.of(
            "log", new String[] {"log event", "log events"},
            "request", new String[] {"request", "requests"},
            "sample", new String[] {"load-test sample", "load-test samples"},
            "change", new String[] {"change record", "change records"},
            "note", new String[] {"note", "notes"});

    private KindBreakdown() {
    }

    /** "7,647 requests, 3,836 load-test samples", or empty when the events are all of one kind. */
    public static String of(Project project, String query, Instant from, Instant to) throws IOException {
        FieldValues kinds = project.fieldValues("kind", query, from, to, 10);
        if (kinds.top().size() < 2) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (FieldValues.Value v : kinds.top()) {
            String[] name = NAMES.getOrDefault(v.value(), new String[] {v.value(), v.value()});
            parts.add(String.format(Locale.ROOT, "%,d %s", v.count(), v.count() == 1 ? name[0] : name[1]));
        }
        return String.join(", ", parts);
    }
}

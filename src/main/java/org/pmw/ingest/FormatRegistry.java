package org.pmw.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.pmw.ingest.changes.ChangeFormats;
import org.pmw.ingest.loadtest.LoadTestFormats;
import org.pmw.ingest.logs.LogFormats;

/** Every format the import knows, in the order {@code pmw formats} lists them. */
public final class FormatRegistry {

    private final List<Format> formats;

    public FormatRegistry(List<Format> formats) {
        this.formats = List.copyOf(formats);
    }

    /** All built-in formats: logs, load-test results, change records. */
    public static FormatRegistry standard() {
        List<Format> all = new ArrayList<>();
        all.addAll(LogFormats.all());
        all.addAll(LoadTestFormats.all());
        all.addAll(ChangeFormats.all());
        return new FormatRegistry(all);
    }

    public List<Format> all() {
        return Collections.unmodifiableList(formats);
    }

    public Optional<Format> byName(String name) {
        return formats.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}

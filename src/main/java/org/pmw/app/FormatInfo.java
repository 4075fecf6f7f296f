package org.pmw.app;

import java.util.List;
import org.pmw.ingest.FormatRegistry;

/** A format the import recognises, as the window and the command line list it. */
public record FormatInfo(String name, String category, String description, String example) {

    public static List<FormatInfo> all() {
        return FormatRegistry.standard().all().stream()
                .map(f -> new FormatInfo(f.name(), f.category().id(), f.description(), f.example()))
                .toList();
    }
}

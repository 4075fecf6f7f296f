package org.pmw.cli;

import java.io.PrintWriter;
import java.util.List;
import org.pmw.app.Project;
import org.pmw.app.QueryClauses;

/** Says when a query names a field no event of the project has: a typo there finds nothing, and says nothing. */
final class FieldNotes {

    private FieldNotes() {
    }

    static void unknownFields(Project project, String query, PrintWriter err) {
        List<String> unknown = query == null ? List.of() : QueryClauses.unknownFields(project, query);
        if (!unknown.isEmpty()) {
            err.println("pmw: no field " + String.join(", ", unknown) + " in this project (fields: "
                    + String.join(", ", project.countableFields()) + ")");
        }
    }
}

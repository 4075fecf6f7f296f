package org.pmw.ui.investigation;

import java.util.Optional;
import org.pmw.app.Project;
import org.pmw.model.Outcome;

/** The before/after figures of an outcome, as one readable paragraph. */
final class OutcomeFigures {

    private OutcomeFigures() {
    }

    static Optional<String> describe(Project project, Outcome outcome) {
        try {
            return Optional.ofNullable(org.pmw.app.OutcomeText.describe(project, outcome));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.of("Cannot measure: " + e.getMessage());
        }
    }
}

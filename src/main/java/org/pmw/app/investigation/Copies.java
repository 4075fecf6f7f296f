package org.pmw.app.investigation;

import java.time.Instant;
import java.util.List;
import org.pmw.model.Change;
import org.pmw.model.EvidenceRef;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.Outcome;
import org.pmw.model.StatusChange;

/** Copies of model records with one part replaced (records have no withers of their own). */
final class Copies {

    private Copies() {
    }

    static Hypothesis hypothesis(Hypothesis h, String statement, String notes, HypothesisStatus status,
                                 List<EvidenceRef> evidenceFor, List<EvidenceRef> evidenceAgainst,
                                 List<StatusChange> history, Instant updatedAt) {
        return new Hypothesis(h.id(), statement, status, evidenceFor, evidenceAgainst, notes, h.author(),
                h.createdAt(), updatedAt, history);
    }

    static Experiment experiment(Experiment e, String id, String hypothesis, List<String> loadTestRuns,
                                 List<String> searches, String verdict, String author) {
        return new Experiment(id, e.title(), e.method(), hypothesis, e.window(), loadTestRuns, searches, e.expected(),
                e.observed(), verdict, author);
    }

    static Change change(Change c, String id, String kind, String hypothesis, String origin) {
        return new Change(id, kind, c.title(), c.description(), c.service(), c.target(), c.environment(),
                c.startedAt(), c.endedAt(), c.status(), c.actor(), c.revision(), c.previousRevision(), c.url(),
                c.ticket(), c.tags(), hypothesis, origin, c.externalId(), c.system());
    }

    static Outcome outcome(Outcome o, String id, String title, List<String> changes) {
        return new Outcome(id, title, changes, o.query(), o.denominatorQuery(), o.before(), o.after(), o.verdict(),
                o.notes());
    }
}

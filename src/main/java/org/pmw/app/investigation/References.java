package org.pmw.app.investigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pmw.model.Change;
import org.pmw.model.EvidenceRef;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.Incident;
import org.pmw.model.Link;
import org.pmw.model.Outcome;

/**
 * Removes every mention of a record id from the other records, so that deleting it leaves nothing pointing
 * nowhere: links from or to it, evidence naming it (saved searches), an experiment's hypothesis, load-test
 * runs and searches, a change's hypothesis, an outcome's changes.
 */
final class References {

    private References() {
    }

    /** Strips {@code id} everywhere and returns one line per record that was touched. */
    static List<String> forget(Incident incident, String id, java.time.Instant now) {
        List<String> touched = new ArrayList<>();

        List<Link> links = new ArrayList<>();
        for (Link link : incident.getLinks()) {
            if (link.from().equals(id) || link.to().equals(id)) {
                touched.add("removed link " + link.from() + " " + link.type() + " " + link.to());
            } else {
                links.add(link);
            }
        }
        incident.setLinks(links);

        List<Hypothesis> hypotheses = new ArrayList<>();
        for (Hypothesis h : incident.getHypotheses()) {
            List<EvidenceRef> pro = withoutSearch(h.evidenceFor(), id);
            List<EvidenceRef> contra = withoutSearch(h.evidenceAgainst(), id);
            if (pro.size() != h.evidenceFor().size() || contra.size() != h.evidenceAgainst().size()) {
                touched.add("removed " + id + " from the evidence of " + h.id());
                h = Copies.hypothesis(h, h.statement(), h.notes(), h.status(), pro, contra, h.history(), now);
            }
            hypotheses.add(h);
        }
        incident.setHypotheses(hypotheses);

        List<Experiment> experiments = new ArrayList<>();
        for (Experiment e : incident.getExperiments()) {
            String hypothesis = id.equals(e.hypothesis()) ? null : e.hypothesis();
            List<String> runs = without(e.loadTestRuns(), id);
            List<String> searches = without(e.searches(), id);
            if (!Objects.equals(hypothesis, e.hypothesis()) || runs.size() != e.loadTestRuns().size()
                    || searches.size() != e.searches().size()) {
                touched.add("removed " + id + " from experiment " + e.id());
                e = Copies.experiment(e, e.id(), hypothesis, runs, searches, e.verdict(), e.author());
            }
            experiments.add(e);
        }
        incident.setExperiments(experiments);

        List<Change> changes = new ArrayList<>();
        for (Change c : incident.getChanges()) {
            if (id.equals(c.hypothesis())) {
                touched.add("removed " + id + " from change " + c.id());
                c = Copies.change(c, c.id(), c.kind(), null, c.origin());
            }
            changes.add(c);
        }
        incident.setChanges(changes);

        List<Outcome> outcomes = new ArrayList<>();
        for (Outcome o : incident.getOutcomes()) {
            List<String> evaluated = without(o.changes(), id);
            if (evaluated.size() != o.changes().size()) {
                touched.add("removed " + id + " from outcome " + o.id());
                o = Copies.outcome(o, o.id(), o.title(), evaluated);
            }
            outcomes.add(o);
        }
        incident.setOutcomes(outcomes);
        return touched;
    }

    private static List<String> without(List<String> ids, String id) {
        return ids.stream().filter(x -> !x.equals(id)).toList();
    }

    private static List<EvidenceRef> withoutSearch(List<EvidenceRef> refs, String id) {
        return refs.stream().filter(r -> !id.equals(r.search())).toList();
    }
}

package org.pmw.app.investigation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.pmw.model.ActionItem;
import org.pmw.model.Bookmark;
import org.pmw.model.Change;
import org.pmw.model.EvidenceRef;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.Incident;
import org.pmw.model.Link;
import org.pmw.model.LoadTestRun;
import org.pmw.model.Marker;
import org.pmw.model.Outcome;
import org.pmw.model.SavedSearch;
import org.pmw.model.SourceFile;
import org.pmw.model.StatusChange;
import org.pmw.model.TimeWindow;

/**
 * Validated edits of an investigation. Every operation either applies completely or throws
 * {@link IllegalArgumentException} with a message naming the record and what was expected, leaving the
 * incident as it was: all checks run before the first change, and ids are only handed out once they pass.
 *
 * <p>Record ids: H (hypothesis), E (experiment), C (change), O (outcome), A (action item), S (saved search);
 * load-test runs keep the ids the import gave them. Relations held in record fields (an experiment's
 * hypothesis, a change's hypothesis, an outcome's changes) are not duplicated as {@link Link}s; links are the
 * user's extra typed relations. Deleting any record removes every link and reference to it.
 *
 * <p>Status moves: any status to any other, with a reason; moving to the current status is refused.
 */
public final class Investigation {

    private final Incident incident;
    private final Clock clock;
    private final String user;

    /** @param user who is making the edits (author of new records, "by" of status changes); may be null */
    public Investigation(Incident incident, Clock clock, String user) {
        this.incident = Objects.requireNonNull(incident, "incident");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.user = user;
    }

    public Incident incident() {
        return incident;
    }

    // ---- hypotheses -------------------------------------------------------------------------------

    public Hypothesis addHypothesis(String statement, String notes) {
        String text = required("a hypothesis statement", statement);
        Instant now = now();
        Hypothesis h = new Hypothesis(incident.nextId("H"), text, HypothesisStatus.OPEN, List.of(), List.of(),
                blankToNull(notes), user, now, now, List.of());
        incident.getHypotheses().add(h);
        return h;
    }

    /** Replaces the statement and/or notes; null leaves a part as it is. */
    public Hypothesis updateHypothesis(String id, String statement, String notes) {
        Hypothesis h = hypothesis(id);
        String text = statement == null ? h.statement() : required("a hypothesis statement", statement);
        String newNotes = notes == null ? h.notes() : blankToNull(notes);
        return replaceHypothesis(Copies.hypothesis(h, text, newNotes, h.status(), h.evidenceFor(),
                h.evidenceAgainst(), h.history(), now()));
    }

    /** Moves a hypothesis to another status now, recording by whom and why. */
    public Hypothesis setStatus(String id, HypothesisStatus to, String reason) {
        return setStatus(id, to, reason, null);
    }

    /**
     * Moves a hypothesis to another status, recording when, by whom and why. {@code at} is when the move
     * happened in the incident, for investigations written down afterwards (null: now); it may not come
     * before the hypothesis's previous move, so the history stays in order.
     */
    public Hypothesis setStatus(String id, HypothesisStatus to, String reason, Instant at) {
        Hypothesis h = hypothesis(id);
        Objects.requireNonNull(to, "status");
        if (h.status() == to) {
            throw new IllegalArgumentException(id + " is already " + to.id() + (at == null || h.history().isEmpty()
                    ? "" : "; to correct when it moved there, re-date that move (move " + h.history().size() + ")"));
        }
        String why = required("a reason for moving " + id + " from " + h.status().id() + " to " + to.id(), reason);
        Instant now = now();
        Instant when = at == null ? now : at;
        if (!h.history().isEmpty()) {
            int last = h.history().size();
            Instant previous = h.history().get(last - 1).at();
            if (when.isBefore(previous)) {
                throw new IllegalArgumentException(id + " moved to " + h.status().id() + " at " + previous
                        + "; a later move cannot be dated earlier (" + when + "). If that move's time is wrong,"
                        + " re-date it (move " + last + ") first");
            }
        }
        List<StatusChange> history = new ArrayList<>(h.history());
        history.add(new StatusChange(when, h.status(), to, why, user));
        return replaceHypothesis(Copies.hypothesis(h, h.statement(), h.notes(), to, h.evidenceFor(),
                h.evidenceAgainst(), history, now));
    }

    /**
     * Corrects when a recorded status move happened, as when a verdict was logged later than it was reached.
     * {@code move} counts the hypothesis's moves from 1 (its history's order). The moves keep their order: the
     * new time may not come before the move ahead of it nor after the one behind it, so correcting a run of
     * moves goes from the end that makes room (the latest first when moving them earlier).
     */
    public Hypothesis redateStatusChange(String id, int move, Instant at) {
        Hypothesis h = hypothesis(id);
        Objects.requireNonNull(at, "the move's new time");
        List<StatusChange> history = new ArrayList<>(h.history());
        if (history.isEmpty()) {
            throw new IllegalArgumentException(id + " has not moved from " + h.status().id() + " yet: no move to re-date");
        }
        if (move < 1 || move > history.size()) {
            throw new IllegalArgumentException(id + " has no move " + move + " (its moves are 1 to " + history.size()
                    + ")");
        }
        StatusChange changed = history.get(move - 1);
        if (move > 1 && at.isBefore(history.get(move - 2).at())) {
            throw outOfOrder(id, move, changed, at, move - 1, history.get(move - 2), "before");
        }
        if (move < history.size() && at.isAfter(history.get(move).at())) {
            throw outOfOrder(id, move, changed, at, move + 1, history.get(move), "after");
        }
        history.set(move - 1, new StatusChange(at, changed.from(), changed.to(), changed.reason(), changed.by()));
        return replaceHypothesis(Copies.hypothesis(h, h.statement(), h.notes(), h.status(), h.evidenceFor(),
                h.evidenceAgainst(), history, now()));
    }

    /** The move of a hypothesis that the status it went to names: its latest move to that status. */
    public int moveTo(String id, HypothesisStatus to) {
        Hypothesis h = hypothesis(id);
        for (int i = h.history().size() - 1; i >= 0; i--) {
            if (h.history().get(i).to() == to) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(id + " never moved to " + to.id() + " (its moves: "
                + h.history().stream().map(Investigation::describe).toList() + ")");
    }

    private static IllegalArgumentException outOfOrder(String id, int move, StatusChange changed, Instant at,
                                                       int otherMove, StatusChange other, String side) {
        return new IllegalArgumentException(id + "'s move " + move + " (" + describe(changed) + ") cannot be dated "
                + at + ": it would come " + side + " move " + otherMove + " (" + describe(other) + ", at "
                + other.at() + "), and the moves keep their order; re-date move " + otherMove + " first");
    }

    private static String describe(StatusChange move) {
        return (move.from() == null ? "" : move.from().id() + " → ") + move.to().id();
    }

    /**
     * Adds evidence for or against a hypothesis: {@code ref} is an event ({@code source:line}, of an imported
     * source) or the id of a saved search.
     */
    public Hypothesis addEvidence(String hypothesisId, EvidenceSide side, String ref, String note) {
        Hypothesis h = hypothesis(hypothesisId);
        EvidenceRef evidence = evidenceRef(ref, note);
        List<EvidenceRef> list = new ArrayList<>(side == EvidenceSide.FOR ? h.evidenceFor() : h.evidenceAgainst());
        List<EvidenceRef> other = side == EvidenceSide.FOR ? h.evidenceAgainst() : h.evidenceFor();
        if (indexOf(list, ref) >= 0) {
            throw new IllegalArgumentException(ref.trim() + " is already evidence " + side.id() + " " + hypothesisId);
        }
        if (indexOf(other, ref) >= 0) {
            throw new IllegalArgumentException(ref.trim() + " is already evidence "
                    + (side == EvidenceSide.FOR ? "against " : "for ") + hypothesisId
                    + "; take it off there first (pmw hypothesis evidence DIR " + hypothesisId + " --"
                    + (side == EvidenceSide.FOR ? "against " : "for ") + ref.trim() + " --remove)");
        }
        list.add(evidence);
        return replaceHypothesis(side == EvidenceSide.FOR
                ? Copies.hypothesis(h, h.statement(), h.notes(), h.status(), list, h.evidenceAgainst(), h.history(), now())
                : Copies.hypothesis(h, h.statement(), h.notes(), h.status(), h.evidenceFor(), list, h.history(), now()));
    }

    public Hypothesis removeEvidence(String hypothesisId, EvidenceSide side, String ref) {
        Hypothesis h = hypothesis(hypothesisId);
        List<EvidenceRef> list = new ArrayList<>(side == EvidenceSide.FOR ? h.evidenceFor() : h.evidenceAgainst());
        int at = indexOf(list, ref);
        if (at < 0) {
            throw new IllegalArgumentException(ref + " is not evidence " + side.id() + " " + hypothesisId);
        }
        list.remove(at);
        return replaceHypothesis(side == EvidenceSide.FOR
                ? Copies.hypothesis(h, h.statement(), h.notes(), h.status(), list, h.evidenceAgainst(), h.history(), now())
                : Copies.hypothesis(h, h.statement(), h.notes(), h.status(), h.evidenceFor(), list, h.history(), now()));
    }

    // ---- experiments ------------------------------------------------------------------------------

    /** Adds an experiment; the draft's id is ignored, its author defaults to the current user. */
    public Experiment addExperiment(Experiment draft) {
        Experiment valid = validExperiment(draft);
        Experiment e = Copies.experiment(valid, incident.nextId("E"), valid.hypothesis(), valid.loadTestRuns(),
                valid.searches(), valid.verdict(), valid.author());
        incident.getExperiments().add(e);
        return e;
    }

    /** Replaces the experiment with the same id. */
    public Experiment updateExperiment(Experiment replacement) {
        int at = indexOf(incident.getExperiments(), Experiment::id, "experiment", replacement.id());
        Experiment valid = validExperiment(replacement);
        incident.getExperiments().set(at, valid);
        return valid;
    }

    private Experiment validExperiment(Experiment e) {
        String title = required("an experiment title", e.title());
        String hypothesis = e.hypothesis() == null ? null : hypothesis(e.hypothesis()).id();
        for (String run : e.loadTestRuns()) {
            find("load-test run", incident.getLoadTestRuns(), LoadTestRun::id, run);
        }
        for (String search : e.searches()) {
            savedSearch(search);
        }
        String verdict = e.verdict() == null ? "pending"
                : Vocabulary.require("experiment verdict", e.verdict(), Vocabulary.EXPERIMENT_VERDICTS);
        String author = e.author() == null ? user : e.author();
        return new Experiment(e.id(), title, blankToNull(e.method()), hypothesis, e.window(),
                distinct(e.loadTestRuns()), distinct(e.searches()), blankToNull(e.expected()),
                blankToNull(e.observed()), verdict, author);
    }

    // ---- changes ----------------------------------------------------------------------------------

    /** Adds a change entered by hand (origin "manual"); the draft's id and origin are ignored. */
    public Change addChange(Change draft) {
        Change valid = validChange(draft);
        Change c = Copies.change(valid, incident.nextId("C"), valid.kind(), valid.hypothesis(), "manual");
        incident.getChanges().add(c);
        return c;
    }

    /** Adds a change read from a change file; it keeps its origin ({@code source:line}). */
    public Change addImportedChange(Change parsed) {
        Change valid = validChange(parsed);
        String origin = required("the origin (source:line) of an imported change", parsed.origin());
        Change c = Copies.change(valid, incident.nextId("C"), valid.kind(), valid.hypothesis(), origin);
        incident.getChanges().add(c);
        return c;
    }

    /**
     * Replaces the change with the same id; its origin cannot change. Its "addresses" link follows the hypothesis it
     * names, whoever edits it (the command line or the window): a change moved to another hypothesis, or to none, no
     * longer addresses the one before.
     */
    public Change updateChange(Change replacement) {
        int at = indexOf(incident.getChanges(), Change::id, "change", replacement.id());
        Change valid = validChange(replacement);
        Change kept = incident.getChanges().get(at);
        Change c = Copies.change(valid, valid.id(), valid.kind(), valid.hypothesis(), kept.origin());
        incident.getChanges().set(at, c);
        if (kept.hypothesis() != null && !kept.hypothesis().equals(c.hypothesis())) {
            incident.getLinks().remove(new Link(c.id(), "addresses", kept.hypothesis()));
        }
        if (c.hypothesis() != null && !incident.getLinks().contains(new Link(c.id(), "addresses", c.hypothesis()))) {
            incident.getLinks().add(new Link(c.id(), "addresses", c.hypothesis()));
        }
        return c;
    }

    private Change validChange(Change c) {
        required("a change title", c.title());
        String kind = c.kind() == null || c.kind().isBlank() ? "other"
                : Vocabulary.require("change kind", c.kind(), Vocabulary.CHANGE_KINDS);
        if (c.startedAt() == null) {
            throw new IllegalArgumentException("change '" + c.title() + "' needs a start time");
        }
        if (c.endedAt() != null && c.endedAt().isBefore(c.startedAt())) {
            throw new IllegalArgumentException("change '" + c.title() + "' ends (" + c.endedAt()
                    + ") before it starts (" + c.startedAt() + ")");
        }
        String hypothesis = c.hypothesis() == null ? null : hypothesis(c.hypothesis()).id();
        return Copies.change(c, c.id(), kind, hypothesis, c.origin());
    }

    // ---- outcomes ---------------------------------------------------------------------------------

    /** Adds an outcome; the draft's id is ignored and its title defaults to the query. */
    public Outcome addOutcome(Outcome draft) {
        Outcome valid = validOutcome(draft);
        Outcome o = Copies.outcome(valid, incident.nextId("O"), valid.title(), valid.changes());
        incident.getOutcomes().add(o);
        return o;
    }

    public Outcome updateOutcome(Outcome replacement) {
        int at = indexOf(incident.getOutcomes(), Outcome::id, "outcome", replacement.id());
        Outcome valid = validOutcome(replacement);
        incident.getOutcomes().set(at, valid);
        return valid;
    }

    /** Records the verdict measured for an outcome (e.g. from the outcome statistics). */
    public Outcome setOutcomeVerdict(String id, String verdict) {
        int at = indexOf(incident.getOutcomes(), Outcome::id, "outcome", id);
        Outcome o = incident.getOutcomes().get(at);
        Outcome updated = new Outcome(o.id(), o.title(), o.changes(), o.query(), o.denominatorQuery(), o.before(),
                o.after(), blankToNull(verdict), o.notes());
        incident.getOutcomes().set(at, updated);
        return updated;
    }

    private Outcome validOutcome(Outcome o) {
        String query = required("the outcome's query (the events counted)", o.query());
        for (String change : o.changes()) {
            find("change", incident.getChanges(), Change::id, change);
        }
        requireBounded("before", o.before());
        requireBounded("after", o.after());
        if (o.before().end().isAfter(o.after().start())) {
            throw new IllegalArgumentException("the before window (ends " + o.before().end()
                    + ") must end no later than the after window starts (" + o.after().start() + ")");
        }
        String title = o.title() == null || o.title().isBlank() ? query : o.title().trim();
        return new Outcome(o.id(), title, distinct(o.changes()), query, blankToNull(o.denominatorQuery()), o.before(),
                o.after(), blankToNull(o.verdict()), blankToNull(o.notes()));
    }

    private static void requireBounded(String which, TimeWindow w) {
        if (w == null || w.start() == null || w.end() == null) {
            throw new IllegalArgumentException("the outcome needs a " + which + " window with a start and an end");
        }
    }

    // ---- action items -----------------------------------------------------------------------------

    /** Adds an action item; status defaults to open. */
    public ActionItem addActionItem(ActionItem draft) {
        ActionItem valid = validAction(draft);
        ActionItem a = new ActionItem(incident.nextId("A"), valid.action(), valid.type(), valid.owner(),
                valid.ticket(), valid.status());
        incident.getActionItems().add(a);
        return a;
    }

    public ActionItem updateActionItem(ActionItem replacement) {
        int at = indexOf(incident.getActionItems(), ActionItem::id, "action item", replacement.id());
        ActionItem valid = validAction(replacement);
        incident.getActionItems().set(at, valid);
        return valid;
    }

    private static ActionItem validAction(ActionItem a) {
        String action = required("the action", a.action());
        String type = Vocabulary.require("action type", a.type(), Vocabulary.ACTION_TYPES);
        String status = a.status() == null ? "open"
                : Vocabulary.require("action status", a.status(), Vocabulary.ACTION_STATUSES);
        return new ActionItem(a.id(), action, type, blankToNull(a.owner()), blankToNull(a.ticket()), status);
    }

    // ---- saved searches ---------------------------------------------------------------------------

    /** Saves a query (Lucene syntax) and optional window; the name defaults to the query. */
    public SavedSearch addSavedSearch(String name, String query, TimeWindow window) {
        String q = required("a query", query);
        String n = name == null || name.isBlank() ? q : name.trim();
        SavedSearch s = new SavedSearch(incident.nextId("S"), n, q, window);
        incident.getSavedSearches().add(s);
        return s;
    }

    /** Replaces a saved search's name, query and window; experiments that cite it keep citing it. */
    public SavedSearch updateSavedSearch(String id, String name, String query, TimeWindow window) {
        int at = indexOf(incident.getSavedSearches(), SavedSearch::id, "saved search", id);
        String q = required("a query", query);
        String n = name == null || name.isBlank() ? q : name.trim();
        SavedSearch s = new SavedSearch(incident.getSavedSearches().get(at).id(), n, q, window);
        incident.getSavedSearches().set(at, s);
        return s;
    }

    // ---- bookmarks --------------------------------------------------------------------------------

    /**
     * Stars, tags or comments an event ({@code source:line}); a second call on the same event updates its
     * bookmark. {@code starred} and {@code comment} null keep the current value; tags are added.
     */
    public Bookmark bookmark(String eventRef, Boolean starred, List<String> tags, String comment) {
        EventRef ref = existingEvent(eventRef);
        String key = ref.toString();
        List<Bookmark> bookmarks = incident.getBookmarks();
        int at = -1;
        for (int i = 0; i < bookmarks.size(); i++) {
            if (bookmarks.get(i).event().equals(key)) {
                at = i;
            }
        }
        Bookmark old = at >= 0 ? bookmarks.get(at) : null;
        Set<String> allTags = new LinkedHashSet<>(old == null ? List.of() : old.tags());
        if (tags != null) {
            for (String t : tags) {
                if (t != null && !t.isBlank()) {
                    allTags.add(t.trim());
                }
            }
        }
        boolean star = starred != null ? starred : old != null && old.starred();
        String text = comment != null ? blankToNull(comment) : old == null ? null : old.comment();
        Bookmark b = new Bookmark(key, star, List.copyOf(allTags), text, old == null ? now() : old.createdAt());
        if (at >= 0) {
            bookmarks.set(at, b);
        } else {
            bookmarks.add(b);
        }
        return b;
    }

    /** Takes one tag off an event's bookmark; the star, the comment and the other tags stay. */
    public Bookmark untag(String eventRef, String tag) {
        String key = EventRef.parse(eventRef).toString();
        int at = indexOf(incident.getBookmarks(), Bookmark::event, "bookmark on", key);
        Bookmark b = incident.getBookmarks().get(at);
        String wanted = tag == null ? "" : tag.trim();
        if (!b.tags().contains(wanted)) {
            throw new IllegalArgumentException("the bookmark on " + key + " has no tag '" + wanted
                    + "' (its tags: " + String.join(", ", b.tags()) + ")");
        }
        List<String> kept = new ArrayList<>(b.tags());
        kept.remove(wanted);
        Bookmark updated = new Bookmark(key, b.starred(), List.copyOf(kept), b.comment(), b.createdAt());
        incident.getBookmarks().set(at, updated);
        return updated;
    }

    public void removeBookmark(String eventRef) {
        String key = EventRef.parse(eventRef).toString();
        if (!incident.getBookmarks().removeIf(b -> b.event().equals(key))) {
            throw new IllegalArgumentException("no bookmark on " + key);
        }
    }

    // ---- markers ----------------------------------------------------------------------------------

    /**
     * Sets an incident marker. The four milestones (outage_begins, detected, mitigated, ends) are set once
     * each (setting again moves it) and must stay in that order; "custom" markers need a label.
     */
    public Marker setMarker(String kind, Instant at, String label) {
        Objects.requireNonNull(at, "marker time");
        String k = kind == null ? "" : Vocabulary.normalise(kind);
        if (k.equals(Vocabulary.CUSTOM_MARKER)) {
            Marker m = new Marker(k, at, required("a label for the custom marker", label));
            incident.getMarkers().add(m);
            return m;
        }
        List<String> allowed = new ArrayList<>(Vocabulary.MARKER_KINDS);
        allowed.add(Vocabulary.CUSTOM_MARKER);
        Vocabulary.require("marker", kind, allowed);
        int order = Vocabulary.MARKER_KINDS.indexOf(k);
        for (Marker m : incident.getMarkers()) {
            int other = Vocabulary.MARKER_KINDS.indexOf(m.kind());
            if (other < 0 || other == order) {
                continue;
            }
            if (other < order && at.isBefore(m.at()) || other > order && at.isAfter(m.at())) {
                throw new IllegalArgumentException(k + " at " + at + " would come " + (other < order ? "before " : "after ")
                        + m.kind() + " (" + m.at() + "); milestones go " + String.join(" < ", Vocabulary.MARKER_KINDS));
            }
        }
        Marker m = new Marker(k, at, blankToNull(label));
        incident.getMarkers().removeIf(x -> x.kind().equals(k));
        incident.getMarkers().add(m);
        return m;
    }

    /** Removes a milestone marker by kind, or custom markers by label. */
    public void removeMarker(String kindOrLabel) {
        String k = kindOrLabel == null ? "" : kindOrLabel.trim();
        boolean removed = incident.getMarkers().removeIf(m -> Vocabulary.MARKER_KINDS.contains(m.kind())
                ? m.kind().equals(Vocabulary.normalise(k)) : k.equals(m.label()));
        if (!removed) {
            throw new IllegalArgumentException("no marker '" + k + "' (set: " + incident.getMarkers().stream()
                    .map(m -> m.label() != null && !Vocabulary.MARKER_KINDS.contains(m.kind()) ? m.label() : m.kind())
                    .toList() + ")");
        }
    }

    // ---- the report's header -----------------------------------------------------------------------

    /**
     * Sets the report header's authors from one text, as it is typed: names separated by commas or lines. An
     * empty text leaves none (the header then says "—").
     */
    public List<String> setReportAuthors(String names) {
        List<String> authors = authorNames(names);
        incident.setAuthors(authors);
        return authors;
    }

    /** The names in a text of authors: separated by commas or lines, blanks left out. */
    public static List<String> authorNames(String names) {
        return names == null ? List.of() : java.util.Arrays.stream(names.split("[,\\n]")).map(String::strip)
                .filter(a -> !a.isEmpty()).toList();
    }

    /** Sets where the report stands: draft, reviewed or final. */
    public String setReportStatus(String status) {
        String s = Vocabulary.require("report status", status, Vocabulary.REPORT_STATUSES);
        incident.setReportStatus(s);
        return s;
    }

    // ---- links ------------------------------------------------------------------------------------

    /** Links two existing records, e.g. link("E1", "tests", "H3"). */
    public Link link(String from, String type, String to) {
        String t = Vocabulary.require("link type", type, Vocabulary.LINK_TYPES);
        String a = existingRecord(from);
        String b = existingRecord(to);
        if (a.equals(b)) {
            throw new IllegalArgumentException("a record cannot be linked to itself (" + a + ")");
        }
        Link link = new Link(a, t, b);
        if (incident.getLinks().contains(link)) {
            throw new IllegalArgumentException(a + " " + t + " " + b + " is already linked");
        }
        incident.getLinks().add(link);
        return link;
    }

    /**
     * Takes a link off. A change's addresses link is the one its hypothesis draws: taken off, the change addresses
     * that hypothesis no more (else the timeline would still draw it, and the change's next edit put it back).
     */
    public void unlink(String from, String type, String to) {
        Link link = new Link(trim(from), type == null ? "" : Vocabulary.normalise(type), trim(to));
        if (!incident.getLinks().remove(link)) {
            throw new IllegalArgumentException("no link " + link.from() + " " + link.type() + " " + link.to());
        }
        if (link.type().equals("addresses")) {
            List<Change> changes = incident.getChanges();
            for (int i = 0; i < changes.size(); i++) {
                Change c = changes.get(i);
                if (c.id().equals(link.from()) && link.to().equals(c.hypothesis())) {
                    changes.set(i, Copies.change(c, c.id(), c.kind(), null, c.origin()));
                }
            }
        }
    }

    /** Every link from or to the record. */
    public List<Link> linksOf(String id) {
        return incident.getLinks().stream().filter(l -> l.from().equals(id) || l.to().equals(id)).toList();
    }

    // ---- deleting ---------------------------------------------------------------------------------

    /**
     * Deletes any record by id (hypothesis, experiment, change, outcome, action item, saved search) with every link
     * and reference to it. Returns one line per other record that was touched. A load-test run is refused: it is
     * read from evidence, which is never deleted.
     */
    public List<String> delete(String id) {
        String key = existingRecord(id);
        LoadTestRun run = incident.getLoadTestRuns().stream().filter(r -> r.id().equals(key)).findFirst().orElse(null);
        if (run != null) {
            // a run is read from evidence, which stays: deleted, it could not be had back by import or rebuild
            throw new IllegalArgumentException(key + " is a load-test run read from the evidence ("
                    + String.join(", ", run.sources()) + ") and stays with it; take it out of an experiment by"
                    + " editing the experiment instead");
        }
        incident.getHypotheses().removeIf(x -> x.id().equals(key));
        incident.getExperiments().removeIf(x -> x.id().equals(key));
        incident.getChanges().removeIf(x -> x.id().equals(key));
        incident.getOutcomes().removeIf(x -> x.id().equals(key));
        incident.getActionItems().removeIf(x -> x.id().equals(key));
        incident.getSavedSearches().removeIf(x -> x.id().equals(key));
        incident.getLoadTestRuns().removeIf(x -> x.id().equals(key));
        return References.forget(incident, key, now());
    }

    /** What kind of record an id names ("hypothesis", "experiment", ...), or null when none. */
    public String kindOf(String id) {
        if (id == null) {
            return null;
        }
        if (has(incident.getHypotheses(), Hypothesis::id, id)) return "hypothesis";
        if (has(incident.getExperiments(), Experiment::id, id)) return "experiment";
        if (has(incident.getChanges(), Change::id, id)) return "change";
        if (has(incident.getOutcomes(), Outcome::id, id)) return "outcome";
        if (has(incident.getActionItems(), ActionItem::id, id)) return "action item";
        if (has(incident.getSavedSearches(), SavedSearch::id, id)) return "saved search";
        if (has(incident.getLoadTestRuns(), LoadTestRun::id, id)) return "load-test run";
        return null;
    }

    // ---- lookups ----------------------------------------------------------------------------------

    public Hypothesis hypothesis(String id) {
        return find("hypothesis", incident.getHypotheses(), Hypothesis::id, id);
    }

    public SavedSearch savedSearch(String id) {
        return find("saved search", incident.getSavedSearches(), SavedSearch::id, id);
    }

    private Hypothesis replaceHypothesis(Hypothesis h) {
        int at = indexOf(incident.getHypotheses(), Hypothesis::id, "hypothesis", h.id());
        incident.getHypotheses().set(at, h);
        return h;
    }

    private String existingRecord(String id) {
        String key = trim(id);
        if (kindOf(key) == null) {
            List<String> known = new ArrayList<>();
            incident.getHypotheses().forEach(x -> known.add(x.id()));
            incident.getExperiments().forEach(x -> known.add(x.id()));
            incident.getChanges().forEach(x -> known.add(x.id()));
            incident.getOutcomes().forEach(x -> known.add(x.id()));
            incident.getActionItems().forEach(x -> known.add(x.id()));
            incident.getSavedSearches().forEach(x -> known.add(x.id()));
            incident.getLoadTestRuns().forEach(x -> known.add(x.id()));
            throw new IllegalArgumentException("no record " + key + knownList(known));
        }
        return key;
    }

    private EvidenceRef evidenceRef(String ref, String note) {
        if (EventRef.looksLikeEventRef(ref)) {
            return EvidenceRef.ofEvent(existingEvent(ref).toString(), blankToNull(note));
        }
        return EvidenceRef.ofSearch(savedSearch(trim(ref)).id(), blankToNull(note));
    }

    /** Parses {@code source:line} and checks the source was imported; the line itself is the index's to check. */
    private EventRef existingEvent(String text) {
        EventRef ref = EventRef.parse(text);
        find("source", incident.getSources(), SourceFile::id, ref.source());
        return ref;
    }

    private static int indexOf(List<EvidenceRef> refs, String ref) {
        String key = EventRef.looksLikeEventRef(ref) ? EventRef.parse(ref).toString() : trim(ref);
        for (int i = 0; i < refs.size(); i++) {
            if (key.equals(refs.get(i).event()) || key.equals(refs.get(i).search())) {
                return i;
            }
        }
        return -1;
    }

    private static <T> T find(String what, List<T> list, Function<T, String> idOf, String id) {
        return list.get(indexOf(list, idOf, what, id));
    }

    private static <T> int indexOf(List<T> list, Function<T, String> idOf, String what, String id) {
        String key = trim(id);
        for (int i = 0; i < list.size(); i++) {
            if (idOf.apply(list.get(i)).equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + what + " " + (key.isEmpty() ? "(none given)" : key)
                + knownList(list.stream().map(idOf).toList()));
    }

    private static <T> boolean has(List<T> list, Function<T, String> idOf, String id) {
        return list.stream().anyMatch(x -> idOf.apply(x).equals(id));
    }

    private static String knownList(List<String> ids) {
        return ids.isEmpty() ? " (there are none yet)" : " (known: " + String.join(", ", ids) + ")";
    }

    private static String required(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return text.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().map(String::trim).distinct().toList();
    }

    private Instant now() {
        return clock.instant();
    }
}

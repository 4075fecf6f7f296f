package org.pmw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pmw.app.EvidenceSpan;
import org.pmw.app.InvestigationQueries;
import org.pmw.app.OutcomeText;
import org.pmw.app.Project;
import org.pmw.app.TimeArguments;
import org.pmw.app.investigation.Vocabulary;
import org.pmw.model.ActionItem;
import org.pmw.model.Bookmark;
import org.pmw.model.Change;
import org.pmw.model.Experiment;
import org.pmw.model.Outcome;
import org.pmw.model.TimeWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Experiments, changes, outcomes, action items, bookmarks, links, markers, saved searches and the timeline. */
final class RecordCommands {

    private RecordCommands() {
    }

    /** A time given as an option; one that cannot be read is a usage error. */
    /** A word the record accepts, checked before the project is opened: a wrong one is a usage error. */
    static String word(String option, String what, String word, List<String> allowed) {
        return UsageException.option(option, () -> Vocabulary.require(what, word, allowed));
    }

    static Instant time(Project p, String text) {
        return time(p.zone().getId(), text);
    }

    static Instant time(String zone, String text) {
        try {
            return text == null ? null : TimeArguments.parse(text, ZoneId.of(zone));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static TimeWindow window(String zone, String fromTo) {
        try {
            return fromTo == null ? null : TimeArguments.window(fromTo, ZoneId.of(zone));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage()); // a time it cannot read is a usage error, as in search
        }
    }

    /** A command that only groups sub-commands: run alone, it prints their usage. */
    abstract static class Group implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Lists one kind of record: JSON with --json, else one line each. */
    abstract static class Listing<T> extends Base implements Callable<Integer> {
        @Option(names = "--json")
        boolean json;

        abstract List<T> records(org.pmw.model.Incident incident);

        abstract String line(T record);

        @Override
        public Integer call() throws Exception {
            try (Project p = Project.openReadOnly(dir)) {
                List<T> records = records(p.incident());
                if (json) {
                    Output.json(out(), records);
                } else {
                    records.forEach(r -> out().println(Output.oneLine(line(r))));
                }
            }
            return 0;
        }
    }

    abstract static class Base {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** A note on stderr, as "pmw: ..." like the errors, that leaves the exit status 0; null says nothing. */
        void warn(String message) {
            if (message != null) {
                spec.commandLine().getErr().println("pmw: " + message);
            }
        }
    }

    @Command(name = "experiment", description = "Experiments that test hypotheses.",
            subcommands = {ExperimentAdd.class, ExperimentSet.class, ExperimentList.class})
    static final class ExperimentCommand extends Group {
    }

    /** What an experiment records, as add and set both take it; null where the option was not given. */
    static final class ExperimentOptions {
        @Option(names = "--hypothesis")
        String hypothesis;
        @Option(names = "--method")
        String method;
        @Option(names = "--window", paramLabel = "FROM..TO")
        String window;
        @Option(names = "--run", description = "A load-test run it produced (repeatable; set replaces them).")
        List<String> runs;
        @Option(names = "--search", description = "A saved search it produced (repeatable; set replaces them).")
        List<String> searches;
        @Option(names = "--expected")
        String expected;
        @Option(names = "--observed")
        String observed;
        @Option(names = "--verdict", description = "pending, supports, refutes or inconclusive.")
        String verdict;

        void check() {
            if (verdict != null) {
                word("--verdict", "experiment verdict", verdict, Vocabulary.EXPERIMENT_VERDICTS);
            }
        }

        /** {@code kept} with every option given put in its place (an empty value clears one). */
        Experiment over(Experiment kept, String title, String zone) {
            return new Experiment(kept.id(), or(title, kept.title()), or(method, kept.method()),
                    or(hypothesis, kept.hypothesis()), window == null ? kept.window() : window(zone, window),
                    runs == null ? kept.loadTestRuns() : nonBlank(runs),
                    searches == null ? kept.searches() : nonBlank(searches), or(expected, kept.expected()),
                    or(observed, kept.observed()), or(verdict, kept.verdict()), kept.author());
        }
    }

    @Command(name = "add", description = "Add an experiment; prints its id.")
    static final class ExperimentAdd extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "TITLE")
        String title;
        @picocli.CommandLine.Mixin
        ExperimentOptions options = new ExperimentOptions();

        @Override
        public Integer call() throws Exception {
            options.check();
            String[] id = new String[1];
            Edits.apply(dir, "add experiment", inv -> id[0] = inv.addExperiment(options.over(new Experiment(null,
                    title, null, null, null, List.of(), List.of(), null, null, null, null), title,
                    inv.incident().getZone())).id());
            out().println(id[0]);
            return 0;
        }
    }

    @Command(name = "set", description = "Change an experiment: only the options given change (--run and --search"
            + " replace the lists; give an empty value to clear one).")
    static final class ExperimentSet extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @Option(names = "--title")
        String title;
        @picocli.CommandLine.Mixin
        ExperimentOptions options = new ExperimentOptions();

        @Override
        public Integer call() throws Exception {
            options.check();
            Edits.apply(dir, "change experiment", inv -> {
                Experiment e = inv.incident().getExperiments().stream().filter(x -> x.id().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no experiment " + id));
                inv.updateExperiment(options.over(e, title, inv.incident().getZone()));
            });
            return 0;
        }
    }

    /** {@code given} where an option was given (empty clears it), else {@code kept}. */
    private static String or(String given, String kept) {
        return given == null ? kept : given.isBlank() ? null : given;
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> !v.isBlank()).toList();
    }

    @Command(name = "list")
    static final class ExperimentList extends Listing<Experiment> {
        @Override
        List<Experiment> records(org.pmw.model.Incident incident) {
            return incident.getExperiments();
        }

        @Override
        String line(Experiment r) {
            return String.format("%-4s %-12s tests %-4s runs %s  %s", r.id(), r.verdict(),
                    r.hypothesis() == null ? "-" : r.hypothesis(), r.loadTestRuns(), r.title());
        }
    }

    @Command(name = "change", description = "Changes made (code, config, deploy, rollback, infra...).",
            subcommands = {ChangeAdd.class, ChangeSet.class, ChangeList.class})
    static final class ChangeCommand extends Group {
    }

    /**
     * What a change records, as add and set both take it; null where the option was not given. --at is not among
     * them: add needs it, set does not.
     */
    static final class ChangeOptions {
        @Option(names = "--kind", description = "code, config, deploy, rollback, infra, feature_flag, scaling or other.")
        String kind;
        @Option(names = "--end")
        String end;
        @Option(names = "--service")
        String service;
        @Option(names = "--target")
        String target;
        @Option(names = "--actor")
        String actor;
        @Option(names = "--revision")
        String revision;
        @Option(names = "--ticket")
        String ticket;
        @Option(names = "--description")
        String description;
        @Option(names = "--hypothesis", description = "The hypothesis it addresses.")
        String hypothesis;

        void check() {
            if (kind != null) {
                word("--kind", "change kind", kind, Vocabulary.CHANGE_KINDS);
            }
        }

        /** {@code kept} starting at {@code start}, with every option given put in its place as given. */
        Change over(Change kept, String title, Instant start, String zone) {
            return new Change(kept.id(), given(kind, kept.kind()), given(title, kept.title()),
                    given(description, kept.description()), given(service, kept.service()),
                    given(target, kept.target()), kept.environment(), start,
                    end == null ? kept.endedAt() : time(zone, end), kept.status(), given(actor, kept.actor()),
                    given(revision, kept.revision()), kept.previousRevision(), kept.url(),
                    given(ticket, kept.ticket()), kept.tags(), given(hypothesis, kept.hypothesis()), kept.origin(),
                    kept.externalId(), kept.system());
        }

        private static String given(String given, String kept) {
            return given == null ? kept : given;
        }
    }

    @Command(name = "add", description = "Add a change by hand; prints its id.")
    static final class ChangeAdd extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "TITLE")
        String title;
        @Option(names = "--at", required = true, description = "When it started (ISO-8601).")
        String at;
        @picocli.CommandLine.Mixin
        ChangeOptions options = new ChangeOptions();

        @Override
        public Integer call() throws Exception {
            options.check();
            String[] id = new String[1];
            String[] warning = new String[1];
            Edits.apply(dir, "add change", inv -> {
                String zone = inv.incident().getZone();
                Change c = inv.addChange(options.over(new Change(null, "other", title, null, null, null, null, null,
                        null, "done", null, null, null, null, null, List.of(), null, "manual"), title,
                        time(zone, at), zone));
                if (c.hypothesis() != null) {
                    inv.link(c.id(), "addresses", c.hypothesis());
                }
                id[0] = c.id();
                warning[0] = farFromEvidence(inv.incident(), c, dir);
            });
            out().println(id[0]);
            warn(warning[0]);
            return 0;
        }
    }

    @Command(name = "set", description = "Correct a change: only the options given change; an imported one keeps its"
            + " origin.")
    static final class ChangeSet extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @Option(names = "--title")
        String title;
        @Option(names = "--at", description = "When it started (ISO-8601).")
        String at;
        @picocli.CommandLine.Mixin
        ChangeOptions options = new ChangeOptions();

        @Override
        public Integer call() throws Exception {
            options.check();
            String[] warning = new String[1];
            Edits.apply(dir, "edit change", inv -> {
                String zone = inv.incident().getZone();
                Change c = inv.incident().getChanges().stream().filter(x -> x.id().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no change " + id));
                Change updated = inv.updateChange(options.over(c, title,
                        at == null ? c.startedAt() : time(zone, at), zone));
                if (at != null || options.end != null) {
                    warning[0] = farFromEvidence(inv.incident(), updated, dir);
                }
            });
            warn(warning[0]);
            return 0;
        }
    }

    /**
     * A warning when the change starts or ends more than a day outside the evidence: kept all the same (a change
     * days before can be the cause), but a wrong year or month would otherwise silently lead the timeline and report.
     */
    static String farFromEvidence(org.pmw.model.Incident incident, Change c, Path dir) {
        EvidenceSpan span = EvidenceSpan.of(incident);
        String start = span.farOutside(c.startedAt());
        String end = start == null ? span.farOutside(c.endedAt()) : null;
        if (start == null && end == null) {
            return null;
        }
        java.time.ZoneId zone = ZoneId.of(incident.getZone());
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        return start != null
                ? "warning: " + c.id() + " starts " + local.format(c.startedAt().atZone(zone)) + ", " + start
                + "; if that is wrong, pmw change set " + dir + " " + c.id() + " --at TIME"
                : "warning: " + c.id() + " ends " + local.format(c.endedAt().atZone(zone)) + ", " + end
                + "; if that is wrong, pmw change set " + dir + " " + c.id() + " --end TIME";
    }

    @Command(name = "list")
    static final class ChangeList extends Listing<Change> {
        @Override
        List<Change> records(org.pmw.model.Incident incident) {
            return incident.getChanges();
        }

        @Override
        String line(Change r) {
            return String.format("%-4s %-22s %-8s %s  (%s)", r.id(), r.startedAt(), r.kind(), r.title(), r.origin());
        }
    }

    @Command(name = "outcome", description = "The measured effect of changes: a query counted before and after.",
            subcommands = {OutcomeAdd.class, OutcomeSet.class, OutcomeList.class, OutcomeShow.class})
    static final class OutcomeCommand extends Group {
    }

    /** What an outcome records, as add and set both take it; null where the option was not given. */
    static final class OutcomeOptions {
        @Option(names = "--title")
        String title;
        @Option(names = "--change", description = "A change it evaluates (repeatable; set replaces them).")
        List<String> changes;
        @Option(names = "--query", description = "The events counted, e.g. \"segmentation fault\".")
        String query;
        @Option(names = "--ratio-of", description = "For an error ratio: the events it is a share of.")
        String ratioOf;
        @Option(names = "--before", paramLabel = "FROM..TO")
        String before;
        @Option(names = "--after", paramLabel = "FROM..TO")
        String after;

        /** {@code kept} with every option given put in its place (an empty value clears one). */
        Outcome over(Outcome kept, String zone) {
            return new Outcome(kept.id(), or(title, kept.title()), changes == null ? kept.changes() : nonBlank(changes),
                    or(query, kept.query()), or(ratioOf, kept.denominatorQuery()),
                    before == null ? kept.before() : window(zone, before),
                    after == null ? kept.after() : window(zone, after), kept.verdict(), kept.notes());
        }

        /** Notes on stderr for a query naming no field of the project: kept all the same, as pmw search answers. */
        void noteUnknownFields(Project p, PrintWriter err) {
            FieldNotes.unknownFields(p, query, err);
            FieldNotes.unknownFields(p, ratioOf, err);
        }
    }

    @Command(name = "add", description = "Add an outcome, measure it and store its verdict; prints id and verdict."
            + " Needs --title, --query, --before and --after.")
    static final class OutcomeAdd extends Base implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        OutcomeOptions options = new OutcomeOptions();

        @Override
        public Integer call() throws Exception {
            List<String> missing = new ArrayList<>();
            if (options.title == null) {
                missing.add("--title");
            }
            if (options.query == null) {
                missing.add("--query");
            }
            if (options.before == null) {
                missing.add("--before");
            }
            if (options.after == null) {
                missing.add("--after");
            }
            if (!missing.isEmpty()) {
                throw new UsageException("missing " + String.join(", ", missing)
                        + " (an outcome needs --title, --query, --before FROM..TO and --after FROM..TO)");
            }
            String[] result = new String[2];
            try (Project p = Project.open(dir, org.pmw.app.Progress.NONE)) {
                new org.pmw.app.EditSession(p).apply("add outcome", inv -> {
                    Outcome o = inv.addOutcome(options.over(new Outcome(null, null, List.of(), null, null, null, null,
                            null, null), inv.incident().getZone()));
                    for (String c : o.changes()) {
                        inv.link(o.id(), "evaluates", c);
                    }
                    String verdict = OutcomeText.verdict(p, o);
                    inv.setOutcomeVerdict(o.id(), verdict);
                    result[0] = o.id();
                    result[1] = verdict;
                });
                options.noteUnknownFields(p, spec.commandLine().getErr());
            }
            out().println(result[0] + "  " + result[1]);
            return 0;
        }
    }

    @Command(name = "set", description = "Correct an outcome and measure it again: only the options given change"
            + " (--change replaces the list; an empty value clears one); prints id and verdict.")
    static final class OutcomeSet extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @picocli.CommandLine.Mixin
        OutcomeOptions options = new OutcomeOptions();

        @Override
        public Integer call() throws Exception {
            String[] result = new String[2];
            try (Project p = Project.open(dir, org.pmw.app.Progress.NONE)) {
                new org.pmw.app.EditSession(p).apply("edit outcome", inv -> {
                    Outcome kept = inv.incident().getOutcomes().stream().filter(x -> x.id().equals(id)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("no outcome " + id));
                    Outcome o = inv.updateOutcome(options.over(kept, inv.incident().getZone()));
                    // the changes it evaluates are linked as add links them: a change taken off loses its link
                    for (String c : kept.changes()) {
                        if (!o.changes().contains(c) && inv.incident().getLinks().contains(
                                new org.pmw.model.Link(o.id(), "evaluates", c))) {
                            inv.unlink(o.id(), "evaluates", c);
                        }
                    }
                    for (String c : o.changes()) {
                        if (!inv.incident().getLinks().contains(new org.pmw.model.Link(o.id(), "evaluates", c))) {
                            inv.link(o.id(), "evaluates", c);
                        }
                    }
                    // the windows or the query may have moved: measure the verdict again, as the window's Edit does
                    String verdict = OutcomeText.verdict(p, o);
                    if (verdict != null) {
                        inv.setOutcomeVerdict(o.id(), verdict);
                    }
                    result[0] = o.id();
                    result[1] = verdict;
                });
                options.noteUnknownFields(p, spec.commandLine().getErr());
            }
            out().println(result[0] + "  " + result[1]);
            return 0;
        }
    }

    @Command(name = "list")
    static final class OutcomeList extends Listing<Outcome> {
        @Override
        List<Outcome> records(org.pmw.model.Incident incident) {
            return incident.getOutcomes();
        }

        @Override
        String line(Outcome r) {
            return String.format("%-4s %-22s %s  (changes %s)", r.id(), r.verdict(), r.title(), r.changes());
        }
    }

    @Command(name = "show", description = "An outcome measured now: both rates, the change and its p-value.")
    static final class OutcomeShow extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Project p = Project.openReadOnly(dir)) {
                if (json) {
                    Output.json(out(), InvestigationQueries.measure(p, id));
                } else {
                    Outcome o = p.incident().getOutcomes().stream().filter(x -> x.id().equals(id)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("no outcome " + id));
                    out().println(o.id() + "  " + o.title());
                    out().println("  counts: " + o.query() + (o.denominatorQuery() == null ? "" : "  as a share of "
                            + o.denominatorQuery()));
                    out().println("  before: " + o.before().start() + " .. " + o.before().end());
                    out().println("  after:  " + o.after().start() + " .. " + o.after().end());
                    out().println("  " + OutcomeText.describe(p, o));
                }
            }
            return 0;
        }
    }

    @Command(name = "action", description = "Action items (mitigate, prevent, process, other).",
            subcommands = {ActionAdd.class, ActionSet.class, ActionList.class})
    static final class ActionCommand extends Group {
    }

    @Command(name = "add")
    static final class ActionAdd extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "ACTION")
        String action;
        @Option(names = "--type", defaultValue = "prevent")
        String type;
        @Option(names = "--owner")
        String owner;
        @Option(names = "--ticket")
        String ticket;

        @Override
        public Integer call() throws Exception {
            String[] id = new String[1];
            word("--type", "action type", type, Vocabulary.ACTION_TYPES);
            Edits.apply(dir, "add action", inv -> id[0] = inv.addActionItem(new ActionItem(null, action, type, owner,
                    ticket, "open")).id());
            out().println(id[0]);
            return 0;
        }
    }

    @Command(name = "set", description = "Change an action item: only the options given change.")
    static final class ActionSet extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @Option(names = "--action")
        String action;
        @Option(names = "--type")
        String type;
        @Option(names = "--owner")
        String owner;
        @Option(names = "--ticket")
        String ticket;
        @Option(names = "--status", description = "open, in_progress or done.")
        String status;

        @Override
        public Integer call() throws Exception {
            if (type != null) {
                word("--type", "action type", type, Vocabulary.ACTION_TYPES);
            }
            if (status != null) {
                word("--status", "action status", status, Vocabulary.ACTION_STATUSES);
            }
            Edits.apply(dir, "change action", inv -> {
                ActionItem a = inv.incident().getActionItems().stream().filter(x -> x.id().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no action item " + id));
                inv.updateActionItem(new ActionItem(a.id(), action == null ? a.action() : action,
                        type == null ? a.type() : type, or(owner, a.owner()), or(ticket, a.ticket()),
                        status == null ? a.status() : status));
            });
            return 0;
        }
    }

    @Command(name = "list")
    static final class ActionList extends Listing<ActionItem> {
        @Override
        List<ActionItem> records(org.pmw.model.Incident incident) {
            return incident.getActionItems();
        }

        @Override
        String line(ActionItem r) {
            return String.format("%-4s %-9s %-11s %-10s %s", r.id(), r.type(), r.status() == null ? "open" : r.status(),
                    r.owner() == null ? "-" : r.owner(), r.action());
        }
    }

    @Command(name = "bookmark", description = "Star, tag or comment an event (SOURCE:LINE).",
            subcommands = {BookmarkAdd.class, BookmarkList.class, BookmarkUntag.class, BookmarkRemove.class})
    static final class BookmarkCommand extends Group {
    }

    @Command(name = "add")
    static final class BookmarkAdd extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "SOURCE:LINE")
        String ref;
        @Option(names = "--star")
        boolean star;
        @Option(names = "--tag")
        List<String> tags;
        @Option(names = "--comment")
        String comment;

        @Override
        public Integer call() throws Exception {
            Edits.apply(dir, "bookmark", Edits.eventExists(ref),
                    inv -> inv.bookmark(ref, star ? Boolean.TRUE : null, tags, comment));
            return 0;
        }
    }

    @Command(name = "list")
    static final class BookmarkList extends Listing<Bookmark> {
        @Override
        List<Bookmark> records(org.pmw.model.Incident incident) {
            return incident.getBookmarks();
        }

        @Override
        String line(Bookmark r) {
            return String.format("%s %-28s %s %s", r.starred() ? "*" : " ", r.event(), r.tags(),
                    r.comment() == null ? "" : r.comment());
        }
    }

    @Command(name = "untag", description = "Take one tag off a bookmark.")
    static final class BookmarkUntag extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "SOURCE:LINE")
        String ref;
        @Parameters(index = "2", paramLabel = "TAG")
        String tag;

        @Override
        public Integer call() throws Exception {
            Edits.apply(dir, "untag bookmark", inv -> inv.untag(ref, tag));
            return 0;
        }
    }

    @Command(name = "remove")
    static final class BookmarkRemove extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "SOURCE:LINE")
        String ref;

        @Override
        public Integer call() throws Exception {
            Edits.apply(dir, "remove bookmark", inv -> inv.removeBookmark(ref));
            return 0;
        }
    }

    @Command(name = "link", description = "Link two records: tests, supports, refutes, addresses, evaluates, caused_by,"
            + " relates_to.")
    static final class LinkCommand extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "FROM")
        String from;
        @Parameters(index = "2", paramLabel = "TYPE")
        String type;
        @Parameters(index = "3", paramLabel = "TO")
        String to;
        @Option(names = "--remove", description = "Take the link away instead.")
        boolean remove;

        @Override
        public Integer call() throws Exception {
            word("TYPE", "link type", type, Vocabulary.LINK_TYPES);
            if (remove) {
                Edits.apply(dir, "unlink", inv -> inv.unlink(from, type, to));
            } else {
                Edits.apply(dir, "link", inv -> inv.link(from, type, to));
            }
            return 0;
        }
    }

    @Command(name = "marker", description = "Set an incident marker: outage_begins, detected, mitigated, ends, or custom;"
            + " --remove takes one away (by kind, or a custom marker by its label).")
    static final class MarkerCommand extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "KIND")
        String kind;
        @Parameters(index = "2", paramLabel = "TIME", arity = "0..1")
        String at;
        @Option(names = "--label")
        String label;
        @Option(names = "--remove", description = "Take the marker away (KIND, or a custom marker's label).")
        boolean remove;

        @Override
        public Integer call() throws Exception {
            if (remove) {
                if (at != null) {
                    throw new UsageException("--remove takes a marker's kind or label, not a time");
                }
                Edits.apply(dir, "remove marker", inv -> inv.removeMarker(kind));
                return 0;
            }
            word("KIND", "marker", kind, Vocabulary.ANY_MARKER);
            if (at == null) {
                throw new UsageException("a marker needs its TIME, e.g. pmw marker DIR " + kind + " '2005-10-10 14:02'");
            }
            Edits.apply(dir, "marker", inv -> inv.setMarker(kind, time(inv.incident().getZone(), at), label));
            return 0;
        }
    }

    @Command(name = "search-save", description = "Save a query (and window) so it can be cited and re-run; prints its id.")
    static final class SearchSaveCommand extends Base implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "NAME")
        String name;
        @Parameters(index = "2", paramLabel = "QUERY")
        String query;
        @Option(names = "--from")
        String from;
        @Option(names = "--to")
        String to;
        @Option(names = "--replace", paramLabel = "ID", description = "Change the saved search ID instead of adding one.")
        String replace;

        @Override
        public Integer call() throws Exception {
            String[] id = new String[1];
            Edits.Check parses = Edits.queryParses(query);
            Edits.apply(dir, "save search", p -> {
                parses.check(p);
                FieldNotes.unknownFields(p, query, spec.commandLine().getErr());
            }, inv -> {
                String zone = inv.incident().getZone();
                TimeWindow w;
                try {
                    w = from == null && to == null ? null : new TimeWindow(time(zone, from), time(zone, to));
                } catch (IllegalArgumentException e) {
                    throw e instanceof UsageException ? e : new UsageException(e.getMessage()); // a reversed window
                }
                id[0] = replace == null ? inv.addSavedSearch(name, query, w).id()
                        : inv.updateSavedSearch(replace, name, query, w).id();
            });
            out().println(id[0]);
            return 0;
        }
    }

    @Command(name = "timeline", description = "Everything that happened and was done, in time order.")
    static final class TimelineCommand extends Base implements Callable<Integer> {
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Project p = Project.openReadOnly(dir)) {
                var entries = InvestigationQueries.timeline(p);
                if (json) {
                    Output.json(out(), entries);
                } else {
                    // on the incident's clock, as search and histogram print it (--json keeps UTC)
                    for (InvestigationQueries.Entry e : entries) {
                        out().printf("%-23s %-14s %-5s %s%n", Output.local(e.at().toEpochMilli(), p.zone()), e.kind(),
                                e.id() == null ? "" : e.id(), e.title() == null ? "" : Output.oneLine(e.title()));
                    }
                }
            }
            return 0;
        }
    }
}

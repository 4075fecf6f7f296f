package org.pmw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmw.app.Project;
import org.pmw.app.investigation.EvidenceSide;
import org.pmw.model.EvidenceRef;
import org.pmw.model.Experiment;
import org.pmw.model.Hypothesis;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.Incident;
import org.pmw.model.Link;
import org.pmw.model.StatusChange;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "hypothesis", description = "Write down, decide and back hypotheses with evidence.",
        subcommands = {HypothesisCommand.Add.class, HypothesisCommand.ListAll.class, HypothesisCommand.Show.class,
                HypothesisCommand.Set.class, HypothesisCommand.SetStatus.class, HypothesisCommand.Redate.class,
                HypothesisCommand.Evidence.class, HypothesisCommand.Delete.class})
final class HypothesisCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Add a hypothesis; prints its id.")
    static final class Add implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;
        @Parameters(index = "1", paramLabel = "STATEMENT")
        String statement;
        @Option(names = "--notes")
        String notes;

        @Override
        public Integer call() throws Exception {
            String[] id = new String[1];
            Edits.apply(dir, "add hypothesis", inv -> id[0] = inv.addHypothesis(statement, notes).id());
            spec.commandLine().getOut().println(id[0]);
            return 0;
        }
    }

    @Command(name = "list", description = "The hypotheses with their status.")
    static final class ListAll implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Project p = Project.openReadOnly(dir)) {
                if (json) {
                    Output.json(out, p.incident().getHypotheses());
                } else {
                    for (Hypothesis h : p.incident().getHypotheses()) {
                        out.printf("%-4s %-12s %s (for %d, against %d)%n", h.id(), h.status().id(), Output.oneLine(h.statement()),
                                h.evidenceFor().size(), h.evidenceAgainst().size());
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "show", description = "One hypothesis: evidence, history, experiments and links.")
    static final class Show implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Project p = Project.openReadOnly(dir)) {
                Hypothesis h = p.investigation().hypothesis(id);
                if (json) {
                    Output.json(out, h);
                    return 0;
                }
                out.printf("%s  %s%n  status: %s%n", h.id(), h.statement(), h.status().id());
                for (EvidenceRef e : h.evidenceFor()) {
                    out.printf("  for:     %s%s%n", e.event() != null ? e.event() : e.search(), e.note() == null ? "" : "  " + e.note());
                }
                for (EvidenceRef e : h.evidenceAgainst()) {
                    out.printf("  against: %s%s%n", e.event() != null ? e.event() : e.search(), e.note() == null ? "" : "  " + e.note());
                }
                int move = 0;
                for (StatusChange sc : h.history()) {
                    // numbered as pmw hypothesis redate takes them
                    out.printf("  move %d  %s  %s -> %s: %s%n", ++move, sc.at(), sc.from() == null ? "" : sc.from().id(),
                            sc.to().id(), sc.reason());
                }
                for (Experiment e : p.incident().getExperiments()) {
                    String verdict = verdictFor(p.incident(), e, h.id());
                    if (verdict != null) {
                        out.printf("  tested by %s %s (%s)%n", e.id(), e.title(), verdict);
                    }
                }
                p.investigation().linksOf(h.id()).forEach(l -> out.printf("  link: %s %s %s%n", l.from(), l.type(), l.to()));
            }
            return 0;
        }
    }

    /**
     * The experiment's verdict on the hypothesis when it tests it: recorded with it (--hypothesis), or linked to it
     * afterwards (tests, or supports/refutes, which say the verdict for this hypothesis), as the report reads it;
     * else null.
     */
    static String verdictFor(Incident incident, Experiment e, String hypothesisId) {
        String verdict = hypothesisId.equals(e.hypothesis()) ? e.verdict() : null;
        for (Link l : incident.getLinks()) {
            if (l.from().equals(e.id()) && l.to().equals(hypothesisId)) {
                if (l.type().equals("supports") || l.type().equals("refutes")) {
                    verdict = l.type();
                } else if (l.type().equals("tests") && verdict == null) {
                    verdict = e.verdict();
                }
            }
        }
        return verdict;
    }

    @Command(name = "set", description = "Correct a hypothesis's statement or notes: only the options given change"
            + " (an empty --notes clears them); its status moves with set-status.")
    static final class Set implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @Option(names = "--statement")
        String statement;
        @Option(names = "--notes")
        String notes;

        @Override
        public Integer call() throws Exception {
            if (statement == null && notes == null) {
                throw new UsageException("give what to change: --statement S, --notes N, or both");
            }
            Edits.apply(dir, "edit hypothesis", inv -> inv.updateHypothesis(id, statement, notes));
            return 0;
        }
    }

    @Command(name = "set-status", description = "Move a hypothesis to open, testing, supported, refuted or inconclusive.")
    static final class SetStatus implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @Parameters(index = "2", paramLabel = "STATUS")
        String status;
        @Option(names = "--reason", required = true, description = "Why (kept in the history).")
        String reason;
        @Option(names = "--at", description = "When it was decided, if not now (ISO-8601).")
        String at;

        @Override
        public Integer call() throws Exception {
            HypothesisStatus to = UsageException.option("STATUS", () -> HypothesisStatus.fromId(status));
            Edits.apply(dir, "status", inv -> {
                if (at == null) {
                    inv.setStatus(id, to, reason);
                } else {
                    inv.setStatus(id, to, reason, RecordCommands.time(inv.incident().getZone(), at));
                }
            });
            return 0;
        }
    }

    @Command(name = "redate", description = "Correct when a status move happened (a verdict logged later than it was"
            + " reached): MOVE is the status it moved to (its latest move there) or the move's number, as show lists"
            + " them. The moves keep their order.")
    static final class Redate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @Parameters(index = "2", paramLabel = "MOVE")
        String move;
        @Option(names = "--at", required = true, description = "When it happened (ISO-8601, or in the project's zone).")
        String at;

        @Override
        public Integer call() throws Exception {
            HypothesisStatus to = move.matches("\\d+") ? null
                    : UsageException.option("MOVE", () -> {
                        try {
                            return HypothesisStatus.fromId(move);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(e.getMessage()
                                    + "; or a move's number as hypothesis show lists them");
                        }
                    });
            Edits.apply(dir, "re-date status move", inv -> {
                java.time.Instant when = RecordCommands.time(inv.incident().getZone(), at);
                inv.redateStatusChange(id, to == null ? moveNumber(inv, id, move) : inv.moveTo(id, to), when);
            });
            return 0;
        }

        /** MOVE as a number; one with more digits than any move could have is refused as any move it lacks. */
        private static int moveNumber(org.pmw.app.investigation.Investigation inv, String id, String move) {
            try {
                return Integer.parseInt(move);
            } catch (NumberFormatException e) {
                Hypothesis h = inv.hypothesis(id);
                throw new IllegalArgumentException(h.history().isEmpty()
                        ? h.id() + " has not moved from " + h.status().id() + " yet: no move to re-date"
                        : h.id() + " has no move " + move + " (its moves are 1 to " + h.history().size() + ")");
            }
        }
    }

    @Command(name = "evidence", description = "Add an event (SOURCE:LINE) or a saved search (S1) as evidence;"
            + " --remove takes it back.")
    static final class Evidence implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Side side;
        @Option(names = "--note")
        String note;
        @Option(names = "--remove", description = "Take the evidence off the hypothesis instead.")
        boolean remove;

        static final class Side {
            @Option(names = "--for", paramLabel = "REF", required = true)
            String forRef;
            @Option(names = "--against", paramLabel = "REF", required = true)
            String againstRef;
        }

        @Override
        public Integer call() throws Exception {
            boolean isFor = side.forRef != null;
            String ref = isFor ? side.forRef : side.againstRef;
            EvidenceSide evidenceSide = isFor ? EvidenceSide.FOR : EvidenceSide.AGAINST;
            if (remove) {
                Edits.apply(dir, "remove evidence", inv -> inv.removeEvidence(id, evidenceSide, ref));
            } else {
                Edits.apply(dir, "evidence", Edits.eventExists(ref), inv -> inv.addEvidence(id, evidenceSide, ref,
                        note));
            }
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete any record by id (links and references to it go too); a load-test run stays with its evidence.")
    static final class Delete implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;
        @Parameters(index = "1", paramLabel = "ID")
        String id;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.util.List<String> touched = new java.util.ArrayList<>();
            Edits.apply(dir, "delete", inv -> touched.addAll(inv.delete(id)));
            // the evidence and experiments that cited it lose it too: say so, as nothing else would
            touched.forEach(spec.commandLine().getOut()::println);
            return 0;
        }
    }
}

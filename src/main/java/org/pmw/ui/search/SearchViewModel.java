package org.pmw.ui.search;

import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pmw.app.Project;
import org.pmw.model.EventResults;
import org.pmw.ui.main.WorkbenchModel;

/** The evidence search: query, time window, history, and the current results with their count and time. */
public final class SearchViewModel {

    private final WorkbenchModel workbench;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> to = new SimpleObjectProperty<>();
    private final ObjectProperty<EventResults> results = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    /** The kinds of event found, where there are several ("7,647 requests, 3,836 load-test samples"), else empty. */
    private final StringProperty kinds = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>();
    /** True from a search asked for while the project was still opening until it runs (or the open fails). */
    private final javafx.beans.property.BooleanProperty waiting = new javafx.beans.property.SimpleBooleanProperty();
    private int generation;

    /** The search whose results are on screen: what the box and window held when it ran. */
    public record Shown(String query, Instant from, Instant to) {
    }

    public SearchViewModel(WorkbenchModel workbench) {
        this.workbench = workbench;
        workbench.projectProperty().addListener((o, a, b) -> {
            generation++; // a search of the project before must not show its results in this one
            replaceResults(null);
            shown.set(null);
            from.set(null);
            to.set(null);
            status.set("");
            error.set("");
        });
        workbench.openingProperty().addListener((o, a, b) -> {
            if (b == null && workbench.project() == null) {
                // the open failed or was given up: nothing will run the search asked for
                waiting.set(false);
                status.set("");
            }
        });
    }

    public StringProperty queryProperty() { return query; }
    public ObjectProperty<Instant> fromProperty() { return from; }
    public ObjectProperty<Instant> toProperty() { return to; }
    public ObjectProperty<EventResults> resultsProperty() { return results; }
    public StringProperty statusProperty() { return status; }
    public StringProperty kindsProperty() { return kinds; }
    public StringProperty errorProperty() { return error; }
    public ObservableList<String> history() { return history; }
    /** The search whose results are shown; null before the first. */
    public ObjectProperty<Shown> shownProperty() { return shown; }
    /** A search was asked for while the project opened: it is to run as soon as the project is open. */
    public javafx.beans.property.ReadOnlyBooleanProperty waitingProperty() { return waiting; }

    /** False while the open project has no evidence imported: every search finds nothing, whatever its query. */
    public boolean hasEvidence() {
        Project project = workbench.project();
        return project != null && project.hasEvidence();
    }

    public void setWindow(Instant newFrom, Instant newTo) {
        from.set(newFrom);
        to.set(newTo);
    }

    /**
     * True while the history list changes. The query box follows the change and reports it as an action (a pick,
     * when its list is open), which must not start another search.
     */
    private boolean recordingHistory;

    /** Runs the query in the background; a newer search supersedes an older one still running. */
    public void search() {
        search(() -> { });
    }

    /** Like {@link #search()}, then runs {@code whenShown} once these results are on screen (not if superseded). */
    public void search(Runnable whenShown) {
        Project project = workbench.project();
        if (recordingHistory) {
            return;
        }
        if (project == null) {
            // the first open of a project builds its index, which takes a while: say the search will run then
            if (workbench.openingProperty().get() != null) {
                waiting.set(true);
                status.set("Runs when the index is ready");
            }
            return;
        }
        waiting.set(false);
        String text = query.get() == null ? "" : query.get().trim();
        Instant f = from.get();
        Instant t = to.get();
        int mine = ++generation;
        status.set("Searching...");
        workbench.tasks().run("Searching", progress -> {
            long started = System.nanoTime();
            EventResults found = project.results(text, f, t);
            double millis = (System.nanoTime() - started) / 1e6;
            String kinds = "";
            try {
                kinds = found.size() == 0 ? "" : org.pmw.app.KindBreakdown.of(project, text, f, t);
            } catch (java.io.IOException | RuntimeException e) {
                // the breakdown is a courtesy; the results stand without it
            }
            return new Outcome(found, millis, kinds);
        }, outcome -> {
            if (mine != generation) {
                outcome.results().close();
                return;
            }
            error.set("");
            shown.set(new Shown(text, f, t));
            replaceResults(outcome.results());
            kinds.set(outcome.kinds());
            status.set(String.format(Locale.ROOT, "%,d event%s (%.0f ms)", outcome.results().size(),
                    outcome.results().size() == 1 ? "" : "s", outcome.millis())
                    + (outcome.results().size() == 0 ? unknownFields(project, text) : ""));
            if (!text.isEmpty()) {
                recordingHistory = true;
                try {
                    history.remove(text);
                    history.add(0, text);
                    if (history.size() > 30) {
                        history.remove(30, history.size());
                    }
                } finally {
                    recordingHistory = false;
                }
            }
            whenShown.run();
        }, failure -> {
            if (mine != generation) {
                return;
            }
            // the table still holds the search before: say so rather than let it pass for this one's
            status.set(results.get() == null ? "" : "not run; below: the search before");
            Throwable cause = failure;
            error.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        });
    }

    /** Why a search found nothing, when it names a field the project does not have. */
    private static String unknownFields(Project project, String text) {
        java.util.List<String> unknown = org.pmw.app.QueryClauses.unknownFields(project, text);
        if (!unknown.isEmpty()) {
            return " (no field " + String.join(", ", unknown) + " in this project)";
        }
        java.util.List<String> sources = org.pmw.app.QueryClauses.unknownSources(project, text);
        return sources.isEmpty() ? "" : " (" + String.join("; ", sources) + ")";
    }

    private void replaceResults(EventResults next) {
        EventResults old = results.get();
        results.set(next);
        if (old != null) {
            old.close();
        }
    }

    private record Outcome(EventResults results, double millis, String kinds) {
    }
}

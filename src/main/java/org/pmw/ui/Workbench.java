package org.pmw.ui;

import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCombination;
import org.pmw.app.Project;
import org.pmw.app.TimeArguments;
import org.pmw.app.investigation.EvidenceSide;
import org.pmw.model.Event;
import org.pmw.model.Hypothesis;
import org.pmw.model.SavedSearch;
import org.pmw.model.TimeWindow;
import org.pmw.ui.investigation.InvestigationView;
import org.pmw.ui.loadtest.LoadTestsView;
import org.pmw.ui.main.MainView;
import org.pmw.ui.main.RecentProjects;
import org.pmw.ui.main.WorkbenchModel;
import org.pmw.ui.patterns.PatternsView;

/** Builds the window's content and wires its parts together; shared by the application and the UI tests. */
public final class Workbench {

    private Workbench() {
    }

    public static MainView build(WorkbenchModel workbench, RecentProjects recent) {
        MainView main = new MainView(workbench, recent);

        InvestigationView investigation = new InvestigationView(workbench);
        Tab investigationTab = new Tab("Investigation", investigation);
        investigationTab.setId("investigationTab");
        LoadTestsView loadTests = new LoadTestsView(workbench);
        javafx.scene.control.ScrollPane loadTestsScroll = new javafx.scene.control.ScrollPane(loadTests);
        loadTestsScroll.setFitToWidth(true);
        Tab loadTestsTab = new Tab("Load tests", loadTestsScroll);
        loadTestsTab.setId("loadTestsTab");
        PatternsView patterns = new PatternsView(workbench);
        Tab patternsTab = new Tab("Patterns", patterns);
        patternsTab.setId("patternsTab");
        org.pmw.ui.report.ReportView report = new org.pmw.ui.report.ReportView(workbench, main.chooserFolders());
        Tab reportTab = new Tab("Report", report);
        reportTab.setId("reportTab");
        // the report is drawn while its tab is shown (or its window), not on every edit made elsewhere
        report.setActive(reportTab.isSelected());
        reportTab.selectedProperty().addListener((o, a, on) -> report.setActive(on));
        main.addSideTab(investigationTab);
        main.addSideTab(loadTestsTab);
        main.addSideTab(patternsTab);
        main.addSideTab(reportTab);
        org.pmw.ui.fields.FieldsView fields = new org.pmw.ui.fields.FieldsView(workbench, main.searchModel());
        Tab fieldsTab = new Tab("Fields", fields);
        fieldsTab.setId("fieldsTab");
        main.addSideTab(fieldsTab);
        fields.setShowing(fieldsTab.isSelected());
        fieldsTab.selectedProperty().addListener((o, a, on) -> fields.setShowing(on));
        // a value picked narrows the search on screen, in its time window
        fields.setOnSearch(query -> search(main, query, main.searchModel().fromProperty().get(),
                main.searchModel().toProperty().get()));
        main.detail().setOnField(name -> {
            main.sidePanel().getSelectionModel().select(fieldsTab);
            fields.fieldPicker().setValue(name);
        });

        int key = 1;
        for (Tab tab : List.of(investigationTab, loadTestsTab, patternsTab, reportTab, fieldsTab)) {
            main.addViewItem(item(tab.getText(), "Shortcut+" + key++, () -> main.showSideTab(tab)));
        }
        patterns.setOnSearch(query -> search(main, query, null, null));
        Runnable reloadPatterns = () -> {
            Instant from = main.searchModel().fromProperty().get();
            Instant to = main.searchModel().toProperty().get();
            patterns.reload(from == null || to == null ? null : new TimeWindow(from, to));
        };
        workbench.revisionProperty().addListener((o, a, b) -> reloadPatterns.run());
        main.searchModel().toProperty().addListener((o, a, b) -> reloadPatterns.run());

        investigation.setOnSelectRecord(id -> main.timeline().selectedItemProperty().set(id));
        main.timeline().setOnItemClicked(item -> {
            main.sidePanel().getSelectionModel().select(investigationTab);
            investigation.select(item.record());
        });
        main.timeline().setOnLinkDragged((from, to) -> {
            main.sidePanel().getSelectionModel().select(investigationTab);
            investigation.proposeLink(from, to);
        });
        investigation.setOnOpenEvidence(ref -> {
            Project p = workbench.project();
            if (p == null) {
                return;
            }
            if (ref.startsWith("run:")) {
                main.sidePanel().getSelectionModel().select(loadTestsTab);
                loadTests.show(ref.substring(4));
            } else if (ref.startsWith("search:")) {
                String id = ref.substring(7);
                p.incident().getSavedSearches().stream().filter(s -> s.id().equals(id)).findFirst()
                        .ifPresent(s -> search(main, s.query(), s.window() == null ? null : s.window().start(),
                                s.window() == null ? null : s.window().end()));
            } else {
                org.pmw.app.investigation.EventRef event = org.pmw.app.investigation.EventRef.parse(ref);
                main.searchModel().queryProperty().set("source:\"" + event.source() + "\" AND line:" + event.line());
                main.searchModel().setWindow(null, null);
                main.searchModel().search(() -> main.searchView().table().getSelectionModel().selectFirst());
            }
        });

        addEventActions(main, workbench, investigation);
        addSaveSearch(main, workbench);

        javafx.scene.control.CheckMenuItem dark = new javafx.scene.control.CheckMenuItem("_Dark Theme");
        dark.setId("darkTheme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        java.util.prefs.Preferences prefs = java.util.prefs.Preferences.userRoot().node("org/pmw/workbench");
        dark.selectedProperty().addListener((o, a, on) -> {
            applyTheme(main, on);
            prefs.putBoolean("dark", on);
        });
        main.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                dark.setSelected(prefs.getBoolean("dark", false));
                applyTheme(main, dark.isSelected());
            }
        });
        main.addViewItem(dark);
        MenuItem newHypothesis = item("_New Hypothesis…", "Shortcut+N", investigation::newHypothesis);
        MenuItem undo = item("_Undo", "Shortcut+Z", workbench::undo);
        MenuItem export = item("_Export Report…", "Shortcut+E", () -> {
            main.sidePanel().getSelectionModel().select(reportTab);
            report.export();
        });
        MenuItem previewReport = item("_Preview Report in a Window", "Shortcut+Shift+P", () -> {
            main.sidePanel().getSelectionModel().select(reportTab);
            report.openPreviewWindow();
        });
        Menu investigate = new Menu("_Investigation", null, newHypothesis, undo, export, previewReport);
        main.addMenu(investigate);
        return main;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private static void search(MainView main, String query, Instant from, Instant to) {
        main.searchModel().queryProperty().set(query);
        main.searchModel().setWindow(from, to);
        main.searchModel().search();
    }

    private static String ref(Event e) {
        return e.source() + ":" + e.line();
    }

    /** Star, tag, comment the selected event, or add it as evidence for or against a hypothesis. */
    private static void addEventActions(MainView main, WorkbenchModel workbench, InvestigationView investigation) {
        Button star = new Button("★ Star");
        star.setId("starEvent");
        star.setOnAction(e -> withEvent(main, ev -> workbench.edit("star " + ref(ev),
                inv -> inv.bookmark(ref(ev), true, null, null))));
        // adds a tag, or takes off one the event already has
        MenuButton tag = new MenuButton("Tags");
        tag.setId("tagEvent");
        tag.setOnShowing(e -> {
            tag.getItems().clear();
            MenuItem add = new MenuItem("Add a tag…");
            add.setId("addTag");
            add.setOnAction(ev -> withEvent(main, event -> ask("Tag this event", "e.g. burst, root-cause")
                    .ifPresent(t -> workbench.edit("tag " + ref(event),
                            inv -> inv.bookmark(ref(event), null, List.of(t.trim()), null)))));
            tag.getItems().add(add);
            Project p = workbench.project();
            Event current = main.detail().current();
            if (p == null || current == null) {
                return;
            }
            p.incident().getBookmarks().stream().filter(b -> b.event().equals(ref(current))).findFirst()
                    .ifPresent(b -> b.tags().forEach(t -> {
                        MenuItem remove = new MenuItem("Remove tag '" + t + "'");
                        remove.setMnemonicParsing(false); // a name's underscore is part of it
                        remove.setId("removeTag-" + t);
                        remove.setOnAction(ev -> workbench.edit("untag " + ref(current),
                                inv -> inv.untag(ref(current), t)));
                        tag.getItems().add(remove);
                    }));
        });
        Button comment = new Button("Comment…");
        comment.setOnAction(e -> withEvent(main, ev -> ask("Comment on this event", "what it shows").ifPresent(c ->
                workbench.edit("comment " + ref(ev), inv -> inv.bookmark(ref(ev), null, null, c)))));
        MenuButton evidenceFor = new MenuButton("Evidence for");
        evidenceFor.setId("evidenceFor");
        MenuButton evidenceAgainst = new MenuButton("Evidence against");
        evidenceAgainst.setId("evidenceAgainst");
        for (MenuButton button : List.of(evidenceFor, evidenceAgainst)) {
            EvidenceSide side = button == evidenceFor ? EvidenceSide.FOR : EvidenceSide.AGAINST;
            button.setOnShowing(e -> {
                button.getItems().clear();
                Project p = workbench.project();
                if (p == null) {
                    return;
                }
                for (Hypothesis h : p.incident().getHypotheses()) {
                    MenuItem item = new MenuItem(h.id() + "  " + abbreviate(h.statement(), 60));
                    item.setMnemonicParsing(false); // a name's underscore is part of it
                    item.setId("evidence-" + side.name().toLowerCase() + "-" + h.id());
                    item.setOnAction(ev -> withEvent(main, event -> {
                        if (workbench.edit("evidence for " + h.id(),
                                inv -> inv.addEvidence(h.id(), side, ref(event), null))) {
                            investigation.select(h.id());
                        }
                    }));
                    button.getItems().add(item);
                }
                if (button.getItems().isEmpty()) {
                    MenuItem none = new MenuItem("No hypotheses yet (Ctrl+N)");
                    none.setDisable(true);
                    button.getItems().add(none);
                }
            });
        }
        main.detail().actions().getChildren().addAll(star, tag, comment, evidenceFor, evidenceAgainst);
    }

    private static void addSaveSearch(MainView main, WorkbenchModel workbench) {
        Button save = new Button("Save search…");
        save.setId("saveSearch");
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        save.setOnAction(e -> ask("Name this search", "e.g. Segfaults during the bursts").ifPresent(name -> {
            String query = main.searchModel().queryProperty().get();
            Instant from = main.searchModel().fromProperty().get();
            Instant to = main.searchModel().toProperty().get();
            SavedSearch[] created = new SavedSearch[1];
            workbench.edit("save search", inv -> created[0] = inv.addSavedSearch(name, query == null || query.isBlank()
                    ? "*" : query, from == null && to == null ? null : new TimeWindow(from, to)));
        }));
        main.searchView().addToBar(save);
        main.searchView().addToBar(savedSearchesMenu(main, workbench));
    }

    /**
     * The project's saved searches: each can be run again, replaced by the search on screen (keeping its id, so
     * what cites it follows), renamed or deleted (Ctrl+Z brings it back). Rebuilt each time it opens.
     */
    private static MenuButton savedSearchesMenu(MainView main, WorkbenchModel workbench) {
        MenuButton saved = new MenuButton("Saved");
        saved.setId("savedSearches");
        saved.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        saved.setOnShowing(e -> {
            saved.getItems().clear();
            Project p = workbench.project();
            List<SavedSearch> searches = p == null ? List.of() : p.incident().getSavedSearches();
            for (SavedSearch s : searches) {
                saved.getItems().add(savedSearchMenu(main, workbench, s));
            }
            if (saved.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No saved searches yet");
                none.setDisable(true);
                saved.getItems().add(none);
            }
        });
        return saved;
    }

    private static Menu savedSearchMenu(MainView main, WorkbenchModel workbench, SavedSearch s) {
        String id = s.id();
        java.time.ZoneId zone = workbench.project().zone();
        MenuItem run = new MenuItem("Run  " + abbreviate(s.query(), 60) + (s.window() == null ? ""
                : "  (" + TimeArguments.format(s.window().start(), zone) + " to "
                        + TimeArguments.format(s.window().end(), zone) + ")"));
        run.setMnemonicParsing(false); // a name's underscore is part of it
        run.setId("runSearch-" + id);
        run.setOnAction(e -> search(main, s.query(), s.window() == null ? null : s.window().start(),
                s.window() == null ? null : s.window().end()));
        MenuItem replace = new MenuItem("Replace with the current search");
        replace.setId("replaceSearch-" + id);
        replace.setOnAction(e -> {
            String query = main.searchModel().queryProperty().get();
            Instant from = main.searchModel().fromProperty().get();
            Instant to = main.searchModel().toProperty().get();
            workbench.edit("replace search " + id, inv -> inv.updateSavedSearch(id, s.name(),
                    query == null || query.isBlank() ? "*" : query,
                    from == null && to == null ? null : new TimeWindow(from, to)));
        });
        MenuItem rename = new MenuItem("Rename…");
        rename.setId("renameSearch-" + id);
        rename.setOnAction(e -> ask("Rename " + id, s.name()).ifPresent(name -> workbench.edit("rename search " + id,
                inv -> inv.updateSavedSearch(id, name, s.query(), s.window()))));
        MenuItem delete = new MenuItem("Delete");
        delete.setId("deleteSearch-" + id);
        delete.setOnAction(e -> workbench.edit("delete search " + id, inv -> inv.delete(id)));
        Menu menu = new Menu(id + "  " + abbreviate(s.name(), 50), null, run, replace, rename, delete);
        menu.setMnemonicParsing(false); // a name's underscore is part of it
        menu.setId("savedSearch-" + id);
        return menu;
    }

    private static void withEvent(MainView main, java.util.function.Consumer<Event> action) {
        Event e = main.detail().current();
        if (e != null) {
            action.accept(e);
        }
    }

    private static java.util.Optional<String> ask(String header, String prompt) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setHeaderText(header);
        dialog.getEditor().setPromptText(prompt);
        return dialog.showAndWait().filter(s -> !s.isBlank());
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Light or dark: the stylesheet for the controls, the palette for the timeline's canvas. */
    static void applyTheme(MainView main, boolean dark) {
        Scene scene = main.getScene();
        if (scene == null) {
            return;
        }
        String darkSheet = Workbench.class.getResource("/org/pmw/ui/dark.css").toExternalForm();
        scene.getStylesheets().remove(darkSheet);
        if (dark) {
            scene.getStylesheets().add(darkSheet);
        }
        main.timeline().setPalette(dark ? org.pmw.ui.timeline.TimelineView.Palette.DARK
                : org.pmw.ui.timeline.TimelineView.Palette.LIGHT);
    }

    /**
     * Puts the window's own stylesheet first: the dark theme's, when it is on, must come after it to win. (Added
     * after a dark theme remembered from the last session, it had undone half of it.)
     */
    public static void style(Scene scene) {
        String sheet = Workbench.class.getResource("/org/pmw/ui/workbench.css").toExternalForm();
        scene.getStylesheets().remove(sheet);
        scene.getStylesheets().add(0, sheet);
    }
}

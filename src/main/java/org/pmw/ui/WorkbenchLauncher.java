package org.pmw.ui;

import javafx.application.Application;

/** Starts the JavaFX window; the project to open is passed as the single application parameter. */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    public static void launch(String projectDir) {
        if (projectDir == null) {
            Application.launch(WorkbenchApp.class);
        } else {
            Application.launch(WorkbenchApp.class, projectDir);
        }
    }
}

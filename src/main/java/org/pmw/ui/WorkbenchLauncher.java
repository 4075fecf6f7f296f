package org.pmw.ui;

import javafx.application.Application;

/** Starts the JavaFX window; the project to open is passed as the single application parameter. */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    public static void launch(String projectDir) {
        try {
            if (projectDir == null) {
                Application.launch(WorkbenchApp.class);
            } else {
                Application.launch(WorkbenchApp.class, projectDir);
            }
        } catch (UnsupportedOperationException e) {
            // JavaFX's words for a machine without a display (a server, an ssh session without X forwarding)
            System.err.println("pmw: cannot open the window: " + e.getMessage() + ". The command line needs no"
                    + " display: 'java -jar pmw.jar --help' lists its commands.");
            System.exit(1);
        }
    }
}

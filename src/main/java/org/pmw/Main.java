package org.pmw;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.pmw.cli.Pmw;
import org.pmw.ui.WorkbenchLauncher;

/**
 * Entry point of pmw.jar: with no arguments (or {@code open DIR}) it opens the window, otherwise it runs the
 * command line. Kept free of JavaFX types so the command line starts without a display.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            WorkbenchLauncher.launch(null);
            return;
        }
        if (args[0].equals("open")) {
            if (args.length != 2) {
                System.err.println("pmw: usage: pmw open DIR");
                System.exit(2);
            }
            WorkbenchLauncher.launch(args[1]);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Pmw.run(args, out, err));
    }
}

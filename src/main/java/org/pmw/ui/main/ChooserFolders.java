package org.pmw.ui.main;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * Where the file choosers start. Left to themselves they open in the app's working directory, and the user walks
 * to the evidence or the project every time; here each starts where the last of its kind was, else beside the
 * project. Kept in the user's preferences, so they are still there after a restart.
 */
public final class ChooserFolders {

    /** What a chooser is for: each remembers its own folder. */
    public enum Purpose {
        IMPORT("lastImportFolder"), EXPORT("lastExportFolder"), PROJECT("lastProjectFolder");

        private final String key;

        Purpose(String key) {
            this.key = key;
        }
    }

    private static final int LONGEST_NAME = 48;

    private final Preferences prefs;

    public ChooserFolders(Preferences prefs) {
        this.prefs = prefs;
    }

    /**
     * The folder last used for this purpose while it still exists, else {@code fallback} while it exists, else
     * null: the chooser's own default.
     */
    public File start(Purpose purpose, Path fallback) {
        String last = prefs.get(purpose.key, null);
        if (last != null && Files.isDirectory(Path.of(last))) {
            return new File(last);
        }
        return fallback != null && Files.isDirectory(fallback) ? fallback.toAbsolutePath().toFile() : null;
    }

    /** Remembers the folder a chooser of this purpose was last used in. */
    public void used(Purpose purpose, Path folder) {
        if (folder != null) {
            prefs.put(purpose.key, folder.toAbsolutePath().normalize().toString());
        }
    }

    /**
     * The file a report is first offered as: the incident's title made a file name ("Checkout outage: 503s" gives
     * checkout-outage-503s-postmortem.pdf), cut at a word to stay readable in the chooser.
     */
    public static String exportFileName(String title, String extension) {
        String slug = title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-|-$", "");
        if (slug.length() > LONGEST_NAME) {
            int cut = slug.lastIndexOf('-', LONGEST_NAME);
            slug = slug.substring(0, cut > 0 ? cut : LONGEST_NAME);
        }
        return (slug.isEmpty() ? "" : slug + "-") + "postmortem." + extension;
    }
}

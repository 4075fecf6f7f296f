package org.pmw.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The projects opened last, newest first, kept in the user's preferences. */
public final class RecentProjects {

    private static final String KEY = "recentProjects";
    private static final int MAX = 8;
    private final Preferences prefs;

    public RecentProjects(Preferences prefs) {
        this.prefs = prefs;
    }

    public static RecentProjects forUser() {
        return new RecentProjects(Preferences.userRoot().node("org/pmw/workbench"));
    }

    /** The folders the file choosers start in, kept in the same preferences. */
    public ChooserFolders chooserFolders() {
        return new ChooserFolders(prefs);
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : prefs.get(KEY, "").split("\n")) {
            if (!s.isBlank() && Files.isRegularFile(Path.of(s).resolve("incident.json"))) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    public void add(Path dir) {
        List<Path> list = new ArrayList<>(list());
        Path abs = dir.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX) {
            list.remove(list.size() - 1);
        }
        prefs.put(KEY, String.join("\n", list.stream().map(Path::toString).toList()));
    }
}

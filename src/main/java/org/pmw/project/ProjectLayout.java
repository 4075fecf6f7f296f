package org.pmw.project;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things live inside an incident project folder. */
public record ProjectLayout(Path root) {

    public static final String INCIDENT_FILE = "incident.json";

    public ProjectLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path incidentFile() { return root.resolve(INCIDENT_FILE); }
    public Path backupFile() { return root.resolve(INCIDENT_FILE + ".bak"); }
    public Path evidenceDir() { return root.resolve("evidence"); }
    public Path incomingDir() { return evidenceDir().resolve(".incoming"); }
    public Path indexDir() { return root.resolve("index"); }
    /** Message templates mined at import; derived like the index and rebuilt with it. */
    public Path patternsFile() { return indexDir().resolve("patterns.json"); }
    public Path lockFile() { return root.resolve(".pmw.lock"); }

    public boolean isProject() {
        return Files.isRegularFile(incidentFile());
    }
}

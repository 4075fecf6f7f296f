package org.pmw.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.pmw.model.Incident;

/** Reads and writes incident.json: atomic saves, a .bak of the previous version, newer schemas refused. */
public final class ProjectStore {

    private final ProjectLayout layout;
    private final ObjectMapper mapper = Json.mapper();

    public ProjectStore(ProjectLayout layout) {
        this.layout = layout;
    }

    public ProjectLayout layout() {
        return layout;
    }

    /** Creates the folder structure and a fresh incident.json; refuses a folder that is already a project. */
    public Incident create(String title, ZoneId zone, Instant now) {
        if (layout.isProject()) {
            throw new ProjectException(layout.root() + " is already an incident project (it has "
                    + ProjectLayout.INCIDENT_FILE + "); open it instead");
        }
        try {
            Files.createDirectories(layout.evidenceDir());
            Files.createDirectories(layout.indexDir());
            Incident incident = new Incident(title, zone.getId(), now);
            save(incident);
            return incident;
        } catch (IOException e) {
            throw new ProjectException("cannot create project in " + layout.root() + ": " + e.getMessage(), e);
        }
    }

    public Incident load() {
        Path file = layout.incidentFile();
        if (!Files.isRegularFile(file)) {
            throw new ProjectException(layout.root() + " is not an incident project: " + ProjectLayout.INCIDENT_FILE
                    + " is missing (create one with 'pmw init " + layout.root() + "')");
        }
        try {
            JsonNode tree = mapper.readTree(file.toFile());
            int version = tree.path("schemaVersion").asInt(-1);
            if (version < 1) {
                throw new ProjectException(file + " has no valid schemaVersion; it was not written by pmw");
            }
            if (version > Incident.SCHEMA_VERSION) {
                throw new ProjectException(file + " has schemaVersion " + version + ", newer than this pmw understands ("
                        + Incident.SCHEMA_VERSION + "). Open it with a newer version of Postmortem Workbench;"
                        + " the file was left untouched.");
            }
            return mapper.treeToValue(tree, Incident.class);
        } catch (IOException e) {
            String hint = Files.exists(layout.backupFile())
                    ? " The previous version is in " + layout.backupFile().getFileName() + "."
                    : "";
            throw new ProjectException("cannot read " + file + ": " + e.getMessage() + hint, e);
        }
    }

    public void save(Incident incident) throws IOException {
        save(incident, step -> { });
    }

    public void save(Incident incident, AtomicFile.StepHook hook) throws IOException {
        byte[] json = mapper.writeValueAsBytes(incident);
        AtomicFile.write(layout.incidentFile(), json, hook);
    }
}

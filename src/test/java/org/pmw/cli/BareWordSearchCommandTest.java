package org.pmw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pmw search with a bare word that only a field of the event holds, on JSON-lines and logfmt logs. */
class BareWordSearchCommandTest {

    @TempDir
    Path tmp;

    private static JsonNode search(Path project, String query) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Pmw.run(new String[] {"search", project.toString(), query, "--json"}, new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(0, status, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void aCodeInANestedJsonFieldOrALogfmtPairIsFoundByTheBareWord() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("api.json"), """
                {"ts":"2024-03-12T10:00:01Z","level":"error","msg":"upstream call failed","err":{"type":"ECONNREFUSED","code":"E111"}}
                {"ts":"2024-03-12T10:00:02Z","level":"info","msg":"upstream call done"}
                """);
        Files.writeString(logs.resolve("worker.log"), """
                time=2024-03-12T10:00:03Z level=error msg="dial failed" error_kind=ECONNREFUSED
                time=2024-03-12T10:00:04Z level=info msg="pool ready"
                """);
        Path project = tmp.resolve("incident");
        StringWriter err = new StringWriter();
        assertEquals(0, Pmw.run(new String[] {"init", project.toString(), "--zone", "UTC"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err)), err.toString());
        assertEquals(0, Pmw.run(new String[] {"import", project.toString(), logs.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());

        JsonNode hits = search(project, "econnrefused");
        assertEquals(2, hits.get("total").asLong());
        assertEquals("upstream call failed", hits.get("events").get(0).get("message").asText());
        assertEquals("dial failed", hits.get("events").get(1).get("message").asText());
        assertEquals(1, search(project, "E111").get("total").asLong());
        assertEquals(1, search(project, "err.type:ECONNREFUSED").get("total").asLong());
    }
}

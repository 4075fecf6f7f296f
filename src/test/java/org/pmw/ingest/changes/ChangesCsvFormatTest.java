package org.pmw.ingest.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatDetector;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.FormatRegistry;
import org.pmw.ingest.InMemoryInput;
import org.pmw.model.Change;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

class ChangesCsvFormatTest {

    static final String CHANGES_CSV = """
            id,source,kind,title,started_at,ended_at,status,environment,service,target,revision,previous_revision,actor,url,ticket_ref,tags,description
            CHG-101,svn,code,Thread-safety fixes in session handler,2005-10-10T16:30:00-04:00,2005-10-10T17:05:00-04:00,done,production,app,web1,r1041,r1040,sam,http://svn.example.com/r1041,OPS-88,race;php,"Add locks around session writes.
            Found by the load test: segfaults above 150 concurrent users, ""Too many connections"" too."
            CHG-102,manual,Infra,"Xen: more memory per VM, NUMA affinity",2005-10-10 17:20:00,,done,production,xen,"dom1,dom2",,,sam,,OPS-89,"xen, vm",

            CHG-103,manual,deploy,Push to production,2005-10-10T18:00:00-04:00,2005-10-10T18:04:00-04:00,done,production,site,,r1042,r1041,sam,,OPS-90,,"Apache MPM: fewer threads per child, longer timeouts"
            CHG-104,manual,config,Restart mysqld,yesterday at six,,,,,,,,,,,,
            CHG-105,manual,hotfix,Raise max_connections to 400,2005-10-10T17:50:00Z,,done,production,mysql,db1,,,sam,,,,
            """;

    private final ChangesCsvFormat format = new ChangesCsvFormat();

    @Test
    void readsEveryColumnOfTheSchemaIncludingQuotedMultiLineText() throws Exception {
        Collected c = Collected.parse(format, "changes.csv", "changes", CHANGES_CSV);
        assertEquals(4, c.changes.size());
        assertEquals(4, c.events.size());

        Change fix = c.changes.get(0);
        assertNull(fix.id(), "the project hands out ids when it stores the change");
        assertEquals("CHG-101", fix.externalId());
        assertEquals("svn", fix.system());
        assertEquals("code", fix.kind());
        assertEquals("Thread-safety fixes in session handler", fix.title());
        assertEquals(Instant.parse("2005-10-10T20:30:00Z"), fix.startedAt());
        assertEquals(Instant.parse("2005-10-10T21:05:00Z"), fix.endedAt());
        assertEquals("done", fix.status());
        assertEquals("production", fix.environment());
        assertEquals("app", fix.service());
        assertEquals("web1", fix.target());
        assertEquals("r1041", fix.revision());
        assertEquals("r1040", fix.previousRevision());
        assertEquals("sam", fix.actor());
        assertEquals("http://svn.example.com/r1041", fix.url());
        assertEquals("OPS-88", fix.ticket());
        assertEquals(List.of("race", "php"), fix.tags());
        assertEquals("Add locks around session writes.\nFound by the load test: segfaults above 150 concurrent users,"
                + " \"Too many connections\" too.", fix.description());
        assertEquals("changes:2", fix.origin());

        Change xen = c.changes.get(1);
        assertEquals("infra", xen.kind());
        assertEquals("Xen: more memory per VM, NUMA affinity", xen.title());
        // no offset: the source's zone (New York, EDT in October)
        assertEquals(Instant.parse("2005-10-10T21:20:00Z"), xen.startedAt());
        assertEquals("dom1,dom2", xen.target());
        assertEquals(List.of("xen", "vm"), xen.tags());
        assertEquals("changes:4", xen.origin());
        assertEquals("changes:6", c.changes.get(2).origin(), "a blank line does not shift line numbers");
    }

    @Test
    void eachChangeIsAlsoASearchableEvent() throws Exception {
        Collected c = Collected.parse(format, "changes.csv", "changes", CHANGES_CSV);
        Event e = c.events.get(0);
        assertEquals(EventKind.CHANGE, e.kind());
        assertEquals(Level.NOTICE, e.level());
        assertEquals(Instant.parse("2005-10-10T20:30:00Z").toEpochMilli(), e.ts());
        assertEquals("2005-10-10T16:30:00-04:00", e.tsText());
        assertEquals("changes", e.source());
        assertEquals(2, e.line());
        assertEquals("web1", e.host());
        assertEquals("Thread-safety fixes in session handler \u2014 Add locks around session writes.", e.message());
        assertTrue(e.raw().startsWith("CHG-101,svn,code,"));
        assertTrue(e.raw().endsWith("\"\"Too many connections\"\" too.\""), e.raw());
        assertEquals("code", e.fields().get("change_kind"));
        assertEquals("app", e.fields().get("service"));
        assertEquals("web1", e.fields().get("target"));
        assertEquals("sam", e.fields().get("actor"));
        assertEquals("r1041", e.fields().get("revision"));
        assertEquals("done", e.fields().get("change_status"));
        assertEquals("production", e.fields().get("environment"));
        assertEquals(35 * 60_000L, e.fields().get("duration_ms"));
        assertEquals("Push to production \u2014 Apache MPM: fewer threads per child, longer timeouts",
                c.events.get(2).message());
    }

    @Test
    void badTimesAreSkippedWithTheLineAndUnknownKindsKeptAsOther() throws Exception {
        Collected c = Collected.parse(format, "changes.csv", "changes", CHANGES_CSV);
        assertEquals(1, c.context.skipped());
        assertEquals(List.of("line 7: started_at: expected ISO-8601 time like 2005-10-10T18:00:00-04:00,"
                + " got 'yesterday at six'"), c.context.skipReasons());
        Change hotfix = c.changes.get(3);
        assertEquals("other", hotfix.kind());
        assertEquals(List.of("kind:hotfix"), hotfix.tags());
        assertTrue(c.context.notes().contains("kind 'hotfix' (line 8) is not one of code, config, deploy, rollback,"
                + " infra, feature_flag, scaling, other; recorded as other with tag kind:hotfix"), c.context.notes().toString());
    }

    @Test
    void columnsMayComeInAnyOrderAndOnlyTitleAndStartAreNeeded() throws Exception {
        String csv = "Started At,Title,Owner\r\n2005-10-10T22:00:00Z,Push to production,sam\r\n"
                + "2005-10-10T22:10:00Z,,sam\r\n";
        Collected c = Collected.parse(format, "pushes.csv", "pushes", csv);
        assertEquals(1, c.changes.size());
        assertEquals("other", c.changes.get(0).kind());
        assertEquals(Instant.parse("2005-10-10T22:00:00Z"), c.changes.get(0).startedAt());
        assertEquals(List.of("line 3: title: missing (every change needs a title)"), c.context.skipReasons());
        assertEquals(List.of("columns not in the change schema were ignored: owner"), c.context.notes());
    }

    @Test
    void aMissingRequiredColumnRefusesTheFileNamingFileAndColumn() {
        FormatException e = assertThrows(FormatException.class, () -> Collected.parse(format, "deploys.csv", "d",
                "id,title,when\nCHG-1,push,2005-10-10T22:00:00Z\n"));
        assertEquals("deploys.csv: line 1: missing required column 'started_at' (the header has: id, title, when)",
                e.getMessage());
    }

    @Test
    void brokenQuotingAndDuplicateColumnsRefuseTheFile() {
        FormatException quote = assertThrows(FormatException.class, () -> Collected.parse(format, "broken.csv", "b",
                "title,started_at,description\npush,2005-10-10T22:00:00Z,\"never closed\n"));
        assertTrue(quote.getMessage().startsWith("broken.csv: not valid CSV"), quote.getMessage());
        FormatException twice = assertThrows(FormatException.class, () -> Collected.parse(format, "twice.csv", "t",
                "title,started_at,Title\n"));
        assertEquals("twice.csv: line 1: column 'title' appears twice in the header", twice.getMessage());
        FormatException empty = assertThrows(FormatException.class, () -> Collected.parse(format, "empty.csv", "e", ""));
        assertTrue(empty.getMessage().startsWith("empty.csv: no header line"));
    }

    @Test
    void rowsWithTooManyValuesAreSkipped() throws Exception {
        Collected c = Collected.parse(format, "c.csv", "c", "title,started_at\npush, now,2005-10-10T22:00:00Z\n");
        assertEquals(0, c.changes.size());
        assertEquals(List.of("line 2: 3 values but the header has 2 columns (quote values that contain commas)"),
                c.context.skipReasons());
    }

    @Test
    void detectionPicksChangesCsvOnlyForTheChangeHeader() {
        FormatDetector detector = new FormatDetector(FormatRegistry.standard());
        assertEquals("changes_csv", detector.detect(InMemoryInput.of("changes.csv", CHANGES_CSV).sample(200))
                .orElseThrow().name());
        assertEquals(0, format.score(InMemoryInput.of("jmeter.csv",
                "timeStamp,elapsed,label,responseCode,success\n1128981600000,12,home,200,true\n").sample(200)));
        assertEquals(0, format.score(InMemoryInput.of("error_log",
                "[Mon Oct 10 13:05:12 2005] [notice] child pid 4242 exit signal Segmentation fault (11)\n").sample(200)));
    }
}

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

class GitLogFormatTest {

    static final String DEFAULT_LOG = """
            commit 9c1e5d0b7a3f2e1d4c6b8a9f0e1d2c3b4a5f6e7d (HEAD -> master, origin/master)
            Merge: 4b2a9e1 7d3c5f8
            Author: Sam Rivera <sam@example.com>
            Date:   Mon Oct 10 17:58:40 2005 -0400

                Merge branch 'thread-safety'

                Locks around session writes; see the load test of 15:10.

            commit 7d3c5f8e2b1a0c9d8e7f6a5b4c3d2e1f0a9b8c7d
            Author: Sam Rivera <sam@example.com>
            Date:   Mon Oct 10 16:31:02 2005 -0400

                Lock session writes

            commit 4b2a9e1f0c8d7e6a5b4c3d2e1f0a9b8c7d6e5f4a
            Author: Lee Chen <lee@example.com>
            Date:   Sun Oct 9 23:12:09 2005 -0400

                httpd.conf: MaxClients 256

                Raised for the marketing launch.
                Nobody load-tested it.
            """;

    static final String FULLER_LOG = """
            commit 7d3c5f8e2b1a0c9d8e7f6a5b4c3d2e1f0a9b8c7d
            Author:     Sam Rivera <sam@example.com>
            AuthorDate: Mon Oct 10 16:31:02 2005 -0400
            Commit:     Lee Chen <lee@example.com>
            CommitDate: Mon Oct 10 17:02:45 2005 -0400

                Lock session writes

             app/session.php | 12 ++++++++----
             1 file changed, 8 insertions(+), 4 deletions(-)

            commit 4b2a9e1f0c8d7e6a5b4c3d2e1f0a9b8c7d6e5f4a
            Author:     Lee Chen <lee@example.com>
            AuthorDate: Sun Oct 9 23:12:09 2005 -0400
            Commit:     Lee Chen <lee@example.com>
            CommitDate: Sun Oct 9 23:12:09 2005 -0400

                httpd.conf: MaxClients 256
            """;

    private final GitLogFormat format = new GitLogFormat();

    @Test
    void defaultLogGivesOneCodeChangePerCommitIncludingMerges() throws Exception {
        Collected c = Collected.parse(format, "git.log", "git", DEFAULT_LOG);
        assertEquals(3, c.changes.size());
        assertEquals(0, c.context.skipped());

        Change merge = c.changes.get(0);
        assertEquals("code", merge.kind());
        assertEquals("Merge branch 'thread-safety'", merge.title());
        assertEquals("Locks around session writes; see the load test of 15:10.", merge.description());
        assertEquals("9c1e5d0b7a3f2e1d4c6b8a9f0e1d2c3b4a5f6e7d", merge.revision());
        assertEquals("4b2a9e1", merge.previousRevision());
        assertEquals(List.of("merge"), merge.tags());
        assertEquals("Sam Rivera", merge.actor());
        assertEquals(Instant.parse("2005-10-10T21:58:40Z"), merge.startedAt());
        assertNull(merge.endedAt());
        assertEquals("git:1", merge.origin());
        assertEquals("git", merge.system());

        Change lock = c.changes.get(1);
        assertEquals("Lock session writes", lock.title());
        assertNull(lock.description());
        assertEquals("git:10", lock.origin());

        Change old = c.changes.get(2);
        assertEquals(Instant.parse("2005-10-10T03:12:09Z"), old.startedAt());
        assertEquals("Raised for the marketing launch.\nNobody load-tested it.", old.description());

        Event e = c.events.get(0);
        assertEquals(EventKind.CHANGE, e.kind());
        assertEquals("Merge branch 'thread-safety' \u2014 Locks around session writes; see the load test of 15:10.",
                e.message());
        assertEquals("Mon Oct 10 17:58:40 2005 -0400", e.tsText());
        assertEquals("sam@example.com", e.fields().get("author_email"));
        assertEquals("4b2a9e1 7d3c5f8", e.fields().get("parents"));
        assertEquals("9c1e5d0b7a3f2e1d4c6b8a9f0e1d2c3b4a5f6e7d", e.fields().get("revision"));
        assertTrue(e.raw().startsWith("commit 9c1e5d0b"));
        assertTrue(e.raw().contains("    Merge branch 'thread-safety'"));
    }

    @Test
    void fullerLogTakesTheCommitDateAsTheEndAndIgnoresStat() throws Exception {
        Collected c = Collected.parse(format, "git-fuller.log", "gf", FULLER_LOG);
        assertEquals(2, c.changes.size());
        Change lock = c.changes.get(0);
        assertEquals(Instant.parse("2005-10-10T20:31:02Z"), lock.startedAt());
        assertEquals(Instant.parse("2005-10-10T21:02:45Z"), lock.endedAt());
        assertEquals("Lee Chen <lee@example.com>", c.events.get(0).fields().get("committer"));
        assertNull(lock.description(), "the --stat lines are not part of the message");
        assertTrue(c.context.notes().contains("diff and --stat lines after commit messages were ignored"));
        assertNull(c.changes.get(1).endedAt(), "committed when it was written");
        assertEquals("gf:12", c.changes.get(1).origin());
    }

    @Test
    void theDocumentedTabSeparatedFormatIsReadToo() throws Exception {
        String tsv = "9c1e5d0b7a3f2e1d4c6b8a9f0e1d2c3b4a5f6e7d\t4b2a9e1f0c8d7e6a5b4c3d2e1f0a9b8c7d6e5f4a "
                + "7d3c5f8e2b1a0c9d8e7f6a5b4c3d2e1f0a9b8c7d\tSam Rivera\tsam@example.com\t2005-10-10T17:58:40-04:00\t"
                + "2005-10-10T17:58:40-04:00\tMerge branch 'thread-safety'\n"
                + "4b2a9e1f0c8d7e6a5b4c3d2e1f0a9b8c7d6e5f4a\t\tLee Chen\tlee@example.com\t2005-10-09T23:12:09-04:00\t"
                + "2005-10-09T23:12:09-04:00\thttpd.conf: MaxClients 256\n"
                + "4b2a9e1f0c8d7e6a5b4c3d2e1f0a9b8c7d6e5f4a\tonly three\tfields\n";
        Collected c = Collected.parse(format, "git.tsv", "gt", tsv);
        assertEquals(2, c.changes.size());
        assertEquals(List.of("merge"), c.changes.get(0).tags());
        assertEquals("4b2a9e1f0c8d7e6a5b4c3d2e1f0a9b8c7d6e5f4a", c.changes.get(0).previousRevision());
        assertEquals(Instant.parse("2005-10-10T03:12:09Z"), c.changes.get(1).startedAt());
        assertNull(c.changes.get(1).previousRevision());
        assertEquals("gt:2", c.changes.get(1).origin());
        assertEquals(1, c.context.skipped());
        assertTrue(c.context.skipReasons().get(0).startsWith("line 3: expected 7 tab-separated fields"));
        assertEquals(0.95 * 2 / 3, format.score(InMemoryInput.of("git.tsv", tsv).sample(200)), 1e-9);
    }

    @Test
    void badDatesAndStrayLinesAreSkippedAndNonGitFilesRefused() throws Exception {
        String log = "warning: refname 'HEAD' is ambiguous.\n" + DEFAULT_LOG.replace(
                "Date:   Mon Oct 10 16:31:02 2005 -0400", "Date:   yesterday");
        Collected c = Collected.parse(format, "git.log", "git", log);
        assertEquals(2, c.changes.size());
        assertEquals(List.of("line 1: expected 'commit <hash>' to start a commit, got 'warning: refname 'HEAD' is ambiguous.'",
                "line 13: Date: expected a git date like 'Mon Oct 10 17:40:12 2005 -0400', got 'yesterday'"),
                c.context.skipReasons());

        FormatException e = assertThrows(FormatException.class, () -> Collected.parse(format, "notes.txt", "n",
                "some notes\nabout the outage\n"));
        assertTrue(e.getMessage().startsWith("notes.txt: no commit found"), e.getMessage());
    }

    @Test
    void detectionTellsGitLogFromOtherFiles() {
        FormatDetector detector = new FormatDetector(FormatRegistry.standard());
        assertEquals("git_log", detector.detect(InMemoryInput.of("git.log", DEFAULT_LOG).sample(200)).orElseThrow().name());
        assertEquals("git_log", detector.detect(InMemoryInput.of("fuller", FULLER_LOG).sample(200)).orElseThrow().name());
        assertEquals(0, format.score(InMemoryInput.of("syslog",
                "Oct 10 13:05:12 web1 kernel: php[4242]: segfault at 0 ip 0804a1b2\n").sample(200)));
    }
}

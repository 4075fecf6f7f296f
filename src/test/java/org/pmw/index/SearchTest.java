package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.model.Event;
import org.pmw.model.EventSearch;
import org.pmw.model.Histogram;
import org.pmw.model.LaneDensity;
import org.pmw.model.SearchHits;
import org.pmw.testing.SearchedEvidence;
import org.pmw.testing.TestProjects;

class SearchTest extends SearchedEvidence {

    /**
     * 3600 events, one a second from 14:00:00Z: every 10th is an error with status 500 (the rest 200),
     * duration_ms = second of the hour, hosts web1..web3 in turn; one multi-line stack trace at 14:30:00.
     */
    @Override
    protected List<Path> evidence(Path tmp) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3600; i++) {
            String level = i % 10 == 0 ? "error" : "info";
            int status = i % 10 == 0 ? 500 : 200;
            String words = i == 1800 ? "php fatal error in checkout" : i % 100 == 0 ? "segmentation fault child exited"
                    : "request served";
            sb.append(String.format("2005-10-10T14:%02d:%02dZ %s web%d %s status=%d duration_ms=%d ratio=%d.5%n",
                    i / 60, i % 60, level, i % 3 + 1, words, status, i, i % 7));
            if (i == 1800) {
                sb.append("    at checkout.php line 12\n    at index.php line 3\n");
            }
        }
        Path file = tmp.resolve("app.log");
        Files.writeString(file, sb.toString());
        return List.of(file);
    }

    @Test
    void totalsAreExact() throws IOException {
        assertEquals(3600, total("*"));
        assertEquals(360, total("level:error"));
        assertEquals(360, total("level:ERROR"));
        assertEquals(1200, total("host:web2"));
        assertEquals(120, total("level:error AND host:web2"));
    }

    @Test
    void bareWordsAreAndedAndPhrasesMatchInOrder() throws IOException {
        // every 100th second, except 14:30:00 which is the PHP fatal error
        assertEquals(35, total("segmentation fault"));
        assertEquals(35, total("\"segmentation fault\""));
        assertEquals(0, total("\"fault segmentation\""));
        assertEquals(35 + 1, total("segmentation OR checkout"));
        assertEquals(35, total("segment*"));
    }

    @Test
    void numericFieldsTakeRangesAndComparisons() throws IOException {
        assertEquals(360, total("status:[500 TO 599]"));
        assertEquals(360, total("status:500"));
        assertEquals(3240, total("status:[200 TO 299]"));
        assertEquals(1599, total("duration_ms:>2000"));
        assertEquals(1600, total("duration_ms:>=2000"));
        assertEquals(10, total("duration_ms:<10"));
        assertEquals(180, total("status:500 AND duration_ms:[1800 TO *]"));
    }

    @Test
    void timeWindowIsHalfOpen() throws IOException {
        Instant from = Instant.parse("2005-10-10T14:10:00Z");
        Instant to = Instant.parse("2005-10-10T14:20:00Z");
        SearchHits hits = project().index().search(EventSearch.of("*").withWindow(from, to).withLimit(5));
        assertEquals(600, hits.total());
        assertEquals(from.toEpochMilli(), hits.events().get(0).ts());
        assertEquals(60, project().index().count("level:error", from, to));
    }

    @Test
    void resultsComeInTimeOrderAndNewestFirstOnRequest() throws IOException {
        SearchHits hits = project().index().search(EventSearch.of("level:error").withLimit(3));
        assertEquals(List.of(0L, 10_000L, 20_000L),
                hits.events().stream().map(e -> e.ts() - hits.events().get(0).ts()).toList());
        SearchHits newest = project().index().search(EventSearch.of("*").withLimit(1)
                .withOrder(EventSearch.Order.TIME_DESCENDING));
        assertEquals(Instant.parse("2005-10-10T14:59:59Z").toEpochMilli(), newest.events().get(0).ts());
    }

    @Test
    void multiLineEventIsOneEventWithItsWholeText() throws IOException {
        SearchHits hits = project().index().search(EventSearch.of("checkout"));
        assertEquals(1, hits.total());
        Event e = hits.events().get(0);
        assertEquals(1801, e.line());
        assertTrue(e.raw().contains("\n    at index.php line 3"), e.raw());
        assertEquals(1, total("\"index.php line 3\""));
    }

    @Test
    void storedEventKeepsProvenanceAndTypedFields() throws IOException {
        Event e = project().index().search(EventSearch.of("duration_ms:42")).events().get(0);
        assertEquals("app.log", e.source());
        assertEquals(43, e.line());
        assertEquals("2005-10-10T14:00:42Z", e.tsText());
        assertEquals(42L, e.fields().get("duration_ms"));
        assertEquals(200L, e.fields().get("status"));
        assertEquals(0.5, (Double) e.fields().get("ratio"), 1e-9);
        assertEquals(515, total("ratio:[0 TO 1]"));
    }

    @Test
    void aWordGivenToANumberFieldIsExplainedWithTheFieldToUseInstead() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> total("level:error AND duration_ms:slow"));
        // no duration_ms here is text, so no duration_ms_text is offered that would find nothing
        assertTrue(e.getMessage().contains("duration_ms holds numbers and 'slow' is not one; every value of"
                + " duration_ms in this project is a number (search the text with \"duration_ms=slow\")"),
                e.getMessage());
    }

    @Test
    void malformedQueryGetsOneLineExplanation() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> total("status:[500 TO"));
        assertTrue(e.getMessage().startsWith("cannot understand the query 'status:[500 TO'"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aHistogramOfMillionsOfBucketsIsRefusedBeforeItIsListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> project().index().histogram("*",
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2016-01-01T00:00:00Z"), 60_000));
        assertTrue(e.getMessage().startsWith("8,415,360 buckets of 60,000 ms"), e.getMessage());
    }

    @Test
    void histogramCountsPerBucket() throws IOException {
        Histogram h = project().index().histogram("level:error", null, null, 600_000);
        assertEquals(6, h.buckets().size());
        assertEquals(360, h.total());
        h.buckets().forEach(b -> assertEquals(60, b.count()));
        assertEquals(Instant.parse("2005-10-10T14:00:00Z").toEpochMilli(), h.buckets().get(0).start());
    }

    @Test
    void theValuesOfAFieldAreCountedAmongTheMatchingEvents() throws IOException {
        org.pmw.model.FieldValues status = project().fieldValues("status", "*", null, null, 10);
        assertEquals(3600, status.matching());
        assertEquals(3600, status.withField());
        assertTrue(status.numeric());
        assertEquals(List.of(new org.pmw.model.FieldValues.Value("200", 3240), new org.pmw.model.FieldValues.Value("500", 360)),
                status.top());

        org.pmw.model.FieldValues hosts = project().fieldValues("host", "level:error", null, null, 2);
        assertEquals(360, hosts.matching());
        assertEquals(3, hosts.distinct());
        assertEquals(List.of(new org.pmw.model.FieldValues.Value("web1", 120), new org.pmw.model.FieldValues.Value("web2", 120)),
                hosts.top(), "most frequent first, then by value; at most the limit");

        org.pmw.model.FieldValues ratio = project().fieldValues("ratio", "*", null, null, 10);
        assertEquals(7, ratio.distinct());
        assertEquals(new org.pmw.model.FieldValues.Value("0.5", 515), ratio.top().get(0));

        org.pmw.model.FieldValues firstTenMinutes = project().fieldValues("level", "*",
                Instant.parse("2005-10-10T14:00:00Z"), Instant.parse("2005-10-10T14:10:00Z"), 5);
        assertEquals(600, firstTenMinutes.matching());
        assertEquals(List.of(new org.pmw.model.FieldValues.Value("info", 540), new org.pmw.model.FieldValues.Value("error", 60)),
                firstTenMinutes.top());

        // a clicked value narrows or widens the search to exactly its count
        for (org.pmw.model.FieldValues.Value v : project().fieldValues("status", "host:web2", null, null, 10).top()) {
            String clause = org.pmw.app.QueryClauses.equalTo("status", v.value(), true);
            assertEquals(v.count(), total(org.pmw.app.QueryClauses.and("host:web2", clause)));
            assertEquals(1200 - v.count(), total(org.pmw.app.QueryClauses.andNot("host:web2", clause)));
        }
        assertEquals(2400, total(org.pmw.app.QueryClauses.andNot("*", org.pmw.app.QueryClauses.equalTo("host", "web2", false))));

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> project().fieldValues("statuss", "*", null, null, 10));
        assertTrue(unknown.getMessage().startsWith("no field 'statuss' in this project (fields: source, host, level"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> project().fieldValues("message", "*", null, null, 10));
    }

    @Test
    void aroundGivesTheEventAndItsNeighboursInTheSameSource() throws IOException {
        List<Event> events = project().index().around("app.log", 1802, 2);
        // line 1802 is inside the multi-line event that starts at 1801
        assertEquals(List.of(1799L, 1800L, 1801L, 1804L, 1805L), events.stream().map(Event::line).toList());
        assertTrue(project().index().around("app.log", 99999, 2).isEmpty());
    }

    @Test
    void aroundFindsNeighboursManyLinesAwayWhenEventsAreLong(@TempDir Path tmp) throws Exception {
        // 40 stack traces of 300 lines each: the ten events either side lie thousands of lines away
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(String.format("2005-10-10T15:00:%02dZ error web1 php fatal error number %d%n", i, i));
            for (int at = 1; at < 300; at++) {
                sb.append("    at frame").append(at).append(".php line 12\n");
            }
        }
        Path file = tmp.resolve("traces.log");
        Files.writeString(file, sb.toString());
        try (Project traces = TestProjects.create(tmp.resolve("traces"))) {
            traces.importFiles(List.of(file), ImportOptions.defaults(), Progress.NONE);
            // line 6060 is inside the 21st trace (it starts at line 6001)
            List<Long> around = traces.index().around("traces.log", 6060, 10).stream().map(Event::line).toList();
            List<Long> expected = new java.util.ArrayList<>();
            for (int i = 10; i <= 30; i++) {
                expected.add(i * 300L + 1);
            }
            assertEquals(expected, around);
            // the last trace: every one before it is far back, none after it
            List<Long> last = traces.index().around("traces.log", 39 * 300 + 299, 10).stream().map(Event::line)
                    .toList();
            assertEquals(11, last.size());
            assertEquals(29 * 300L + 1, last.get(0));
            assertEquals(39 * 300L + 1, last.get(10));
        }
    }

    @Test
    void aroundKeepsToTheFileOfItsSourceAtItsEnds(@TempDir Path tmp) throws Exception {
        // two files whose names differ only in case (from two machines' folders), and a file of one event
        Path upper = Files.createDirectories(tmp.resolve("a")).resolve("Server.log");
        Path lower = Files.createDirectories(tmp.resolve("b")).resolve("server.log");
        Path single = tmp.resolve("one.log");
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            a.append(String.format("2005-10-10T15:00:%02dZ info web1 upper line %d%n", i, i));
            b.append(String.format("2005-10-10T15:00:%02dZ info web2 lower line %d%n", i, i));
        }
        Files.writeString(upper, a.toString());
        Files.writeString(lower, b.toString());
        Files.writeString(single, "2005-10-10T15:00:00Z info web3 alone\n");
        try (Project p = TestProjects.create(tmp.resolve("p"))) {
            p.importFiles(List.of(upper), ImportOptions.defaults(), Progress.NONE);
            p.importFiles(List.of(lower), ImportOptions.defaults(), Progress.NONE);
            p.importFiles(List.of(single), ImportOptions.defaults(), Progress.NONE);
            List<String> ids = p.incident().getSources().stream().map(org.pmw.model.SourceFile::id).toList();
            for (String id : ids.subList(0, 2)) {
                List<Event> first = p.around(id, 1, 2);
                assertEquals(List.of(1L, 2L, 3L), first.stream().map(Event::line).toList(), id + ": " + first);
                assertTrue(first.stream().allMatch(e -> e.source().equals(id)), id + ": " + first);
                List<Event> last = p.around(id, 5, 2);
                assertEquals(List.of(3L, 4L, 5L), last.stream().map(Event::line).toList(), id + ": " + last);
                assertTrue(last.stream().allMatch(e -> e.source().equals(id)), id + ": " + last);
            }
            List<Event> alone = p.around(ids.get(2), 1, 10);
            assertEquals(1, alone.size());
            assertEquals("alone", alone.get(0).message());
        }
    }

    @Test
    void laneDensitySplitsBySourceAndLevel() throws IOException {
        LaneDensity d = project().index().laneDensity("*", Instant.parse("2005-10-10T14:00:00Z"),
                Instant.parse("2005-10-10T15:00:00Z"), 60);
        long[][] lane = d.counts().get("app.log");
        long errors = 0;
        long all = 0;
        for (int level = 0; level < lane.length; level++) {
            for (long c : lane[level]) {
                all += c;
                if (level == org.pmw.model.Level.ERROR.ordinal()) {
                    errors += c;
                }
            }
        }
        assertEquals(3600, all);
        assertEquals(360, errors);
    }
}

package org.pmw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.investigation.EvidenceSide;
import org.pmw.app.investigation.Investigation;
import org.pmw.model.ActionItem;
import org.pmw.model.Change;
import org.pmw.model.HypothesisStatus;
import org.pmw.model.Outcome;
import org.pmw.model.ReportText;
import org.pmw.model.TimeWindow;
import org.pmw.testing.TestProjects;

class ReportsTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";

    @TempDir
    Path tmp;
    private Project project;

    @BeforeEach
    void build() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int m = 0; m < 120; m++) {
            log.append(String.format("2005-10-10T%02d:%02d:00Z info web1 request served status=200%n", 21 + m / 60, m % 60));
            if (m < 60 && m % 3 == 0) {
                log.append(String.format("2005-10-10T21:%02d:30Z error web1 child exited segmentation fault status=500%n", m));
            }
        }
        log.append("2005-10-10T21:00:45Z error web1 ").append(SCRIPT).append(" | pipe ").append(IMG).append('\n');
        Path file = tmp.resolve("app.log");
        Files.writeString(file, log.toString());
        project = TestProjects.create(tmp.resolve("incident"));
        project.importFiles(List.of(file), ImportOptions.defaults(), Progress.NONE);
        Investigation inv = project.investigation();
        var h = inv.addHypothesis("Concurrency " + SCRIPT + " overwhelms | the web tier", "notes\nwith a newline");
        inv.addEvidence(h.id(), EvidenceSide.FOR, "app.log:2", "first crash " + IMG);
        inv.addEvidence(h.id(), EvidenceSide.FOR, project.investigation().addSavedSearch("hostile",
                "\"alert(1)\"", null).id(), null);
        inv.setStatus(h.id(), HypothesisStatus.SUPPORTED, "load test");
        Change c = inv.addChange(new Change(null, "config", "Fewer threads " + IMG, null, null, null, null,
                Instant.parse("2005-10-10T22:00:00Z"), null, "done", "dan", null, null, null, null, List.of(), null, null));
        inv.addOutcome(new Outcome(null, "Segfaults after the push", List.of(c.id()), "segmentation",
                null, new TimeWindow(Instant.parse("2005-10-10T21:00:00Z"), Instant.parse("2005-10-10T22:00:00Z")),
                new TimeWindow(Instant.parse("2005-10-10T22:00:00Z"), Instant.parse("2005-10-10T23:00:00Z")), null, null));
        inv.addActionItem(new ActionItem(null, "Alert on segfaults | per minute", "prevent", "ops", null, "open"));
        inv.bookmark("app.log:2", true, List.of("burst"), "first");
        project.save();
    }

    private String render(String format, String template) throws Exception {
        return new String(Reports.render(project, format, template, false), StandardCharsets.UTF_8);
    }

    @Test
    void theHeaderTakesTheIncidentsTimeFromItsMarkers() throws Exception {
        assertTrue(render("md", "sre").contains("| Incident window | not set (mark when the outage began and ended),"
                + " times in UTC |"), "the zone is named even before the window is known");
        Investigation inv = project.investigation();
        inv.setMarker("ends", Instant.parse("2005-10-11T01:30:00Z"), "Outage over");
        inv.setMarker("outage_begins", Instant.parse("2005-10-10T21:00:00Z"), null);
        inv.setMarker("detected", Instant.parse("2005-10-10T21:20:00Z"), null);
        String md = render("md", "sre");
        assertTrue(md.contains("| Date | Monday 10 – Tuesday 11 October 2005 |"), md);
        assertTrue(md.contains("| Incident window | 2005-10-10 21:00"), md);
        assertInOrder(md, "| Outage begins |", "| Detected |", "| Outage over (outage ends) |");
    }

    @Test
    void sectionsComeInTheTemplatesOrder() throws Exception {
        String sre = render("md", "sre");
        assertInOrder(sre, "## Summary", "## Impact", "## Root Causes", "## Trigger", "## Resolution", "## Detection",
                "## Action Items", "## Lessons Learned", "### What went well", "### What went wrong",
                "### Where we got lucky", "## Timeline", "## Supporting information");
        assertInOrder(render("md", "pagerduty"), "## Summary", "## Leadup", "## Fault", "## Impact", "## Detection",
                "## Response and recovery", "## Timeline", "## Related records", "## Lessons Learned", "## Action Items");
        assertInOrder(render("md", "atlassian"), "## Incident summary", "## Leadup", "## Impact", "## Detection",
                "## Recovery", "## Timeline", "## Root cause", "## Lessons Learned", "## Corrective actions");
    }

    private static void assertInOrder(String text, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = text.indexOf(part, at + 1);
            assertTrue(next > at, part + " missing or out of order");
            at = next;
        }
    }

    @Test
    void emptyProseIsAPlaceholderInDraftsAndRefusedWhenFinal() throws Exception {
        assertTrue(render("md", "sre").contains("> **TO WRITE (Impact):**"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reports.render(project, "md", "sre", true));
        assertTrue(e.getMessage().contains("Summary") && e.getMessage().contains("Impact"), e.getMessage());
        project.incident().setReport(new ReportText("s", "i", "r", "t", "res", "d", "well", "wrong", "lucky"));
        String done = new String(Reports.render(project, "md", "sre", true), StandardCharsets.UTF_8);
        assertFalse(done.contains("TO WRITE"));
    }

    @Test
    void everyOutcomeNumberCarriesTheSearchThatReproducesIt() throws Exception {
        String md = render("md", "sre");
        long before = project.count("segmentation", Instant.parse("2005-10-10T21:00:00Z"),
                Instant.parse("2005-10-10T22:00:00Z"));
        assertEquals(20, before);
        assertTrue(md.contains("20 in 60 min = 0.333/min"), md);
        assertTrue(md.contains("0 in 60 min = 0.000/min"), md);
        assertTrue(md.contains("`pmw search incident 'segmentation' --from 2005-10-10T21:00:00Z --to 2005-10-10T22:00:00Z`"),
                md);
        assertTrue(md.contains("`pmw show incident app.log:2`"), md);
        // every footnote reference has its definition
        for (int n = 1; md.contains("[^" + n + "]"); n++) {
            assertTrue(md.contains("[^" + n + "]: `pmw "), "footnote " + n);
        }
    }

    @Test
    void hostileTextIsEscapedInHtmlAndNothingIsLoaded() throws Exception {
        String html = render("html", "sre");
        assertFalse(html.toLowerCase().contains("<script"), "a script tag got through");
        assertFalse(html.contains("<img"), "an img tag got through");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "something is loaded from the network");
        assertTrue(html.contains("<svg"), "charts are inline SVG");
        // well-formed XHTML: the PDF renderer parses it as XML
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void markdownTablesSurvivePipesAndNewlines() throws Exception {
        String md = render("md", "sre");
        for (String line : md.split("\n")) {
            if (line.startsWith("| A1 ")) {
                assertEquals(7, line.replace("\\|", "").chars().filter(c -> c == '|').count(), line);
            }
        }
        assertTrue(md.contains("Alert on segfaults \\| per minute"));
    }

    @Test
    void aTildeForAboutIsNotStruckThrough() throws Exception {
        // GitHub reads a pair of single tildes as strikethrough: "~70 to ~110" would show "70 to " crossed out
        Investigation inv = project.investigation();
        var h = inv.addHypothesis("Errors start between ~70 and ~110 concurrent users", null);
        inv.setStatus(h.id(), HypothesisStatus.SUPPORTED, "load test");
        String md = render("md", "sre");
        assertTrue(md.contains("Errors start between \\~70 and \\~110 concurrent users"), md);
        assertFalse(md.contains("between ~70"), md);
    }

    @Test
    void theTimelineSaysWhyAHypothesisWasDecided() throws Exception {
        Investigation inv = project.investigation();
        var h = inv.addHypothesis("One Xen VM misbehaves", null);
        inv.setStatus(h.id(), HypothesisStatus.REFUTED, "all three guests crash alike",
                Instant.parse("2005-10-10T21:30:00Z"));
        String row = java.util.Arrays.stream(render("md", "sre").split("\n"))
                .filter(line -> line.startsWith("| 2005-10-10 21:30 |")).findFirst().orElseThrow();
        assertTrue(row.contains(h.id() + " open → refuted: One Xen VM misbehaves"), row);
        assertTrue(row.contains("all three guests crash alike"), "the reason given with set-status: " + row);
    }

    @Test
    void anOutcomeStandsInTheTimelineWhereItsChangeWentLive() throws Exception {
        // its before window starts at 21:00 with the outage; the row belongs where before turns into after, 22:00
        List<String> rows = java.util.Arrays.stream(render("md", "sre").split("\n"))
                .filter(line -> line.matches("\\| 2005-10-1\\d \\d\\d:\\d\\d \\|.*")).toList();
        String outcome = rows.stream().filter(r -> r.contains("| outcome |")).findFirst().orElseThrow();
        assertTrue(outcome.startsWith("| 2005-10-10 22:00 | 22:00Z | outcome | Segfaults after the push"), outcome);
        assertTrue(outcome.contains("before 2005-10-10 21:00"), "the windows it compares: " + outcome);
        int change = rows.indexOf(rows.stream().filter(r -> r.contains("| change |")).findFirst().orElseThrow());
        assertTrue(rows.indexOf(outcome) > change, "after the change it measures: " + rows);
        List<String> times = rows.stream().map(r -> r.substring(2, 18)).toList();
        assertEquals(times.stream().sorted().toList(), times, "rows in time order");
    }

    @Test
    void anExperimentLinkedToAHypothesisIsAmongThoseThatDecidedIt() throws Exception {
        // pmw link E1 refutes H2 / E1 tests H2: the experiment was recorded for another hypothesis, or for none
        Investigation inv = project.investigation();
        var db = inv.addHypothesis("MySQL connection leak", null);
        var vm = inv.addHypothesis("One Xen VM misbehaves", null);
        var snapshot = inv.addExperiment(new org.pmw.model.Experiment(null, "MySQL status snapshot", "mysqladmin status",
                null, null, List.of(), List.of(), "connections leak", "plenty of headroom", "refutes", null));
        var guests = inv.addExperiment(new org.pmw.model.Experiment(null, "Crash one guest on purpose", null, null,
                null, List.of(), List.of(), null, null, "supports", null));
        inv.link(snapshot.id(), "refutes", db.id());
        inv.link(guests.id(), "tests", vm.id());
        String md = render("md", "sre");
        String dbRow = md.lines().filter(l -> l.startsWith("| " + db.id() + " |")).findFirst().orElseThrow();
        assertTrue(dbRow.endsWith("| " + snapshot.id() + " (refutes) |"), dbRow);
        String vmRow = md.lines().filter(l -> l.startsWith("| " + vm.id() + " |")).findFirst().orElseThrow();
        assertTrue(vmRow.endsWith("| " + guests.id() + " (supports) |"), "a tests link takes its verdict: " + vmRow);
    }

    @Test
    void anInconclusiveExperimentDecidedNothingInAnyFormat() throws Exception {
        Investigation inv = project.investigation();
        var vm = inv.addHypothesis("One Xen VM misbehaves", null);
        var logs = inv.addExperiment(new org.pmw.model.Experiment(null, "Compare the VMs' logs", null, vm.id(),
                null, List.of(), List.of(), null, "no guest stands out", "inconclusive", null));
        var dmesg = inv.addExperiment(new org.pmw.model.Experiment(null, "Read dom0's dmesg", null, null, null,
                List.of(), List.of(), null, null, "inconclusive", null));
        var crash = inv.addExperiment(new org.pmw.model.Experiment(null, "Crash one guest on purpose", null, vm.id(),
                null, List.of(), List.of(), null, null, "refutes", null));
        inv.link(dmesg.id(), "tests", vm.id());
        String md = render("md", "sre");
        String vmRow = md.lines().filter(l -> l.startsWith("| " + vm.id() + " |")).findFirst().orElseThrow();
        assertTrue(vmRow.endsWith("| " + crash.id() + " (refutes) |"), vmRow);
        assertTrue(md.contains(logs.id() + " Compare the VMs' logs (inconclusive)"),
                "the Experiments section still lists it with its verdict");
        String html = render("html", "sre");
        String htmlRow = html.substring(html.indexOf("<td>" + vm.id() + "</td>"));
        htmlRow = htmlRow.substring(0, htmlRow.indexOf("</tr>"));
        assertTrue(htmlRow.contains(crash.id() + " (refutes)"), htmlRow);
        assertFalse(htmlRow.contains(logs.id()) || htmlRow.contains(dmesg.id()), htmlRow);
        try (var document = org.apache.pdfbox.Loader.loadPDF(Reports.render(project, "pdf", "sre", false))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains(crash.id() + " (refutes)"), text);
            assertFalse(text.contains(logs.id() + " (inconclusive)") || text.contains(dmesg.id() + " (inconclusive)"),
                    text);
        }
    }

    @Test
    void aPendingExperimentHasDecidedNothing() throws Exception {
        Investigation inv = project.investigation();
        var db = inv.addHypothesis("MySQL connection leak", null);
        var planned = inv.addExperiment(new org.pmw.model.Experiment(null, "Watch SHOW PROCESSLIST", null, db.id(),
                null, List.of(), List.of(), null, null, "pending", null));
        var linked = inv.addExperiment(new org.pmw.model.Experiment(null, "Pool sizes by hand", null, null, null,
                List.of(), List.of(), null, null, "pending", null));
        var snapshot = inv.addExperiment(new org.pmw.model.Experiment(null, "MySQL status snapshot", null, null, null,
                List.of(), List.of(), null, null, "pending", null));
        inv.link(linked.id(), "tests", db.id());
        inv.link(snapshot.id(), "refutes", db.id());
        String dbRow = render("md", "sre").lines().filter(l -> l.startsWith("| " + db.id() + " |")).findFirst()
                .orElseThrow();
        assertFalse(dbRow.contains(planned.id()) || dbRow.contains(linked.id()) || dbRow.contains("pending"), dbRow);
        assertTrue(dbRow.endsWith("| " + snapshot.id() + " (refutes) |"), "a link that says the verdict: " + dbRow);
    }

    @Test
    void anExperimentSaysWhenItRanAndTheSearchesItProduced() throws Exception {
        Investigation inv = project.investigation();
        var segfaults = inv.addSavedSearch("Segfaults, to compare the hosts", "segmentation", null);
        inv.addExperiment(new org.pmw.model.Experiment(null, "Compare the VMs' logs", "read each guest's log", null,
                new TimeWindow(Instant.parse("2005-10-10T21:05:00Z"), Instant.parse("2005-10-10T21:50:00Z")),
                List.of(), List.of(segfaults.id()), "one guest differs", "all crash alike", "refutes", null));
        String md = render("md", "sre");
        String para = md.substring(md.indexOf("Compare the VMs' logs (refutes)"));
        para = para.substring(0, para.indexOf("\n\n", para.indexOf("\n\n") + 2));
        assertTrue(para.contains("2005-10-10 21:05 – 2005-10-10 21:50"), para);
        java.util.regex.Matcher ref = java.util.regex.Pattern.compile(segfaults.id()
                + " Segfaults, to compare the hosts\\[\\^(\\d+)]").matcher(para);
        assertTrue(ref.find(), para);
        assertTrue(md.contains("[^" + ref.group(1) + "]: `pmw search incident 'segmentation'`"), md);
    }

    @Test
    void theOverviewsHistogramFootnoteCountsTheChartsWindow() throws Exception {
        // the sample's evidence starts days before its incident window (MySQL's log since the server started)
        project.incident().setWindow(new TimeWindow(Instant.parse("2005-10-10T21:30:00Z"),
                Instant.parse("2005-10-10T22:30:00Z")));
        String md = render("md", "sre");
        assertTrue(md.contains("]: `pmw histogram incident '*' --bucket 1h --from 2005-10-10T21:30:00Z"
                + " --to 2005-10-10T22:30:00Z`"), md);
    }

    @Test
    void aListWrittenInTheProseStaysAList() throws Exception {
        project.incident().setReport(new ReportText("s", "i", "r", "t", "res", "d", "well",
                "Two things slowed us down:\n\n- Hours went to checking each VM\n- Nothing alerted on *segfaults*\n"
                        + "  or on the 5xx rate", "lucky"));
        String md = render("md", "sre");
        assertTrue(md.contains("Two things slowed us down:\n\n- Hours went to checking each VM\n"
                + "- Nothing alerted on \\*segfaults\\* or on the 5xx rate\n"), md);
        String html = render("html", "sre");
        assertTrue(html.contains("<ul><li>Hours went to checking each VM</li><li>Nothing alerted on *segfaults* or on"
                + " the 5xx rate</li></ul>"), html);
    }

    @Test
    void aUtcTimeOnAnotherDayThanTheLocalOneSaysWhichDay() throws Exception {
        // 20:00 in New York is midnight UTC the next day: "00:00Z" alone reads as the start of the local day
        project.incident().setZone("America/New_York");
        Investigation inv = project.investigation();
        inv.setMarker("outage_begins", Instant.parse("2005-10-10T21:00:00Z"), null);
        inv.setMarker("ends", Instant.parse("2005-10-11T00:00:00Z"), "Outage over");
        String md = render("md", "sre");
        assertTrue(md.contains("| Outage begins | 2005-10-10 17:00 (21:00Z) |"), md);
        assertTrue(md.contains("| Outage over (outage ends) | 2005-10-10 20:00 (2005-10-11 00:00Z) |"), md);
        assertTrue(md.contains("| 2005-10-10 20:00 | 2005-10-11 00:00Z | marker | Outage over |"), md);
        assertTrue(md.contains("| 2005-10-10 17:00 | 21:00Z | marker | Outage begins |"), md);
    }

    @Test
    void aMarkerWithoutALabelIsNamedInTheTimelineAsInTheHeader() throws Exception {
        // pmw marker DIR ends TIME: the timeline had the bare kind, "ends", under the header's "Outage ends"
        Investigation inv = project.investigation();
        inv.setMarker("outage_begins", Instant.parse("2005-10-10T21:00:00Z"), null);
        inv.setMarker("mitigated", Instant.parse("2005-10-10T22:00:00Z"), null);
        inv.setMarker("ends", Instant.parse("2005-10-10T23:00:00Z"), null);
        String md = render("md", "sre");
        assertTrue(md.contains("| Outage ends | 2005-10-10 23:00 (23:00Z) |"), md);
        assertTrue(md.contains("| 2005-10-10 21:00 | 21:00Z | marker | Outage begins |"), md);
        assertTrue(md.contains("| 2005-10-10 22:00 | 22:00Z | marker | Mitigated |"), md);
        assertTrue(md.contains("| 2005-10-10 23:00 | 23:00Z | marker | Outage ends |"), md);
    }

    @Test
    void pdfHasPages() throws Exception {
        byte[] pdf = Reports.render(project, "pdf", "sre", false);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() > 1, "pages: " + document.getNumberOfPages());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Segfaults after the push"), "the outcome is in the PDF");
            assertTrue(text.contains("<script>alert(1)</script>"), "hostile text shows as text");
        }
    }

    @Test
    void aLongHypothesisReadsAcrossThePageAndALongUrlIsBrokenWithoutLosingAWord() throws Exception {
        StringBuilder statement = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            statement.append(i == 1 ? "" : " ").append("word").append(i);
        }
        String url = "https://example.com/" + "a1b2c3d4e5".repeat(28);
        project.investigation().addHypothesis(statement.toString(), null);
        project.investigation().addHypothesis("See " + url + " for the trace", null);
        project.investigation().addActionItem(new ActionItem(null, "Rotate " + url, "prevent", "ops", null, "open"));
        byte[] pdf = Reports.render(project, "pdf", "sre", false);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            List<String> words = List.of(text.split("\\s+"));
            for (int i = 1; i <= 400; i++) {
                assertTrue(words.contains("word" + i), "word" + i + " is in the PDF");
            }
            long lines = text.lines().filter(l -> l.matches(".*\\bword[0-9]+\\b.*")).count();
            // beside five columns it ran about three words a line down three pages
            assertTrue(lines < 60, "the statement takes " + lines + " lines");
            String joined = text.replaceAll("\\s+", "");
            assertEquals(3, joined.split(java.util.regex.Pattern.quote(url), -1).length,
                    "the URL, broken across lines, is whole in both places");
        }
    }

    @Test
    void chineseAndJapaneseTitlesAreWrittenInThePdfWhereTheSystemHasAFontForThem() throws Exception {
        // Debian's fonts-droid-fallback (a LibreOffice dependency); DejaVu has no CJK glyphs and drew "####"
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(
                Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")));
        project.investigation().addActionItem(new ActionItem(null, "東京リージョンの接続数に警告を出す", "prevent",
                "運用チーム", null, "open"));
        byte[] pdf = Reports.render(project, "pdf", "sre", false);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("東京リージョンの接続数に警告を出す"), text);
            assertTrue(text.contains("運用チーム"), text);
            assertTrue(text.contains("Alert on segfaults | per minute"), "the Latin text keeps its font: " + text);
        }
    }

    @Test
    void theDocumentIsWhatTheExportsRenderAndItsChartsDraw() throws Exception {
        org.pmw.model.ReportDocument doc = Reports.document(project, project.copyOfIncident(), "sre");
        assertEquals(render("md", "sre"), Reports.markdown(doc), "the preview shows what a Markdown export writes");
        assertTrue(doc.blocks().contains(new org.pmw.model.ReportDocument.Heading(2, "Summary")));
        assertTrue(doc.footnotes().stream().anyMatch(f -> f.contains("segmentation")), doc.footnotes().toString());
        org.pmw.model.ReportDocument.Chart overview = doc.blocks().stream()
                .filter(b -> b instanceof org.pmw.model.ReportDocument.Chart)
                .map(b -> (org.pmw.model.ReportDocument.Chart) b).findFirst().orElseThrow();
        org.pmw.model.Bitmap pixels = Reports.chart(overview, 600);
        assertEquals(600, pixels.width());
        assertTrue(pixels.height() > 20 && pixels.height() < 600, "height in proportion: " + pixels.height());
        long white = java.util.Arrays.stream(pixels.argb()).filter(p -> p == 0xFFFFFFFF).count();
        long reddish = java.util.Arrays.stream(pixels.argb())
                .filter(p -> ((p >> 16) & 0xFF) > 150 && ((p >> 8) & 0xFF) < 110 && (p & 0xFF) < 110).count();
        assertTrue(white > pixels.argb().length / 3, "drawn on white");
        assertTrue(reddish > 20, "the burst of errors is drawn in red: " + reddish + " pixels");
    }
}

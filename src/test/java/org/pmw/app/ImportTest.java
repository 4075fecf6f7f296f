package org.pmw.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.model.EventSearch;
import org.pmw.model.SearchHits;
import org.pmw.model.SourceFile;
import org.pmw.testing.TestProjects;

class ImportTest {

    @TempDir
    Path tmp;

    private Path project() {
        return tmp.resolve("incident");
    }

    private Path write(String name, String content) throws IOException {
        Path file = tmp.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static String lines(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format("2005-10-10T14:%02d:%02dZ %s web%d request done status=%d%n", i / 60 % 60, i % 60,
                    i % 10 == 0 ? "error" : "info", i % 3 + 1, i % 10 == 0 ? 500 : 200));
        }
        return sb.toString();
    }

    @Test
    void importCopiesEvidenceByteForByteAndIndexesEveryEvent() throws Exception {
        Path log = write("app.log", lines(1000));
        try (Project p = TestProjects.create(project())) {
            List<ImportReport> reports = p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
            assertEquals(1, reports.size());
            ImportReport r = reports.get(0);
            assertEquals(ImportReport.IMPORTED, r.status());
            assertEquals("test_kv", r.format());
            assertEquals(1000, r.events());
            assertEquals(0, r.skipped());
            assertEquals("2005-10-10T14:00:00Z", r.first().toString());
            SourceFile source = p.incident().getSources().get(0);
            assertArrayEquals(Files.readAllBytes(log), Files.readAllBytes(project().resolve(source.evidencePath())));
            assertEquals(Files.size(log), source.size());
            assertEquals(64, source.sha256().length());
            assertEquals(1000, p.index().count("*", null, null));
            assertEquals(100, p.index().count("level:error", null, null));
        }
        // reopened from disk: the manifest and the index agree
        try (Project p = TestProjects.open(project())) {
            assertEquals(1, p.incident().getSources().size());
            assertEquals(1000, p.index().size());
        }
    }

    @Test
    void twoImportsStartedTogetherRunOneAfterTheOtherAndBothLand() throws Exception {
        Path a = write("a.log", lines(30_000));
        Path b = write("b.log", lines(20_000).replace(" request done ", " request failed "));
        try (Project p = TestProjects.create(project())) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                var first = pool.submit(() -> {
                    start.await();
                    return p.importFiles(List.of(a), ImportOptions.defaults(), Progress.NONE);
                });
                var second = pool.submit(() -> {
                    start.await();
                    return p.importFiles(List.of(b), ImportOptions.defaults(), Progress.NONE);
                });
                start.countDown();
                assertEquals(30_000, first.get().get(0).events());
                assertEquals(20_000, second.get().get(0).events());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(2, p.incident().getSources().size());
            assertEquals(50_000, p.index().count("*", null, null));
            assertEquals(20_000, p.index().count("failed", null, null));
        }
        try (Project p = TestProjects.open(project())) {
            assertEquals(50_000, p.index().size(), "both imports are in the committed index");
        }
    }

    @Test
    void aByteOrderMarkDoesNotCostTheFirstEvent() throws Exception {
        Path file = tmp.resolve("in").resolve("bom.log");
        Files.createDirectories(file.getParent());
        byte[] text = lines(20).getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        Files.write(file, withMark);
        try (Project p = TestProjects.create(project())) {
            ImportReport r = p.importFiles(List.of(file), ImportOptions.defaults(), Progress.NONE).get(0);
            assertEquals(20, r.events());
            assertEquals(0, r.skipped());
            assertEquals("2005-10-10T14:00:00Z", r.first().toString());
            assertEquals(2, p.index().count("level:error", null, null), "the first line is an error, and counted");
        }
    }

    @Test
    void anImportWaitingForAnotherCanBeCancelledWhileItWaits() throws Exception {
        Path a = write("a.log", lines(2000));
        Path b = write("b.log", lines(100).replace(" request done ", " request failed "));
        try (Project p = TestProjects.create(project())) {
            java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> p.importFiles(List.of(a), ImportOptions.defaults(), new Progress() {
                    @Override
                    public void update(String message, double fraction) {
                        running.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                }));
                assertTrue(running.await(30, java.util.concurrent.TimeUnit.SECONDS));
                java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
                List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
                var second = pool.submit(() -> p.importFiles(List.of(b), ImportOptions.defaults(), new Progress() {
                    @Override
                    public void update(String message, double fraction) {
                        messages.add(message);
                        cancel.set(true); // the user presses Cancel on the waiting import
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancel.get();
                    }
                }));
                var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> second.get(30, java.util.concurrent.TimeUnit.SECONDS));
                assertTrue(failure.getCause() instanceof ImportException ie && ie.cancelled(), failure.toString());
                assertTrue(messages.contains("Waiting for the import running now to finish"), messages.toString());
                assertFalse(first.isDone(), "the running import was not disturbed");
                release.countDown();
                assertEquals(2000, first.get(30, java.util.concurrent.TimeUnit.SECONDS).get(0).events());
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
            assertEquals(1, p.incident().getSources().size());
            assertEquals(0, p.index().count("failed", null, null));
        }
    }

    @Test
    void sameContentTwiceIsDetectedByHashAndNotIndexedAgain() throws Exception {
        Path log = write("a.log", lines(50));
        Path copy = write("copy-of-a.log", lines(50));
        try (Project p = TestProjects.create(project())) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
            List<ImportReport> again = p.importFiles(List.of(copy), ImportOptions.defaults(), Progress.NONE);
            assertEquals(ImportReport.DUPLICATE, again.get(0).status());
            assertEquals(50, p.index().size());
            assertEquals(1, p.incident().getSources().size());
        }
    }

    @Test
    void theSameLogCompressedOrNotIsOneSourceWhicheverCameFirst() throws Exception {
        Path plain = write("access_log.1", lines(400));
        Path compressed = gzip("access_log.1.gz", lines(400));
        Path laterGz = gzip("error_log.1.gz", lines(300).replace("request done", "child exited"));
        Path laterPlain = write("error_log.1", lines(300).replace("request done", "child exited"));
        Path differs = gzip("access_log.2.gz", lines(401));
        try (Project p = TestProjects.create(project())) {
            p.importFiles(List.of(plain, laterGz), ImportOptions.defaults(), Progress.NONE);
            SourceFile gz = p.incident().getSources().get(1);
            assertEquals(64, gz.contentSha256().length(), "a compressed source keeps the hash of its content");
            assertEquals(Files.size(laterPlain), gz.contentSize());
            assertEquals(null, p.incident().getSources().get(0).contentSha256());
        }
        assertFalse(Files.readString(project().resolve("incident.json")).contains("\"contentSha256\" : null"));
        try (Project p = TestProjects.open(project())) {
            List<ImportReport> again = p.importFiles(List.of(compressed, laterPlain, differs), ImportOptions.defaults(),
                    Progress.NONE);
            assertEquals(List.of(ImportReport.DUPLICATE, ImportReport.DUPLICATE, ImportReport.IMPORTED),
                    again.stream().map(ImportReport::status).toList());
            assertEquals(p.incident().getSources().get(0).id(), again.get(0).source());
            assertEquals(p.incident().getSources().get(1).id(), again.get(1).source());
            assertTrue(again.get(0).notes().get(0).contains("compressed"), again.get(0).notes().toString());
            assertEquals(400 + 300 + 401, p.index().size());
            assertEquals(3, p.incident().getSources().size());
        }
    }

    private Path gzip(String name, String content) throws IOException {
        Path file = tmp.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void unrecognisedFileIsRefusedWithWhatItStartsWithAndNothingIsKept() throws Exception {
        Path prose = write("notes.txt", "Dear team,\nthe site was down again today.\nRegards\n");
        try (Project p = TestProjects.create(project())) {
            List<ImportReport> reports = p.importFiles(List.of(prose), ImportOptions.defaults(), Progress.NONE);
            ImportReport r = reports.get(0);
            assertEquals(ImportReport.REFUSED, r.status());
            assertTrue(r.message().contains("no format reads any of its first lines, which start 'Dear team,'"),
                    r.message());
            assertTrue(p.incident().getSources().isEmpty());
            assertEquals(0, evidenceFiles().size());
        }
    }

    @Test
    void binaryFileIsRefusedAsBinary() throws Exception {
        Path bin = tmp.resolve("in/core.dump");
        Files.createDirectories(bin.getParent());
        byte[] bytes = new byte[5000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(bin, bytes);
        try (Project p = TestProjects.create(project())) {
            ImportReport r = p.importFiles(List.of(bin), ImportOptions.defaults(), Progress.NONE).get(0);
            assertEquals(ImportReport.REFUSED, r.status());
            assertTrue(r.message().contains("binary"), r.message());
        }
    }

    @Test
    void archivesAndOtherCompressionAreRefusedSayingWhatToDo() throws Exception {
        // logs.tar.gz as `tar czf` makes it: a 512-byte header per member, "ustar" at 257, then the member's bytes
        String member = lines(20);
        byte[] header = new byte[512];
        byte[] name = "part.log".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, header, 0, name.length);
        byte[] size = String.format("%011o", member.length()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tar.write(header);
        tar.write(member.getBytes(StandardCharsets.UTF_8));
        tar.write(new byte[1024]);
        Path tgz = tmp.resolve("in/logs.tar.gz");
        Files.createDirectories(tgz.getParent());
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(tgz))) {
            out.write(tar.toByteArray());
        }
        Path bz2 = tmp.resolve("in/access_log.bz2");
        byte[] bzip = new byte[400];
        System.arraycopy("BZh91AY&SY".getBytes(StandardCharsets.US_ASCII), 0, bzip, 0, 10);
        Files.write(bz2, bzip);
        Path plain = write("a.log", lines(30));
        try (Project p = TestProjects.create(project())) {
            List<ImportReport> reports = p.importFiles(List.of(tgz, bz2, plain),
                    new ImportOptions("test_kv", null, null, null, 0), Progress.NONE);
            assertEquals(ImportReport.REFUSED, reports.get(0).status());
            assertEquals("is a tar archive: unpack it (tar xf) and import the folder; nothing of it was kept",
                    reports.get(0).message(), "even with a format named: its lines would be the archive's");
            assertEquals(ImportReport.REFUSED, reports.get(1).status());
            assertTrue(reports.get(1).message().startsWith("is compressed with bzip2: decompress it (bunzip2 -k)"),
                    reports.get(1).message());
            assertEquals(30, reports.get(2).events(), "the rest of the batch is imported");
            assertEquals(1, p.incident().getSources().size());
            Path text = write("notes.log", "BZh, PK and the like at the start of a line are text\n" + lines(5));
            assertEquals(ImportReport.IMPORTED, p.importFiles(List.of(text), new ImportOptions("test_kv", null, null,
                    null, 0), Progress.NONE).get(0).status(), "only the real magic numbers are archives");
        }
    }

    @Test
    void failedImportLeavesProjectExactlyAsItWas() throws Exception {
        Path good = write("a.log", lines(3000));
        Path bad = write("b.log", lines(5000).replace("request done", "payment gateway timeout") + "FAIL\n" + lines(10));
        try (Project p = TestProjects.create(project())) {
            p.importFiles(List.of(good), ImportOptions.defaults(), Progress.NONE);
        }
        byte[] before = Files.readAllBytes(project().resolve("incident.json"));
        List<Path> evidenceBefore = evidenceFiles();
        try (Project p = TestProjects.open(project())) {
            ImportException e = assertThrows(ImportException.class,
                    () -> p.importFiles(List.of(bad), ImportOptions.defaults(), Progress.NONE));
            assertTrue(e.getMessage().contains("b.log:5001"), e.getMessage());
            assertEquals(3000, p.index().size());
            assertEquals(3000, p.index().count("*", null, null));
            assertEquals(1, p.incident().getSources().size());
            assertFalse(minedTemplate(p, "gateway"), "the failed file's messages are not in the patterns");
        }
        assertArrayEquals(before, Files.readAllBytes(project().resolve("incident.json")));
        assertEquals(evidenceBefore, evidenceFiles());
        try (Project p = TestProjects.open(project())) {
            assertEquals(3000, p.index().size());
            assertThrows(ImportException.class,
                    () -> p.importFiles(List.of(bad), ImportOptions.defaults(), Progress.NONE));
            // the next import in the same session commits only its own events
            p.importFiles(List.of(write("c.log", lines(200))), ImportOptions.defaults(), Progress.NONE);
            assertEquals(3200, p.index().count("*", null, null));
            assertEquals(0, p.index().count("source:b.log", null, null));
            assertFalse(minedTemplate(p, "gateway"));
            assertTrue(minedTemplate(p, "request done"));
        }
        try (Project p = TestProjects.open(project())) {
            assertEquals(3200, p.index().size());
            assertFalse(minedTemplate(p, "gateway"));
        }
    }

    @Test
    void aFileItsFormatCannotReadFromTheStartIsLeftOutAndTheRestOfTheBatchLands() throws Exception {
        Path good = write("a.log", lines(3000));
        Path unreadable = write("b.log", "FAIL\n" + lines(100).replace("request done", "payment gateway timeout"));
        Path later = write("c.log", lines(200).replace("request done", "cache warmed"));
        try (Project p = TestProjects.create(project())) {
            List<ImportReport> reports = p.importFiles(List.of(good, unreadable, later), ImportOptions.defaults(),
                    Progress.NONE);
            assertEquals(List.of(ImportReport.IMPORTED, ImportReport.REFUSED, ImportReport.IMPORTED),
                    reports.stream().map(ImportReport::status).toList());
            ImportReport refused = reports.get(1);
            assertEquals("test_kv", refused.format());
            assertTrue(refused.message().startsWith("b.log:1: FAIL line; nothing of it was kept"), refused.message());
            assertEquals(3200, p.index().count("*", null, null));
            assertEquals(List.of("a.log", "c.log"), p.incident().getSources().stream().map(SourceFile::name).toList());
            assertFalse(minedTemplate(p, "gateway"));
            assertEquals(2, evidenceFiles().size(), "no copy of the file left out is kept");
        }
        try (Project p = TestProjects.open(project())) {
            assertEquals(3200, p.index().size());
            assertEquals(200, p.index().count("cache", null, null));
        }
    }

    @Test
    void whatAKilledImportLeftInIncomingIsRemovedByTheNextImport() throws Exception {
        try (Project p = TestProjects.create(project())) {
            p.importFiles(List.of(write("a.log", lines(10))), ImportOptions.defaults(), Progress.NONE);
        }
        Path incoming = project().resolve("evidence/.incoming");
        Files.createDirectories(incoming);
        Files.writeString(incoming.resolve("import-4242.part"), lines(5000));
        try (Project p = TestProjects.open(project())) {
            p.importFiles(List.of(write("b.log", lines(20).replace("request done", "request failed"))),
                    ImportOptions.defaults(), Progress.NONE);
            assertEquals(30, p.index().size());
        }
        try (Stream<Path> left = Files.list(incoming)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void utf16TextWithAByteOrderMarkIsReadNotRefusedAsBinary() throws Exception {
        String text = lines(300).replace("request done", "requête traitée 😀");
        Path little = tmp.resolve("in/windows-export.log");
        Files.createDirectories(little.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write(text.getBytes(StandardCharsets.UTF_16LE));
        Files.write(little, bytes.toByteArray());
        Path big = tmp.resolve("in/big-endian.log");
        Files.write(big, ("\uFEFF" + text.replace("web", "db")).getBytes(StandardCharsets.UTF_16BE));
        try (Project p = TestProjects.create(project())) {
            List<ImportReport> reports = p.importFiles(List.of(little, big), ImportOptions.defaults(), Progress.NONE);
            assertEquals(ImportReport.IMPORTED, reports.get(0).status(), reports.get(0).message());
            assertEquals(300, reports.get(0).events());
            assertEquals(300, reports.get(1).events());
            assertTrue(reports.get(0).notes().contains("UTF-16 text (it starts with a byte-order mark): read as such"),
                    reports.get(0).notes().toString());
            assertEquals(600, p.index().count("\"requête traitée\"", null, null));
            assertEquals(100, p.index().count("host:db2", null, null));
            assertArrayEquals(bytes.toByteArray(), Files.readAllBytes(project().resolve(
                    p.incident().getSources().get(0).evidencePath())), "the evidence keeps the file's own bytes");
        }
    }

    @Test
    void cancelledImportLeavesProjectUnchanged() throws Exception {
        Path big = write("big.log", lines(20000));
        try (Project p = TestProjects.create(project())) {
            Progress cancelAfterFirstBatches = new Progress() {
                private int calls;

                @Override
                public void update(String message, double fraction) {
                    calls++;
                }

                @Override
                public boolean isCancelled() {
                    return calls >= 2;
                }
            };
            ImportException e = assertThrows(ImportException.class,
                    () -> p.importFiles(List.of(big), ImportOptions.defaults(), cancelAfterFirstBatches));
            assertTrue(e.cancelled());
            assertEquals(0, p.index().size());
            assertTrue(p.incident().getSources().isEmpty());
        }
        assertEquals(0, evidenceFiles().size());
    }

    @Test
    void gzipIsReadTransparentlyAndATruncatedOneImportsWhatWasReadable() throws Exception {
        byte[] text = lines(20000).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }
        Path whole = tmp.resolve("in/whole.log.gz");
        Path cut = tmp.resolve("in/cut.log.gz");
        Files.createDirectories(whole.getParent());
        Files.write(whole, gz.toByteArray());
        byte[] half = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        half[half.length - 1] ^= 0x55;
        Files.write(cut, half);
        try (Project p = TestProjects.create(project())) {
            List<ImportReport> reports = p.importFiles(List.of(whole, cut), ImportOptions.defaults(), Progress.NONE);
            assertEquals(20000, reports.get(0).events());
            assertEquals("whole.log", reports.get(0).source());
            ImportReport truncated = reports.get(1);
            assertTrue(truncated.events() > 1000 && truncated.events() < 20000, "events: " + truncated.events());
            assertTrue(truncated.notes().stream().anyMatch(n -> n.contains("truncated") && n.contains("byte")),
                    truncated.notes().toString());
            // the last event is a whole line: the fragment the stream broke off in is left out, and said so
            long last = truncated.events();
            String expected = lines(20000).lines().skip(last - 1).findFirst().orElseThrow();
            assertEquals(expected, p.around(truncated.source(), last, 0).get(0).raw());
            assertTrue(truncated.notes().contains("line " + (last + 1) + " breaks off where the stream does; it was"
                    + " left out"), truncated.notes().toString());
        }
    }

    @Test
    void badBytesLongLinesCrlfAndEmptyFilesAreHandledAndReported() throws Exception {
        Path crlf = write("crlf.log", lines(10).replace("\n", "\r\n"));
        Path empty = write("empty.log", "");
        Path odd = tmp.resolve("in/odd.log");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("2005-10-10T14:00:00Z info web1 caf\u00e9 ok\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("2005-10-10T14:00:01Z info web1 bad ".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        bytes.write("\n2005-10-10T14:00:02Z info web1 long ".getBytes(StandardCharsets.UTF_8));
        bytes.write("x".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
        bytes.write("\nnot a log line\n2005-10-10T14:00:03Z info web1 last\n".getBytes(StandardCharsets.UTF_8));
        Files.write(odd, bytes.toByteArray());
        try (Project p = TestProjects.create(project())) {
            List<ImportReport> reports = p.importFiles(List.of(crlf, empty, odd), ImportOptions.defaults(),
                    Progress.NONE);
            assertEquals(10, reports.get(0).events());
            SearchHits hits = p.index().search(EventSearch.of("source:crlf.log").withLimit(1));
            assertFalse(hits.events().get(0).raw().endsWith("\r"));
            assertEquals(0, reports.get(1).events());
            assertTrue(reports.get(1).notes().contains("empty file: nothing to index"));
            ImportReport r = reports.get(2);
            assertEquals(4, r.events());
            assertEquals(1, r.skipped());
            assertEquals("line 4: expected an ISO-8601 timestamp at the start", r.skipReasons().get(0));
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("1 line(s) held invalid UTF-8")), r.notes().toString());
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("cut") && n.contains("line 3")), r.notes().toString());
            assertEquals(1, p.index().count("caf\u00e9", null, null));
        }
    }

    @Test
    void theEndOfAVeryLongMessageIsFoundAndShownWhole() throws Exception {
        String longLine = "2005-10-10T14:00:00Z error web1 request failed " + "frame ".repeat(8000)
                + "SocketTimeoutException at the very end";
        Path log = write("long.log", longLine + "\n2005-10-10T14:00:01Z info web1 next\n");
        try (Project p = TestProjects.create(project())) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
            SearchHits hits = p.index().search(EventSearch.of("SocketTimeoutException").withLimit(1));
            assertEquals(1, hits.total(), "48,000 characters in, the root cause is still found");
            assertEquals(longLine, hits.events().get(0).raw());
        }
    }

    @Test
    void reindexRebuildsTheSameIndexAndAStaleIndexIsRebuiltOnOpen() throws Exception {
        Path a = write("web/a.log", lines(700));
        Path b = write("web/b.log", lines(300));
        try (Project p = TestProjects.create(project())) {
            List<ImportReport> r = p.importFiles(List.of(tmp.resolve("in/web")), ImportOptions.defaults(), Progress.NONE);
            assertEquals(List.of("web_a.log", "web_b.log"), r.stream().map(ImportReport::source).toList());
            p.reindex(Progress.NONE);
            assertEquals(1000, p.index().size());
            assertEquals(70, p.index().count("level:error AND source:web_a.log", null, null));
        }
        // the index is derived: delete it and it comes back on open
        try (Stream<Path> files = Files.walk(project().resolve("index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        try (Project p = TestProjects.open(project())) {
            assertEquals(1000, p.index().size());
        }
    }

    @Test
    void sameSizeIsNotTakenForSameContentAndTwoCopiesInOneImportAreCaught() throws Exception {
        Path a = write("a.log", lines(40));
        Path b = write("b.log", lines(40).replace("request done", "request DONE"));
        Path copy = write("copy.log", lines(40));
        assertEquals(Files.size(a), Files.size(b));
        try (Project p = TestProjects.create(project())) {
            List<ImportReport> r = p.importFiles(List.of(a, b, copy), ImportOptions.defaults(), Progress.NONE);
            assertEquals(List.of(ImportReport.IMPORTED, ImportReport.IMPORTED, ImportReport.DUPLICATE),
                    r.stream().map(ImportReport::status).toList());
            assertEquals(80, p.index().size());
            assertEquals(2, evidenceFiles().size());
            for (SourceFile s : p.incident().getSources()) {
                Path evidence = project().resolve(s.evidencePath());
                assertEquals(s.sha256(), java.util.HexFormat.of().formatHex(java.security.MessageDigest
                        .getInstance("SHA-256").digest(Files.readAllBytes(evidence))));
            }
        }
    }

    @Test
    void eventsComeBackInTimeOrderAcrossOverlappingFilesAndLinesLoggedLate() throws Exception {
        // two hosts over the same hour, each file 12,000 lines; every 50th line was written 40 lines late
        for (String host : List.of("web1", "web2")) {
            StringBuilder sb = new StringBuilder();
            String late = null;
            for (int i = 0; i < 12_000; i++) {
                String line = String.format("2005-10-10T14:%02d:%02d.%03dZ info %s request %d status=200%n",
                        i * 300 / 1000 / 60, i * 300 / 1000 % 60, i * 300 % 1000, host, i);
                if (i % 50 == 10) {
                    late = line;
                    continue;
                }
                sb.append(line);
                if (i % 50 == 49 && late != null) {
                    sb.append(late);
                    late = null;
                }
            }
            write(host + ".log", sb.toString());
        }
        try (Project p = TestProjects.create(project())) {
            p.importFiles(List.of(tmp.resolve("in")), ImportOptions.defaults(), Progress.NONE);
            assertEquals(24_000, p.index().size());
            try (org.pmw.model.EventResults all = p.index().results("*", null, null)) {
                assertEquals(24_000, all.size());
                long previous = Long.MIN_VALUE;
                for (int i = 0; i < all.size(); i++) {
                    long ts = all.get(i).ts();
                    assertTrue(ts >= previous, "event " + i + " is out of time order");
                    previous = ts;
                }
            }
            SearchHits first = p.index().search(EventSearch.of("request").withLimit(3));
            assertEquals(List.of("request 0 status=200", "request 0 status=200", "request 1 status=200"),
                    first.events().stream().map(e -> e.message()).toList());
            assertEquals(2, p.index().count("\"request 10\" AND status:200", null, null));
        }
    }

    @Test
    void sourcesWithCapitalsAreFoundAsTypedAndShownByLine() throws Exception {
        Path log = write("Zookeeper_App.log", lines(300));
        try (Project p = TestProjects.create(project())) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
            assertEquals(300, p.index().count("source:Zookeeper_App.log", null, null));
            assertEquals(300, p.index().count("source:zookeeper_app.log", null, null));
            assertEquals(30, p.index().count("level:error AND source:\"Zookeeper_App.log\"", null, null));
            List<org.pmw.model.Event> around = p.index().around("Zookeeper_App.log", 11, 1);
            assertEquals(List.of(10L, 11L, 12L), around.stream().map(org.pmw.model.Event::line).toList());
            assertEquals("Zookeeper_App.log", around.get(1).source());
        }
    }

    @Test
    void anIndexWhoseEventStoreIsLostIsRebuiltOnOpen() throws Exception {
        Path log = write("app.log", lines(500));
        try (Project p = TestProjects.create(project())) {
            p.importFiles(List.of(log), ImportOptions.defaults(), Progress.NONE);
        }
        try (Stream<Path> files = Files.list(project().resolve("index"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".store")).toList()) {
                Files.delete(f);
            }
        }
        try (Project p = TestProjects.open(project())) {
            SearchHits hits = p.index().search(EventSearch.of("level:error").withLimit(5));
            assertEquals(50, hits.total());
            assertEquals("request done status=500", hits.events().get(0).message());
        }
    }

    private static boolean minedTemplate(Project p, String words) {
        return p.minedPatterns().stream().anyMatch(info -> info.template().contains(words));
    }

    private List<Path> evidenceFiles() throws IOException {
        try (Stream<Path> s = Files.list(project().resolve("evidence"))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}

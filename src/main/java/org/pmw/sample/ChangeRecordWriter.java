package org.pmw.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The change records: the ops change log exported as CSV ({@code changes/changes.csv}) and the
 * application repository's history for the two days ({@code changes/app-git.log}, as
 * {@code git log --pretty=fuller} prints it). Commit ids are SHA-1s of the commit text, so they are
 * stable for a given sample.
 */
final class ChangeRecordWriter {

    static final String[] COLUMNS = {"id", "source", "kind", "title", "started_at", "ended_at", "status",
            "environment", "service", "target", "revision", "previous_revision", "actor", "url", "ticket_ref",
            "tags", "description"};

    private static final String DAN = "Dan Whitfield <dan@shop.example.com>";
    private static final String PRIYA = "Priya Raman <priya@shop.example.com>";

    private record Commit(String author, long authored, long committed, String subject, String body) {
    }

    private ChangeRecordWriter() {
    }

    /** Writes both files and returns the change ids in file order. */
    static List<String> write(Path outDir) throws IOException {
        Path dir = outDir.resolve("changes");
        Files.createDirectories(dir);
        List<Commit> commits = List.of(
                new Commit(PRIYA, t(9, 9, 41, 7), t(9, 9, 44, 30), "Nightly export: skip cancelled orders",
                        "export_orders.pl picked up orders cancelled after payment; the warehouse\n"
                                + "shipped two of them last week."),
                new Commit(DAN, t(10, 9, 58, 12), t(10, 9, 58, 12), "db.php: log host and errno when connect fails",
                        "We only see \"Too many connections\" in php_error.log; log which web VM\n"
                                + "and the MySQL errno so the bursts can be told apart."),
                new Commit(PRIYA, t(10, 11, 20, 3), t(10, 11, 21, 40), "search: default sort when ?sort is missing",
                        "Silences the \"Undefined index: sort\" notice on search.php."),
                new Commit(DAN, t(10, 15, 12, 44), t(10, 15, 14, 2),
                        "Make shared request state thread-safe under the worker MPM",
                        "mod_php runs inside Apache's worker threads, but inc/db.php kept the MySQL\n"
                                + "link in a static shared by every thread of a child, and inc/session_cache.php\n"
                                + "rewrote its cache file without a lock. Under load two threads use the\n"
                                + "same link or half-written cache at once: child segfaults and\n"
                                + "\"Lost connection to MySQL server during query\".\n\n"
                                + "- one MySQL link per request, closed in the shutdown function\n"
                                + "- flock() around session cache reads and writes\n"
                                + "- the template cache is built once at startup and only read afterwards\n\n"
                                + "Refs #318"),
                new Commit(DAN, t(10, 15, 41, 19), t(10, 15, 41, 19), "Add staging load-test script",
                        "tools/ab-series.sh runs ab -n 2000 at -c 10..300 against staging and keeps\n"
                                + "the output per level."),
                new Commit(DAN, t(10, 17, 51, 8), t(10, 17, 51, 8), "Release 1.14.2", "Deployed with the Xen and"
                        + " Apache configuration changes at 18:00 (CHG-2005-0415..0417)."));
        List<String> ids = new ArrayList<>();
        String previous = "9d3c0b51e8a24f7c6d1e0a5b2c7f8e9d0a1b2c3d";
        StringBuilder log = new StringBuilder();
        List<String> hashes = new ArrayList<>();
        for (Commit c : commits) {
            String hash = sha1(previous + c.author() + c.authored() + c.subject() + c.body());
            hashes.add(hash);
            previous = hash;
        }
        for (int i = commits.size() - 1; i >= 0; i--) {
            Commit c = commits.get(i);
            log.append("commit ").append(hashes.get(i)).append('\n');
            log.append("Author:     ").append(c.author()).append('\n');
            log.append("AuthorDate: ").append(TimeFormats.git(c.authored())).append('\n');
            log.append("Commit:     ").append(c.author()).append('\n');
            log.append("CommitDate: ").append(TimeFormats.git(c.committed())).append("\n\n");
            log.append("    ").append(c.subject()).append('\n');
            if (!c.body().isEmpty()) {
                log.append('\n');
                for (String line : c.body().split("\n", -1)) {
                    log.append(line.isEmpty() ? "" : "    " + line).append('\n');
                }
            }
            if (i > 0) {
                log.append('\n');
            }
        }
        Files.writeString(dir.resolve("app-git.log"), log.toString(), StandardCharsets.UTF_8);

        String refactor = hashes.get(3);
        String release = hashes.get(5);
        String beforeRelease = "f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e";
        try (Writer out = Files.newBufferedWriter(dir.resolve("changes.csv"), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                     .setHeader(COLUMNS).build())) {
            row(csv, ids, "CHG-2005-0412", "code", "Nightly order export: skip cancelled orders",
                    t(9, 10, 12, 0), t(9, 10, 14, 0), "production", "shop-cron", "db1:/usr/local/bin/export_orders.pl",
                    hashes.get(0), "9d3c0b51e8a24f7c6d1e0a5b2c7f8e9d0a1b2c3d", PRIYA, "#311", "cron;perl",
                    "Perl cron script change (db1, every 15 minutes). Routine; deployed Sunday morning.");
            row(csv, ids, "CHG-2005-0415", "code", "Thread-safety refactor of the shop application (locks around shared state)",
                    t(10, 18, 0, 0), t(10, 18, 7, 30), "production", "shop-web", "web1,web2,web3", release,
                    beforeRelease, DAN, "#318", "h3;race-condition;php",
                    "Release 1.14.2 includes " + refactor.substring(0, 7) + ": one MySQL link per request instead"
                            + " of one shared by all threads of an Apache child, flock() around the session cache,"
                            + " read-only template cache. Tested on staging 16:20 (ab run 2). Why: H3, segfaults and"
                            + " lost connections under concurrency.");
            row(csv, ids, "CHG-2005-0416", "infra", "Xen guest configuration: memory, network, NUMA affinity",
                    t(10, 18, 0, 20), t(10, 18, 8, 41), "production", "xen", "dom0:/etc/xen/web1,web2,web3,db1",
                    "", "", DAN, "#318", "h3;xen;capacity",
                    "web VMs 256 -> 512 MB and 2 vifs (DB traffic on its own bridge xenbr1), net.core.somaxconn"
                            + " 128 -> 1024, VCPUs pinned to cores 2-3 (same NUMA node as their memory), db1 on"
                            + " cores 0-1 and ballooned 768 -> 1024 MB without restart. Web VMs rebooted one at a"
                            + " time 18:00-18:08. Tested on staging 16:20 (ab run 2).");
            row(csv, ids, "CHG-2005-0417", "config", "Apache worker MPM: fewer threads per child, longer timeouts",
                    t(10, 18, 0, 20), t(10, 18, 7, 30), "production", "httpd", "web1,web2,web3:/etc/httpd/conf/httpd.conf",
                    "", "", DAN, "#318", "h3;apache;mpm",
                    "ThreadsPerChild 25 -> 8, ServerLimit 4 -> 32, MaxClients 100 -> 256, Timeout 120 -> 300;"
                            + " php.ini mysql.connect_timeout 5 -> 20. Fewer threads share each child's PHP state,"
                            + " a crash takes down fewer requests. Tested on staging 17:22 (ab run 3).");
        }
        return ids;
    }

    private static void row(CSVPrinter csv, List<String> ids, String id, String kind, String title, long start,
                            long end, String environment, String service, String target, String revision,
                            String previous, String actor, String ticket, String tags, String description)
            throws IOException {
        String login = actor.substring(actor.indexOf('<') + 1, actor.indexOf('@'));
        String url = revision.isEmpty() ? "http://trac.shop.example.com/ticket/" + ticket.substring(1)
                : "http://git.shop.example.com/?p=shop.git;a=commit;h=" + revision;
        csv.printRecord(id, "ops-changelog", kind, title, TimeFormats.iso(start), TimeFormats.iso(end), "completed",
                environment, service, target, revision, previous, login, url, ticket, tags, description);
        ids.add(id);
    }

    private static long t(int day, int hour, int minute, int second) {
        return Story.local(2005, 10, day, hour, minute, second).toEpochSecond();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}

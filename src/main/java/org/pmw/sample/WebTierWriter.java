package org.pmw.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Production traffic through the three web VMs, minute by minute: Apache access and error logs
 * and the PHP error log of each VM, and the MySQL "Aborted connection" lines those requests cause
 * on db1 (handed to {@link MysqlLogWriter}). Failures follow {@link FailureModel}.
 */
final class WebTierWriter {

    static final String DOC_ROOT = "/var/www/html";
    private static final double REQUESTS_PER_PAGE_VIEW = 3.6; // measured: page plus its uncached static files
    private static final int QUIET_MINUTES_BEFORE_RESTART = 10;

    private final TrafficModel model;
    private final double scale;
    private final Random random;
    private final Tally tally;
    private final SiteCatalog catalog = new SiteCatalog();
    private final Visitors visitors;
    private final Map<String, String[]> sessions = new HashMap<>();
    private final List<Vm> vms = new ArrayList<>();
    private final TimedLines mysqlLines;
    private long mysqlConnectionId = 1_204_518;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedAccessTime;

    /** One web VM's open files and its Apache worker children. */
    private static final class Vm {
        final String name;
        final Writer access;
        final Writer error;
        final Writer php;
        final TimedLines accessLines = new TimedLines();
        final TimedLines errorLines = new TimedLines();
        final TimedLines phpLines = new TimedLines();
        final int[] children = new int[4];
        int nextPid;
        boolean maxClientsReported;

        Vm(String name, Path dir, int firstPid) throws IOException {
            this.name = name;
            Files.createDirectories(dir);
            OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("access_log.gz")), 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED); // far faster than the default, files a third bigger
                }
            };
            access = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
            error = Files.newBufferedWriter(dir.resolve("error_log"), StandardCharsets.UTF_8);
            php = Files.newBufferedWriter(dir.resolve("php_error.log"), StandardCharsets.UTF_8);
            nextPid = firstPid;
            for (int i = 0; i < children.length; i++) {
                children[i] = nextPid;
                nextPid += 1 + i;
            }
        }

        int respawn(Random random, int slot) {
            int died = children[slot];
            nextPid += 1 + random.nextInt(23);
            children[slot] = nextPid;
            return died;
        }
    }

    WebTierWriter(Path outDir, TrafficModel model, double scale, long seed, Tally tally, TimedLines mysqlLines)
            throws IOException {
        this.model = model;
        this.scale = scale;
        this.tally = tally;
        this.mysqlLines = mysqlLines;
        this.random = new Random(seed ^ 0x3EB7A11L);
        this.visitors = new Visitors(new Random(seed ^ 0x515170L), (int) (6000 * Math.max(1, Math.min(scale, 20))));
        int firstPid = 2817;
        for (String name : Story.WEB_VMS) {
            vms.add(new Vm(name, outDir.resolve(name), firstPid));
            firstPid += 1300 + random.nextInt(400);
        }
    }

    void write() throws IOException {
        long start = model.minuteStart(0);
        for (Vm vm : vms) {
            rotationRestart(vm, start);
        }
        boolean overloaded = false;
        int quietMinutes = 0;
        for (int m = 0; m < model.minutes(); m++) {
            long t0 = model.minuteStart(m);
            double x = FailureModel.overload(model.concurrency(m), Story.productionThreshold(t0));
            if (x > 1) {
                overloaded = true;
                quietMinutes = 0;
            } else if (overloaded && ++quietMinutes == QUIET_MINUTES_BEFORE_RESTART) {
                // The engineer restarts Apache once a burst has died down: "sorted", until the next one.
                overloaded = false;
                long at = t0 + 60 + random.nextInt(180);
                for (Vm vm : vms) {
                    gracefulRestart(vm, at);
                    at += 20 + random.nextInt(60);
                }
            }
            if (t0 == Story.MYSQL_SNAPSHOT.toEpochSecond()) {
                tally.mysqlConnectionsAtSnapshot = mysqlConnectionId;
            }
            writePageViews(m, t0, x);
            writeSegfaults(t0, x);
            for (Vm vm : vms) {
                vm.accessLines.flushBefore(t0 + 60, vm.access);
                vm.errorLines.flushBefore(t0 + 60, vm.error);
                vm.phpLines.flushBefore(t0 + 60, vm.php);
            }
        }
        for (Vm vm : vms) {
            vm.accessLines.flushAll(vm.access);
            vm.errorLines.flushAll(vm.error);
            vm.phpLines.flushAll(vm.php);
            vm.access.close();
            vm.error.close();
            vm.php.close();
        }
    }

    private void writePageViews(int minute, long t0, double x) {
        double mean = model.requestRate(minute) * 60 * scale / REQUESTS_PER_PAGE_VIEW;
        int views = FailureModel.poisson(random, mean);
        for (int i = 0; i < views; i++) {
            Visitors.Visitor visitor = visitors.next(random);
            long at = t0 + random.nextInt(60);
            int vmIndex = visitor.vm();
            while (isDown(vmIndex, at)) {
                vmIndex = (vmIndex + 1) % vms.size();
            }
            Vm vm = vms.get(vmIndex);
            String[] session = sessions.get(visitor.ip());
            boolean fresh = session == null || at - Long.parseLong(session[1]) > 1800;
            String previous = fresh ? null : session[0];
            List<SiteCatalog.Request> requests = catalog.pageView(random, visitor.bot(), fresh, previous);
            sessions.put(visitor.ip(), new String[]{requests.get(0).path(), Long.toString(at)});
            for (SiteCatalog.Request request : requests) {
                long when = Math.min(at + request.offsetSeconds(), t0 + 59);
                if (request.dynamic()) {
                    SiteCatalog.Request served = serveDynamic(vm, request, when, x);
                    access(vm, visitor, served, when);
                    if (served.status() >= 500) {
                        break; // the error page has no images
                    }
                } else {
                    access(vm, visitor, request, when);
                    if (request.status() == 404) {
                        vm.errorLines.add(when, "[" + TimeFormats.apacheError(when) + "] [error] [client "
                                + visitor.ip() + "] File does not exist: " + DOC_ROOT + request.path());
                    }
                }
            }
        }
    }

    private SiteCatalog.Request serveDynamic(Vm vm, SiteCatalog.Request request, long when, double x) {
        mysqlConnectionId++;
        double u = random.nextDouble();
        double tooMany = FailureModel.tooManyConnections(x);
        if (u < tooMany) {
            mysqlConnectionId--; // refused before it got an id
            vm.phpLines.add(when, "[" + TimeFormats.php(when) + "] PHP Warning:  mysql_connect(): Too many connections in "
                    + DOC_ROOT + "/inc/db.php on line 12");
            tally.connectionError(true, when);
            return request.withFailure(503, SiteCatalog.BYTES_503);
        }
        if (u < tooMany + FailureModel.lostConnection(x)) {
            vm.phpLines.add(when, "[" + TimeFormats.php(when) + "] PHP Warning:  mysql_query(): Lost connection to MySQL"
                    + " server during query in " + DOC_ROOT + "/inc/db.php on line 31");
            tally.connectionError(false, when);
            String reason = random.nextInt(4) == 0 ? "Got timeout reading communication packets"
                    : "Got an error reading communication packets";
            mysqlLines.add(when, TimeFormats.mysql(when) + " [Warning] Aborted connection " + mysqlConnectionId
                    + " to db: 'shop' user: 'shopweb' host: `" + vm.name + "' (" + reason + ")");
            tally.abortedConnections++;
            tally.abortedTimes.add(when);
            return request.withFailure(500, SiteCatalog.BYTES_500);
        }
        // The notice's fix (in release 1.14.2) went live with the push.
        if ("search.php".equals(request.script()) && random.nextInt(40) == 0 && when < Story.PUSH.toEpochSecond()) {
            vm.phpLines.add(when, "[" + TimeFormats.php(when) + "] PHP Notice:  Undefined index:  sort in "
                    + DOC_ROOT + "/search.php on line 27");
        }
        return request;
    }

    private void access(Vm vm, Visitors.Visitor visitor, SiteCatalog.Request r, long when) {
        String bytes = r.bytes() == 0 ? "-" : Long.toString(r.bytes());
        vm.accessLines.add(when, visitor.ip() + " - - [" + accessTime(when) + "] \"" + r.method() + " "
                + r.path() + " " + r.protocol() + "\" " + r.status() + " " + bytes + " \"" + r.referer() + "\" \""
                + visitor.userAgent() + "\"");
        tally.request(vm.name, r.status(), when);
    }

    private void writeSegfaults(long t0, double x) {
        double perVm = FailureModel.segfaultsPerMinute(x) * scale;
        for (Vm vm : vms) {
            if (x > 1 && !vm.maxClientsReported) {
                long at = t0 + random.nextInt(20);
                vm.errorLines.add(at, "[" + TimeFormats.apacheError(at) + "] [error] server reached MaxClients setting,"
                        + " consider raising the MaxClients setting");
                vm.maxClientsReported = true;
                tally.maxClientsReached++;
            }
            int count = FailureModel.poisson(random, perVm);
            for (int i = 0; i < count; i++) {
                long at = t0 + random.nextInt(60);
                int pid = vm.respawn(random, random.nextInt(vm.children.length));
                vm.errorLines.add(at, "[" + TimeFormats.apacheError(at) + "] [notice] child pid " + pid
                        + " exit signal Segmentation fault (11)");
                tally.segfault(vm.name, at);
            }
        }
        for (int v = 0; v < vms.size(); v++) {
            long[] reboot = rebootWindow(v);
            if (reboot[0] >= t0 && reboot[0] < t0 + 60) {
                reboot(vms.get(v), reboot[0], reboot[1]);
            }
        }
    }

    /** logrotate's postrotate sends httpd a SIGHUP right when the new log starts. */
    private void rotationRestart(Vm vm, long at) {
        long when = at + 1;
        vm.errorLines.add(when, "[" + TimeFormats.apacheError(when) + "] [notice] SIGHUP received.  Attempting to restart");
        vm.errorLines.add(when, "[" + TimeFormats.apacheError(when) + "] [notice] Apache/2.0.52 (CentOS) configured --"
                + " resuming normal operations");
        for (int i = 0; i < vm.children.length; i++) {
            vm.respawn(random, i);
        }
    }

    private void gracefulRestart(Vm vm, long at) {
        vm.errorLines.add(at, "[" + TimeFormats.apacheError(at) + "] [notice] Graceful restart requested, doing restart");
        vm.errorLines.add(at + 1, "[" + TimeFormats.apacheError(at + 1) + "] [notice] Apache/2.0.52 (CentOS) configured"
                + " -- resuming normal operations");
        for (int i = 0; i < vm.children.length; i++) {
            vm.respawn(random, i);
        }
        vm.maxClientsReported = false;
    }

    /** The push: the VM is shut down, rebooted with its new Xen config, and Apache starts fresh. */
    private void reboot(Vm vm, long down, long up) {
        vm.errorLines.add(down, "[" + TimeFormats.apacheError(down) + "] [notice] caught SIGTERM, shutting down");
        long start = up - 14;
        vm.errorLines.add(start, "[" + TimeFormats.apacheError(start) + "] [notice] suEXEC mechanism enabled (wrapper:"
                + " /usr/sbin/suexec)");
        vm.errorLines.add(start, "[" + TimeFormats.apacheError(start) + "] [notice] Digest: generating secret for digest"
                + " authentication ...");
        vm.errorLines.add(start, "[" + TimeFormats.apacheError(start) + "] [notice] Digest: done");
        vm.errorLines.add(start + 1, "[" + TimeFormats.apacheError(start + 1) + "] [notice] Apache/2.0.52 (CentOS)"
                + " configured -- resuming normal operations");
        vm.nextPid = 2400 + random.nextInt(300);
        for (int i = 0; i < vm.children.length; i++) {
            vm.respawn(random, i);
        }
        vm.maxClientsReported = false;
    }

    /** Formatting the same second over and over is most of the generator's time: remember the last one. */
    private String accessTime(long epochSecond) {
        if (epochSecond != cachedSecond) {
            cachedSecond = epochSecond;
            cachedAccessTime = TimeFormats.access(epochSecond);
        }
        return cachedAccessTime;
    }

    private static long[] rebootWindow(int vm) {
        return new long[]{Story.VM_REBOOTS.get(vm)[0].toEpochSecond(), Story.VM_REBOOTS.get(vm)[1].toEpochSecond()};
    }

    private static boolean isDown(int vm, long at) {
        long[] w = rebootWindow(vm);
        return at >= w[0] && at < w[1];
    }
}

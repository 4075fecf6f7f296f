package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatDetector;
import org.pmw.ingest.FormatRegistry;
import org.pmw.ingest.InMemoryInput;
import org.pmw.ingest.Sample;

class LogFormatDetectionTest {

    private final FormatDetector detector = new FormatDetector(new FormatRegistry(LogFormats.all()));

    private static final String COMBINED =
            "10.0.0.5 - - [10/Oct/2005:14:02:11 -0400] \"GET /index.php HTTP/1.1\" 200 5120 \"-\" \"Mozilla/4.0\"\n"
            + "10.0.0.6 - - [10/Oct/2005:14:02:12 -0400] \"GET /cart.php HTTP/1.1\" 500 612 \"-\" \"Mozilla/4.0\"\n"
            + "10.0.0.7 - - [10/Oct/2005:14:02:13 -0400] \"POST /login.php HTTP/1.1\" 302 0 \"-\" \"Mozilla/4.0\"\n";

    private static final String APACHE_ERROR =
            "[Mon Oct 10 14:02:11 2005] [notice] Apache/2.0.52 (CentOS) configured -- resuming normal operations\n"
            + "[Mon Oct 10 14:02:12 2005] [error] [client 10.0.0.5] PHP Fatal error:  Uncaught exception 'E'\n"
            + "Stack trace:\n#0 {main}\n"
            + "[Mon Oct 10 14:02:13 2005] [notice] child pid 4120 exit signal Segmentation fault (11)\n";

    private static final String NGINX_ERROR =
            "2005/10/10 14:02:11 [error] 1234#0: *5 connect() failed (111: Connection refused) while connecting to upstream\n"
            + "2005/10/10 14:02:12 [warn] 1234#0: *6 an upstream response is buffered to a temporary file\n";

    private static final String PHP =
            "[10-Oct-2005 14:02:11] PHP Warning:  mysql_connect(): Too many connections in /var/www/html/db.php on line 12\n"
            + "[10-Oct-2005 14:02:12] PHP Fatal error:  Uncaught exception 'DbException' in /var/www/html/db.php:12\n"
            + "Stack trace:\n#0 /var/www/html/index.php(5): Db->connect()\n#1 {main}\n"
            + "  thrown in /var/www/html/db.php on line 12\n";

    private static final String MYSQL =
            "051010  9:02:11  mysqld started\n"
            + "InnoDB: Started; log sequence number 0 43655\n"
            + "/usr/sbin/mysqld: ready for connections.\n"
            + "051010 14:02:12 [ERROR] /usr/sbin/mysqld: Too many connections\n"
            + "051010 14:02:13 [Note] /usr/sbin/mysqld: Aborted connection 1234 to db: 'shop'\n";

    private static final String POSTGRES =
            "2021-10-10 14:02:11.123 UTC [1234] LOG:  connection received: host=10.0.0.5 port=51234\n"
            + "2021-10-10 14:02:12.001 UTC [1235] ERROR:  duplicate key value violates unique constraint \"orders_pkey\"\n"
            + "2021-10-10 14:02:12.001 UTC [1235] DETAIL:  Key (id)=(42) already exists.\n";

    private static final String SYSLOG =
            "Oct 10 14:02:11 dom0 kernel: httpd[4120]: segfault at 0000000000000010 rip 00002aaaab0f8e3c error 4\n"
            + "Oct 10 14:02:12 dom0 xend[880]: domain web1 memory 512 MiB\n"
            + "Oct 10 14:02:13 dom0 sshd[3001]: Accepted publickey for admin from 10.0.0.2 port 4242 ssh2\n";

    private static final String RFC5424 =
            "<34>1 2005-10-10T14:02:11.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick\n"
            + "<165>1 2005-10-10T22:14:15.003-07:00 192.0.2.1 myproc 8710 - - An application event\n";

    private static final String JSON =
            "{\"time\":\"2005-10-10T14:02:11Z\",\"level\":\"info\",\"msg\":\"started\"}\n"
            + "{\"time\":\"2005-10-10T14:02:12Z\",\"level\":\"error\",\"msg\":\"db down\",\"err\":{\"code\":1040}}\n";

    private static final String LOG4J =
            "2005-10-10 14:02:11,123 ERROR [http-8080-3] com.example.shop.CartDao - Cannot get a connection\n"
            + "org.apache.commons.dbcp.SQLNestedException: Cannot get a connection\n"
            + "\tat org.apache.commons.dbcp.PoolingDataSource.getConnection(PoolingDataSource.java:104)\n"
            + "\t... 5 more\n"
            + "2005-10-10 14:02:12,007 INFO  [main] com.example.shop.Cache - warm\n";

    private static final String HADOOP =
            "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster for application appattempt_1445144423722_0020_000001\n"
            + "2015-10-18 18:01:48,963 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Executing with tokens:\n";

    private static final String XEND =
            "[2005-10-10 14:02:11 xend 1234] INFO (SrvDaemon:332) Xend Daemon started\n"
            + "[2005-10-10 14:02:13 xend 1234] ERROR (xmlrpclib2:178) Internal error handling xend.domain.create\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/usr/lib/python2.4/site-packages/xen/util/xmlrpclib2.py\", line 131, in _marshaled_dispatch\n"
            + "VmError: Out of memory\n";

    private static final String LOGFMT =
            "time=\"2024-03-14T09:58:01Z\" level=error msg=\"dial failed\" error=\"connection refused\"\n"
            + "time=\"2024-03-14T09:58:02Z\" level=info msg=\"listening\" addr=:8080\n";

    private static final String GENERIC =
            "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505\n"
            + "2016-09-28 04:30:31, Info                  CSI    00000001@2016/9/27:20:30:31.455 WcpInitialize called\n"
            + "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181] - Notification time out: 3200\n";

    private Optional<String> detect(String fileName, String text) {
        Sample sample = InMemoryInput.of(fileName, text).sample(200);
        return detector.detect(sample).map(Format::name);
    }

    private String ranking(String fileName, String text) {
        return detector.rank(InMemoryInput.of(fileName, text).sample(200)).stream()
                .map(s -> s.format().name() + "=" + String.format("%.3f", s.score()))
                .collect(Collectors.joining(", "));
    }

    @Test
    void everyFormatIsDetectedOnItsOwnSample() {
        List<String[]> cases = List.of(
                new String[] {"apache_access", "access_log", COMBINED},
                new String[] {"apache_error", "error_log", APACHE_ERROR},
                new String[] {"nginx_access", "nginx-access.log", COMBINED},
                new String[] {"nginx_error", "error.log", NGINX_ERROR},
                new String[] {"iis_w3c", "u_ex240312.log", W3cExtendedFormatTest.IIS},
                new String[] {"aws_elb", "alb.log", AwsElbFormatTest.ALB},
                new String[] {"aws_elb", "elb.log", AwsElbFormatTest.CLASSIC},
                new String[] {"php_error", "php_errors.log", PHP},
                new String[] {"php_error", "www-slow.log", ErrorLogFormatsTest.FPM_SLOW_LOG},
                new String[] {"mysql_error", "mysqld.log", MYSQL},
                new String[] {"mysql_slow", "mysql-slow.log", MySqlSlowLogTest.MYSQL_80},
                new String[] {"mysql_slow", "slow.log", MySqlSlowLogTest.MYSQL_50},
                new String[] {"postgresql", "postgresql.log", POSTGRES},
                new String[] {"syslog", "messages", SYSLOG},
                new String[] {"syslog", "remote.log", RFC5424},
                new String[] {"json_lines", "app.log", JSON},
                new String[] {"docker_json", "3f2a9c0d8e7b-json.log", ContainerLogFormatsTest.DOCKER_SPRING},
                new String[] {"kubernetes_cri", ContainerLogFormatsTest.CRI_FILE_NAME, ContainerLogFormatsTest.CRI},
                new String[] {"kubernetes_cri", "0.log", ContainerLogFormatsTest.CRI},
                new String[] {"log4j", "catalina.out", LOG4J},
                new String[] {"log4j", "hadoop.log", HADOOP},
                new String[] {"xen", "xend.log", XEND},
                new String[] {"logfmt", "api.log", LOGFMT},
                new String[] {"generic", "cbs.log", GENERIC});
        for (String[] c : cases) {
            assertEquals(Optional.of(c[0]), detect(c[1], c[2]), c[1] + ": " + ranking(c[1], c[2]));
        }
    }

    @Test
    void containerLogsAreTheirRuntimesFormatsNotTheLinesTheyWrap() {
        // every CRI line starts with a timestamp generic reads, "stdout F" then part of its message
        String cri = "2024-03-12T10:00:01.123456789Z stdout F Oct 10 14:02:11 dom0 sshd[3001]: Accepted publickey\n"
                + "2024-03-12T10:00:02.000000000Z stderr F 2024-03-12 10:00:02,007 INFO  [main] com.example.App - up\n"
                + "2024-03-12T10:00:03.000000000Z stdout F {\"time\":\"2024-03-12T10:00:03Z\",\"level\":\"info\"}\n";
        assertEquals(Optional.of("kubernetes_cri"), detect("0.log", cri), ranking("0.log", cri));
        assertTrue(ranking("0.log", cri).contains("generic=0.600"), "generic reads it too: " + ranking("0.log", cri));
        // Docker's lines are JSON lines with a time key too
        String docker = "{\"log\":\"{\\\"level\\\":\\\"info\\\"}\\n\",\"stream\":\"stdout\",\"time\":\"2024-03-12T10:00:01Z\"}\n";
        assertEquals(Optional.of("docker_json"), detect("app.log", docker), ranking("app.log", docker));
        assertEquals(Optional.of("json_lines"), detect("app.log", JSON), "no log and stream keys: " + ranking("app.log", JSON));
    }

    @Test
    void jsonLinesWithLogStreamAndTimeAndKeysOfTheirOwnAreNotDockers() {
        // Fluent Bit's and Fluentd's records of a container's lines keep Docker's keys and add their own: read as
        // docker_json, their level and metadata would be dropped
        String fluent = "{\"log\":\"request handled\",\"stream\":\"stdout\",\"time\":\"2024-03-12T10:00:01.123Z\","
                + "\"level\":\"info\",\"kubernetes\":{\"pod_name\":\"checkout-7d9f8b6c5-x2x4k\"}}\n"
                + "{\"log\":\"db down\",\"stream\":\"stderr\",\"time\":\"2024-03-12T10:00:02.123Z\","
                + "\"level\":\"error\",\"kubernetes\":{\"pod_name\":\"checkout-7d9f8b6c5-x2x4k\"}}\n";
        assertEquals(Optional.of("json_lines"), detect("app.log", fluent), ranking("app.log", fluent));
    }

    @Test
    void aLogWhoseLinesLog4jWouldSkipIsGenericAndKeepsEveryLine() {
        // a backup script's own log: echo "$(date '+%F %T') INFO ..." on most lines, not on all
        String text = "2024-03-14 09:50:00 INFO backup started\n"
                + "2024-03-14 09:50:01 INFO dumping database shop\n"
                + "2024-03-14 09:55:00 snapshot taken\n"
                + "2024-03-14 09:58:02 ERROR backup failed: disk full\n"
                + "2024-03-14 09:58:03 cleaning up\n"
                + "2024-03-14 09:58:04 WARN retry in 60s\n";
        assertEquals(Optional.of("generic"), detect("backup.log", text), ranking("backup.log", text));
        ParseRun run = ParseRun.of(ParseRun.format("generic"), "backup.log", text);
        assertEquals(6, run.events.size());
        assertEquals(0, run.context.skipped());
    }

    @Test
    void aScriptsLogWithSyslogsDateButNoHostOrTagIsGeneric() {
        // echo "$(date '+%b %d %T') ..." >> backup.log: syslog's date, then the script's own words
        String text = "Mar 14 09:58:01 Backup started for shop\n"
                + "Mar 14 09:58:02 ERROR: disk full on /var\n"
                + "Mar 14 09:58:03 Backup aborted\n";
        assertEquals(Optional.of("generic"), detect("backup.log", text), ranking("backup.log", text));
        String syslog = SYSLOG + "Oct 10 14:02:14 dom0 last message repeated 3 times\n"
                + "Oct 10 14:02:15 dom0 -- MARK --\n";
        assertEquals(Optional.of("syslog"), detect("messages", syslog), ranking("messages", syslog));
        String capitals = "Mar 14 09:58:01 WEB1 sshd[101]: Accepted publickey for admin from 10.0.0.2 port 4242\n"
                + "Mar 14 09:58:02 Johns-MacBook-Pro kernel[0]: Sandbox: deny(1) file-read-data /private\n"
                + "Mar 14 09:58:03 WEB1 CRON[2201]: (root) CMD (run-parts /etc/cron.hourly)\n";
        assertEquals(Optional.of("syslog"), detect("system.log", capitals), "a host in capitals: "
                + ranking("system.log", capitals));
    }

    @Test
    void aLog4jFileWithAFewForeignLinesIsStillLog4j() {
        String text = LOG4J + LOG4J + LOG4J + "2005-10-10 14:02:13 some other writer's line\n" + LOG4J;
        assertEquals(Optional.of("log4j"), detect("catalina.out", text), ranking("catalina.out", text));
    }

    @Test
    void everyExampleParsesAsOneEventAndIsDetectedAsItsFormat() {
        for (Format format : LogFormats.all()) {
            ParseRun run = ParseRun.of(format, "example.log", format.example() + "\n");
            assertEquals(1, run.events.size(), format.name());
            assertEquals(0, run.context.skipped(), format.name() + ": " + run.context.skipReasons());
            assertEquals(Optional.of(format.name()), detect(format.name() + ".log", format.example()),
                    ranking(format.name() + ".log", format.example()));
        }
    }

    @Test
    void formatNamesAreTheDocumentedOnes() {
        assertEquals(List.of("apache_access", "apache_error", "nginx_access", "nginx_error", "iis_w3c", "aws_elb", "php_error", "mysql_error",
                "mysql_slow", "postgresql", "docker_json", "kubernetes_cri", "syslog", "json_lines", "logfmt", "log4j", "xen", "console_capture", "generic"),
                LogFormats.all().stream().map(Format::name).toList());
    }

    @Test
    void ambiguousCombinedLinesGoToApacheUnlessNginxIsHinted() {
        assertEquals(Optional.of("apache_access"), detect("access.log", COMBINED));
        assertEquals(Optional.of("nginx_access"), detect("nginx.access.log", COMBINED));
        String withRequestTime = COMBINED.replace("\"Mozilla/4.0\"\n", "\"Mozilla/4.0\" 0.012\n");
        assertEquals(Optional.of("nginx_access"), detect("access.log", withRequestTime),
                ranking("access.log", withRequestTime));
    }

    @Test
    void sparkAndHdfsLogsAreReadByTheGenericFormat() {
        String spark = "17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers\n"
                + "17/06/09 20:10:40 INFO spark.SecurityManager: Changing view acls to: yarn,curi\n"
                + "17/06/09 20:10:41 INFO Remoting: Starting remoting\n";
        String hdfs = "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating\n"
                + "081109 203807 222 INFO dfs.DataNode$PacketResponder: PacketResponder 0 terminating\n"
                + "081109 204005 35 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated\n";
        assertEquals(Optional.of("generic"), detect("spark.log", spark), ranking("spark.log", spark));
        assertEquals(Optional.of("generic"), detect("hdfs.log", hdfs), ranking("hdfs.log", hdfs));
        assertEquals(Optional.of("mysql_error"), detect("mysqld.log", MYSQL), ranking("mysqld.log", MYSQL));
    }

    @Test
    void genericScoresBelowEverySpecificFormatOnItsData() {
        for (String text : List.of(NGINX_ERROR, POSTGRES, LOG4J, HADOOP, XEND, SYSLOG)) {
            double generic = score("generic", text);
            assertTrue(generic <= GenericFormat.SCORE_CAP, ranking("x.log", text));
            assertTrue(detector.rank(InMemoryInput.of("x.log", text).sample(200)).get(0).score() > generic);
        }
    }

    private double score(String name, String text) {
        return ParseRun.format(name).score(InMemoryInput.of("x.log", text).sample(200));
    }

    @Test
    void apacheErrorLogFullOfPhpStderrIsStillDetected() {
        String text = "[Mon Oct 10 14:02:11 2005] [notice] Apache/2.0.52 (CentOS) configured -- resuming normal operations\n"
                + "PHP Warning:  mysql_connect(): Too many connections in /var/www/html/db.php on line 12\n"
                + "PHP Warning:  mysql_query(): A link to the server could not be established in /var/www/html/db.php on line 14\n"
                + "PHP Fatal error:  Call to a member function fetch() on a non-object in /var/www/html/item.php on line 9\n"
                + "[Mon Oct 10 14:02:13 2005] [notice] child pid 4120 exit signal Segmentation fault (11)\n";
        assertEquals(Optional.of("apache_error"), detect("error_log", text), ranking("error_log", text));
    }

    @Test
    void rsyslogsIsoTimestampsAreSyslog() {
        String text = "2023-11-05T01:30:00.123456-04:00 web1 sshd[101]: Failed password for root from 10.0.0.9\n"
                + "2023-11-05T01:31:00.5-04:00 web1 CRON[7]: (root) CMD (run-parts /etc/cron.hourly)\n"
                + "2023-11-05T01:32:00.000001-04:00 web1 kernel: [ 1.23] Out of memory: Killed process 42 (java)\n";
        assertEquals(Optional.of("syslog"), detect("messages", text), ranking("messages", text));
        // a level where syslog has its host: an application's lines, read with their levels, not as syslog
        String levels = "2023-11-05T01:30:00Z ERROR app: database unreachable\n"
                + "2023-11-05T01:30:01Z WARNING app: retrying\n2023-11-05T01:30:02Z CRITICAL app: giving up\n";
        assertEquals(Optional.of("log4j"), detect("app.log", levels), ranking("app.log", levels));
        for (String app : List.of("2023-11-05T01:30:00.000Z [api] error: Connection refused\n",
                "2023-11-05T01:30:00.123456789Z Starting server: listening on :8080\n")) {
            assertTrue(!detect("app.log", app.repeat(3)).equals(Optional.of("syslog")), ranking("app.log", app));
        }
        ParseRun read = ParseRun.of(ParseRun.format("log4j"), "app.log", levels);
        assertEquals(List.of(org.pmw.model.Level.ERROR, org.pmw.model.Level.WARN, org.pmw.model.Level.CRIT),
                read.events.stream().map(org.pmw.model.Event::level).toList());
    }

    @Test
    void anApplicationLogThatIsMostlyStackTracesIsStillLog4j() {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            text.append("2023-11-14 10:00:0").append(k).append(",000 ERROR [http-nio-8080-exec-").append(k)
                    .append("] com.example.Api - Request failed\n")
                    .append("java.lang.IllegalStateException: boom\n");
            for (int frame = 0; frame < 80; frame++) {
                text.append("\tat com.example.Frame").append(frame).append(".call(Frame").append(frame)
                        .append(".java:").append(frame + 10).append(")\n");
            }
            text.append("Caused by: java.net.SocketTimeoutException: Read timed out\n\t... 80 more\n");
        }
        for (int k = 0; k < 20; k++) {
            text.append("2023-11-14 10:01:").append(10 + k).append(",000 INFO  [main] com.example.Api - served\n");
        }
        assertEquals(Optional.of("log4j"), detect("app.log", text.toString()), ranking("app.log", text.toString()));
        // lines no format explains still count against a format that reads only a few lines
        String notes = "2023-11-14 10:00:00,000 INFO [main] com.example.Api - started\n"
                + "It was the tenth of October when the site went down.\n".repeat(30);
        assertTrue(ParseRun.format("log4j").score(InMemoryInput.of("notes.log", notes).sample(200)) < 0.5);
    }

    @Test
    void tablesWithTimestampRowsAreNotGenericLogs() {
        String csv = "2005-10-10T14:02:11Z,10,412.5,0\n2005-10-10T14:03:11Z,20,790.1,2\n";
        assertEquals(0.0, ParseRun.format("generic").score(InMemoryInput.of("steps.csv", csv).sample(200)));
        assertTrue(ParseRun.format("generic").score(InMemoryInput.of("steps.log", csv).sample(200)) > 0.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "notes.txt|It was the tenth of October when the site went down.\\nWe looked at the logs for hours.\\nThen we found it.",
        "steps.csv|timestamp,threads,throughput,errors\\n1128952931,10,412.5,0\\n1128952991,20,790.1,2",
        "empty.log|\\n\\n"
    })
    void unknownContentDetectsNothing(String fileName, String text) {
        String content = text.replace("\\n", "\n");
        assertFalse(detect(fileName, content).isPresent(), ranking(fileName, content));
    }
}

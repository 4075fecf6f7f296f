package org.pmw.ingest.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.pmw.ingest.Format;
import org.pmw.ingest.InMemoryInput;
import org.pmw.ingest.ParseContext;

/**
 * Parser throughput, run by hand (not a test): generates access, error, syslog and log4j lines in memory and
 * prints lines per second for each format, best of several rounds.
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.pmw.ingest.logs.LogParserThroughput [lines]
 * </pre>
 * ({@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt} writes cp.txt.)
 */
public final class LogParserThroughput {

    private LogParserThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        measure("apache_access", accessLog(lines));
        measure("apache_error", errorLog(lines));
        measure("syslog", syslog(lines));
        measure("log4j", log4j(lines));
    }

    private static byte[] syslog(int lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 120);
        for (int i = 0; i < lines; i++) {
            int second = i / 40;
            String line = "Oct 10 " + two(second / 3600 % 24) + ':' + two(second / 60 % 60) + ':' + two(second % 60)
                    + " dom0 kernel: httpd[" + (4000 + i % 500) + "]: segfault at 0000000000000010 rip "
                    + "00002aaaab0f8e3c rsp 00007fffff8e2d30 error 4\n";
            out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static byte[] log4j(int lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 120);
        for (int i = 0; i < lines; i++) {
            int second = i / 40;
            String line = "2005-10-10 " + two(second / 3600 % 24) + ':' + two(second / 60 % 60) + ':'
                    + two(second % 60) + ',' + String.format("%03d", i % 1000) + " ERROR [http-8080-" + (i % 50)
                    + "] com.example.shop.CartDao - Cannot get a connection, pool error Timeout waiting for idle object\n";
            out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            if (i % 100 == 0) {
                out.writeBytes("\tat com.example.shop.CartDao.load(CartDao.java:42)\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }

    private static void measure(String formatName, byte[] data) throws IOException {
        int lines = 0;
        for (byte b : data) {
            lines += b == '\n' ? 1 : 0;
        }
        Format format = ParseRun.format(formatName);
        double best = 0;
        for (int round = 0; round < 5; round++) {
            ParseContext context = new ParseContext("bench", "bench.log", ZoneId.of("America/New_York"), 2005, null);
            long[] events = new long[1];
            long start = System.nanoTime();
            format.parse(new InMemoryInput("bench.log", data), context, e -> events[0]++);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, lines / seconds);
            System.out.printf("%s round %d: %d events, %d skipped, %.2f s, %.0f lines/s%n",
                    formatName, round + 1, events[0], context.skipped(), seconds, lines / seconds);
        }
        System.out.printf("%s best: %.0f lines/s (%d MB)%n", formatName, best, data.length >> 20);
    }

    private static byte[] accessLog(int lines) {
        String[] paths = {"/index.php", "/cart.php?id=17", "/images/logo.gif", "/login.php", "/search.php?q=xen"};
        int[] statuses = {200, 200, 200, 304, 302, 404, 500, 503};
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 180);
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < lines; i++) {
            int second = i / 40; // 40 requests per second
            line.setLength(0);
            line.append("10.0.").append(i % 200).append('.').append(i % 250 + 1).append(" - - [10/Oct/2005:")
                    .append(two(second / 3600 % 24)).append(':').append(two(second / 60 % 60)).append(':')
                    .append(two(second % 60)).append(" -0400] \"GET ").append(paths[i % paths.length])
                    .append(" HTTP/1.1\" ").append(statuses[i % statuses.length]).append(' ').append(i % 9000 + 100)
                    .append(" \"http://www.example.com/\" \"Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)\"\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static byte[] errorLog(int lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 150);
        String[] days = {"Mon"};
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < lines; i++) {
            int second = i / 40;
            line.setLength(0);
            line.append('[').append(days[0]).append(" Oct 10 ").append(two(second / 3600 % 24)).append(':')
                    .append(two(second / 60 % 60)).append(':').append(two(second % 60)).append('.')
                    .append(String.format("%06d", i % 1_000_000)).append(" 2005] [core:error] [pid ")
                    .append(1000 + i % 300).append(":tid 140245093189376] [client 10.0.0.").append(i % 250)
                    .append(":51234] AH00037: Symbolic link not allowed or link target not accessible: /var/www/html/x\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}

package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.pmw.ingest.FormatException;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

class AccessLogFormatTest {

    private static final String COMBINED = "10.0.0.5 - frank [10/Oct/2005:14:02:11 -0400] \"GET /index.php?id=7 HTTP/1.1\" "
            + "200 5120 \"http://www.example.com/start.html\" \"Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)\"";

    @Test
    void readsCombinedLineWithItsOwnOffset() {
        ParseRun run = ParseRun.of(ParseRun.format("apache_access"), "access_log", COMBINED + "\n",
                ZoneId.of("Europe/Berlin"), 2005, null);
        Event e = run.event(0);
        assertEquals(Instant.parse("2005-10-10T18:02:11Z").toEpochMilli(), e.ts());
        assertEquals("10/Oct/2005:14:02:11 -0400", e.tsText());
        assertEquals("GET /index.php?id=7 HTTP/1.1 200", e.message());
        assertEquals(COMBINED, e.raw());
        assertEquals(EventKind.REQUEST, e.kind());
        assertEquals(Level.INFO, e.level());
        assertEquals("src-1", e.source());
        assertEquals(1, e.line());
        assertEquals("", e.host());
        assertEquals("10.0.0.5", e.fields().get("client"));
        assertNull(e.fields().get("ident"));
        assertEquals("frank", e.fields().get("user"));
        assertEquals("GET", e.fields().get("method"));
        assertEquals("/index.php", e.fields().get("path"), "the page, whatever its parameters");
        assertEquals("id=7", e.fields().get("query"));
        assertEquals("HTTP/1.1", e.fields().get("protocol"));
        assertEquals(200L, e.fields().get("status"));
        assertEquals(5120L, e.fields().get("bytes"));
        assertEquals("http://www.example.com/start.html", e.fields().get("referer"));
        assertEquals("Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)", e.fields().get("agent"));
        assertFalse(e.fields().containsKey("duration_ms"));
    }

    @Test
    void readsCommonVhostIpv6EscapedQuotesDashBytesAndCrlf() {
        String text = "2001:db8::7 - - [10/Oct/2005:14:02:12 +0000] \"POST /cart.php HTTP/1.1\" 503 - \"-\" "
                + "\"Bot \\\"quoted\\\" agent\"\r\n"
                + "192.168.1.9 - - [10/Oct/2005:14:02:13 +0000] \"GET /missing HTTP/1.0\" 404 209\r\n"
                + "www.example.com:80 10.0.0.6 - - [10/Oct/2005:14:02:14 +0000] \"GET / HTTP/1.1\" 200 734 \"-\" \"curl/7.15\"\r\n";
        ParseRun run = ParseRun.of(ParseRun.format("apache_access"), "access_log", text);
        assertEquals(3, run.events.size());
        Event ipv6 = run.event(0);
        assertEquals("2001:db8::7", ipv6.fields().get("client"));
        assertFalse(ipv6.fields().containsKey("bytes"));
        assertFalse(ipv6.fields().containsKey("referer"));
        assertEquals("Bot \\\"quoted\\\" agent", ipv6.fields().get("agent"));
        assertEquals(Level.ERROR, ipv6.level());
        assertFalse(ipv6.raw().endsWith("\r"));

        Event common = run.event(1);
        assertEquals(Level.WARN, common.level());
        assertEquals(209L, common.fields().get("bytes"));
        assertEquals(2, common.line());

        Event vhost = run.event(2);
        assertEquals("www.example.com", vhost.fields().get("vhost"));
        assertEquals(80L, vhost.fields().get("port"));
        assertEquals("www.example.com", vhost.host());
        assertEquals("10.0.0.6", vhost.fields().get("client"));
        assertEquals(0, run.context.skipped());
    }

    @Test
    void trailingMicrosecondsAndRequestTimeBecomeDuration() {
        String text = "10.0.0.5 - - [10/Oct/2005:14:02:11 +0000] \"GET /slow.php HTTP/1.1\" 200 12 \"-\" \"ab\" 2314567\n"
                + "10.0.0.5 - - [10/Oct/2005:14:02:11 +0000] \"GET /slow.php HTTP/1.1\" 502 166 \"-\" \"ab\" \"-\" 0.251\n";
        ParseRun run = ParseRun.of(ParseRun.format("nginx_access"), "nginx-access.log", text);
        assertEquals(2314.567, (Double) run.event(0).fields().get("duration_ms"), 1e-9);
        assertEquals(251.0, (Double) run.event(1).fields().get("duration_ms"), 1e-9);
        // the repeated second reuses the parsed timestamp
        assertEquals(run.event(0).ts(), run.event(1).ts());
    }

    @Test
    void trailingNamedTimesAreFieldsAndTheRequestTimeIsTheDuration() {
        // nginx's documented upstream timing format: log_format upstream_time '... rt=$request_time
        // uct="$upstream_connect_time" uht="$upstream_header_time" urt="$upstream_response_time"'
        String text = "10.0.1.5 - - [14/Mar/2024:10:00:01 +0100] \"GET /api/orders HTTP/1.1\" 200 1534 \"-\" "
                + "\"Go-http-client/1.1\" rt=0.012 uct=\"0.001\" uht=\"0.010\" urt=\"0.011\"\n"
                + "10.0.1.6 - - [14/Mar/2024:10:00:03 +0100] \"POST /api/pay HTTP/1.1\" 504 160 \"-\" "
                + "\"Go-http-client/1.1\" rt=60.002 uct=\"0.002, 0.001\" uht=\"-, -\" urt=\"30.001, 30.000\"\n"
                + "10.0.1.6 - - [14/Mar/2024:10:00:04 +0100] \"GET / HTTP/1.1\" 200 5 \"-\" \"x\" "
                + "request_time=0.250 status=999 upstream_addr=10.0.2.15:8080\n";
        ParseRun run = ParseRun.of(ParseRun.format("nginx_access"), "access.log", text);
        assertEquals(3, run.events.size());
        assertEquals(0, run.context.skipped());
        Event ok = run.event(0);
        assertEquals(12.0, (Double) ok.fields().get("duration_ms"), 1e-9);
        assertEquals(0.011, (Double) ok.fields().get("urt"), 1e-9);
        assertEquals(0.001, (Double) ok.fields().get("uct"), 1e-9);
        assertEquals("Go-http-client/1.1", ok.fields().get("agent"));
        Event retried = run.event(1);
        assertEquals(60002.0, (Double) retried.fields().get("duration_ms"), 1e-9);
        assertEquals("30.001, 30.000", retried.fields().get("urt"));
        assertEquals("-, -", retried.fields().get("uht"));
        Event named = run.event(2);
        assertEquals(250.0, (Double) named.fields().get("duration_ms"), 1e-9);
        // a name the line has already read keeps the line's value
        assertEquals(200L, named.fields().get("status"));
        assertEquals("10.0.2.15:8080", named.fields().get("upstream_addr"));
    }

    @Test
    void namedPairsDoNotTakeTheEventsOwnNames() {
        // log_format with $host and a request id: host= is the site, line= a field beside the event's line
        String text = "10.0.1.5 - - [14/Mar/2024:10:00:01 +0100] \"GET / HTTP/1.1\" 200 5 \"-\" \"x\" rt=0.012 "
                + "host=shop.example.com line=7 req_id=007\n";
        ParseRun run = ParseRun.of(ParseRun.format("nginx_access"), "access.log", text);
        Event e = run.event(0);
        assertEquals("shop.example.com", e.host());
        assertEquals("shop.example.com", e.fields().get("vhost"));
        assertEquals(1, e.line());
        assertEquals(7L, e.fields().get("access_line"));
        assertFalse(e.fields().containsKey("line"));
        assertEquals("007", e.fields().get("req_id"), "an id with leading zeros stays text, as logfmt keeps it");
    }

    @Test
    void nginxsRequestTimeBeforeItsUpstreamTimesIsTheDuration() {
        // log_format timed '$remote_addr ... "$http_user_agent" $request_time $upstream_response_time'
        String text = "10.0.1.6 - - [14/Mar/2024:10:00:03 +0100] \"POST /api/pay HTTP/1.1\" 504 160 \"-\" "
                + "\"Go-http-client/1.1\" 60.002 30.001, 30.000\n"
                + "10.0.1.7 - - [14/Mar/2024:10:00:04 +0100] \"GET /health HTTP/1.1\" 200 2 \"-\" \"curl/8.0\" 0.000 -\n";
        ParseRun run = ParseRun.of(ParseRun.format("nginx_access"), "access.log", text);
        assertEquals(60002.0, (Double) run.event(0).fields().get("duration_ms"), 1e-9);
        assertEquals(0.0, (Double) run.event(1).fields().get("duration_ms"), 1e-9);
    }

    @Test
    void severalTrailingNumbersAreNoDuration() {
        String combinedio = "10.0.0.5 - - [10/Oct/2005:14:02:11 +0000] \"GET / HTTP/1.1\" 200 12 \"-\" \"ab\" 456 7890";
        ParseRun run = ParseRun.of(ParseRun.format("apache_access"), "access_log", combinedio);
        assertFalse(run.event(0).fields().containsKey("duration_ms"));
        assertEquals(combinedio, run.event(0).raw());
    }

    @Test
    void contextHostOverridesVhost() {
        String line = "www.example.com:443 10.0.0.6 - - [10/Oct/2005:14:02:14 +0000] \"GET / HTTP/1.1\" 200 734 \"-\" \"x\"";
        ParseRun run = ParseRun.of(ParseRun.format("apache_access"), "a.log", line, ZoneId.of("UTC"), 2005, "web1");
        assertEquals("web1", run.event(0).host());
    }

    @Test
    void badLinesAreSkippedWithTheReason() {
        String text = COMBINED + "\n"
                + "10.0.0.5 - - [10/Oct/2005 14:02:11] \"GET / HTTP/1.1\" 200 1\n"
                + "garbage that is no request\n"
                + "\n"
                + COMBINED + "\n";
        ParseRun run = ParseRun.of(ParseRun.format("apache_access"), "access_log", text);
        assertEquals(2, run.events.size());
        assertEquals(5, run.event(1).line());
        assertEquals(2, run.context.skipped());
        assertTrue(run.context.skipReasons().get(0).startsWith("line 2: expected '[dd/Mon/yyyy:HH:mm:ss zone]'"),
                run.context.skipReasons().toString());
        assertTrue(run.context.skipReasons().get(1).startsWith("line 3: "));
        assertTrue(run.context.notes().contains("1 blank line ignored"), run.context.notes().toString());
    }

    @Test
    void fileWithNoAccessLineAtAllIsRefused() {
        FormatException e = assertThrows(FormatException.class, () -> ParseRun.of(ParseRun.format("apache_access"),
                "notes.txt", "Dear team,\nthe site was down.\n"));
        assertTrue(e.getMessage().startsWith("notes.txt line 1: expected"), e.getMessage());
    }
}

package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/** iis_w3c: IIS's W3C extended log, as IIS writes it (a byte-order mark, CRLF, headers again after a restart). */
class W3cExtendedFormatTest {

    static final String CHROME = "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)"
            + "+Chrome/122.0.0.0+Safari/537.36";

    /** u_ex240312.log: the default fields, then, after the site was restarted with more fields logged, those. */
    static final String IIS = "\uFEFF#Software: Microsoft Internet Information Services 10.0\r\n"
            + "#Version: 1.0\r\n"
            + "#Date: 2024-03-12 10:00:00\r\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
            + "cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n"
            + "2024-03-12 10:00:01 10.0.1.20 GET /shop/cart.aspx id=7731&step=2 443 - 203.0.113.7 " + CHROME
            + " https://shop.example.com/shop/ 200 0 0 187\r\n"
            + "2024-03-12 10:00:02 10.0.1.20 POST /api/checkout - 443 CONTOSO\\jsmith 203.0.113.7 " + CHROME
            + " https://shop.example.com/shop/cart.aspx 500 0 64 15032\r\n"
            + "2024-03-12 10:00:03 10.0.1.20 GET /favicon.ico - 443 - 198.51.100.23 - - 404 0 2 3\r\n"
            + "\r\n"
            + "#Software: Microsoft Internet Information Services 10.0\r\n"
            + "#Version: 1.0\r\n"
            + "#Date: 2024-03-12 10:05:12\r\n"
            + "#Fields: date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username "
            + "c-ip cs-version cs(User-Agent) cs(Referer) cs-host sc-status sc-substatus sc-win32-status sc-bytes "
            + "cs-bytes time-taken X-Forwarded-For\r\n"
            + "2024-03-12 10:05:13 W3SVC1 WEB01 10.0.1.20 GET /api/health - 80 - 10.0.0.4 HTTP/1.1 kube-probe/1.29 - "
            + "shop.example.com 503 0 0 312 147 2 203.0.113.50\r\n"
            + "2024-03-12 10:05:14 W3SVC1 WEB01 10.0.1.20 GET /shop/ca";

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void requestsAreReadByTheColumnsTheirFieldsHeaderNames() {
        ParseRun run = ParseRun.of(ParseRun.format("iis_w3c"), "u_ex240312.log", IIS, ZoneId.of("America/New_York"),
                2024, null);
        assertEquals(4, run.events.size());

        Event cart = run.event(0);
        assertEquals(5, cart.line());
        assertEquals(utc("2024-03-12T10:00:01Z"), cart.ts(), "UTC, as IIS writes it, whatever the source's zone");
        assertEquals("2024-03-12 10:00:01", cart.tsText());
        assertEquals(EventKind.REQUEST, cart.kind());
        assertEquals(Level.INFO, cart.level());
        assertEquals("GET /shop/cart.aspx?id=7731&step=2 200", cart.message());
        assertEquals(IIS.split("\r\n")[4], cart.raw());
        Map<String, Object> f = cart.fields();
        assertEquals("203.0.113.7", f.get("client"));
        assertEquals("GET", f.get("method"));
        assertEquals("/shop/cart.aspx", f.get("path"));
        assertEquals("id=7731&step=2", f.get("query"));
        assertEquals(443L, f.get("port"));
        assertEquals("10.0.1.20", f.get("server_ip"));
        assertEquals(200L, f.get("status"));
        assertEquals(0L, f.get("substatus"));
        assertEquals(0L, f.get("win32_status"));
        assertEquals(187L, f.get("duration_ms"), "time-taken is in milliseconds");
        assertEquals("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/122.0.0.0 Safari/537.36", f.get("agent"), "IIS writes the agent's spaces as '+'");
        assertEquals("https://shop.example.com/shop/", f.get("referer"));
        assertFalse(f.containsKey("user"), "'-' is no value");

        Event checkout = run.event(1);
        assertEquals(Level.ERROR, checkout.level());
        assertEquals("CONTOSO\\jsmith", checkout.fields().get("user"));
        assertEquals(64L, checkout.fields().get("win32_status"));
        assertEquals(15032L, checkout.fields().get("duration_ms"));

        Event favicon = run.event(2);
        assertEquals(Level.WARN, favicon.level());
        assertFalse(favicon.fields().containsKey("agent"));

        Event health = run.event(3);
        assertEquals(13, health.line());
        assertEquals("GET /api/health HTTP/1.1 503", health.message());
        assertEquals(Level.ERROR, health.level());
        assertEquals("WEB01", health.host());
        assertEquals("W3SVC1", health.fields().get("site"));
        assertEquals("HTTP/1.1", health.fields().get("protocol"));
        assertEquals("shop.example.com", health.fields().get("vhost"));
        assertEquals(312L, health.fields().get("bytes"));
        assertEquals(147L, health.fields().get("request_bytes"));
        assertEquals(2L, health.fields().get("duration_ms"));
        assertEquals("203.0.113.50", health.fields().get("forwarded_for"));
        assertEquals("kube-probe/1.29", health.fields().get("agent"));

        assertEquals(1, run.context.skipped(), "the line cut off at the end");
        assertEquals("line 14: expected 22 space-separated values, as the #Fields header names (date time "
                + "s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs-version "
                + "cs(User-Agent) cs(Referer) cs-host sc-status sc-substatus sc-win32-status sc-bytes cs-bytes "
                + "time-taken X-Forwarded-For), found 7", run.context.skipReasons().get(0));
        assertTrue(run.context.notes().contains("1 blank line ignored"), run.context.notes().toString());
    }

    @Test
    void linesBeforeAnyFieldsHeaderAreReadWithIisDefaultFields() {
        // the rest of a log whose head was cut off when it was copied
        String text = "2024-03-12 10:00:02 10.0.1.20 POST /api/checkout - 443 - 203.0.113.7 " + CHROME
                + " - 502 3 12030 30001\n"
                + "2024-03-12 10:00:03 10.0.1.20 GET /shop/ 443 - 203.0.113.7\n"
                + "2024-03-12 10:00:04 10.0.1.20 GET /shop/ - 443 - 203.0.113.7 - - OK 0 0 15\n";
        ParseRun run = ParseRun.of(ParseRun.format("iis_w3c"), "u_ex240312.log", text);
        assertEquals(1, run.events.size());
        assertEquals(502L, run.event(0).fields().get("status"));
        assertEquals(12030L, run.event(0).fields().get("win32_status"));
        assertEquals(30001L, run.event(0).fields().get("duration_ms"));
        assertTrue(run.context.notes().get(0).startsWith("no #Fields header before the first request line: read with "
                + "IIS's default fields (date time s-ip"), run.context.notes().toString());
        assertEquals(2, run.context.skipped());
        assertTrue(run.context.skipReasons().get(0).startsWith("line 2: expected 15 space-separated values, as IIS's "
                + "default fields names"), run.context.skipReasons().toString());
        assertEquals("line 3: expected an HTTP status in sc-status, found 'OK'", run.context.skipReasons().get(1));
    }

    @Test
    void aFileWithoutADateColumnTakesTheDateOfItsDateHeader() {
        // the W3C draft's own example: time only, the day in #Date
        String text = "#Version: 1.0\n"
                + "#Date: 2024-03-12 00:00:00\n"
                + "#Fields: time c-ip cs-method cs-uri sc-status\n"
                + "00:34:23 192.0.2.10 GET /foo/bar.html 200\n";
        ParseRun run = ParseRun.of(ParseRun.format("iis_w3c"), "ex240312.log", text);
        assertEquals(1, run.events.size());
        assertEquals(utc("2024-03-12T00:34:23Z"), run.event(0).ts());
        assertEquals("/foo/bar.html", run.event(0).fields().get("cs_uri"), "a column no access log has, named plainly");
        assertEquals("00:34:23 192.0.2.10 GET /foo/bar.html 200", run.event(0).message(),
                "without a path column the message is the line");
        assertEquals(0, run.context.skipped());
    }

    @Test
    void aLogWithOnlyItsHeadersHasNoRequestsAndIsNoError() {
        ParseRun run = ParseRun.of(ParseRun.format("iis_w3c"), "u_ex240312.log",
                "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n"
                        + "#Date: 2024-03-12 23:59:59\r\n#Fields: date time c-ip cs-method cs-uri-stem sc-status\r\n");
        assertEquals(0, run.events.size());
        assertEquals(0, run.context.skipped());
    }

    @Test
    void advancedLoggingsQuotedValuesAndLocalTimes() {
        // IIS Advanced Logging: text values in quotes, spaces kept; date-local and time-local in the server's zone
        String log = "#Software: IIS Advanced Logging Module\r\n"
                + "#Version: 1.0\r\n"
                + "#Start-Date: 2024-03-12 00:00:00.000\r\n"
                + "#Fields:  date-local time-local s-computername cs-method cs-uri-stem cs-uri-query sc-status "
                + "sc-substatus sc-win32-status sc-bytes cs-bytes TimeTakenMS cs(User-Agent) cs(Referer) c-ip "
                + "X-Forwarded-For\r\n"
                + "2024-03-12 11:00:00.148 \"WEB01\" \"GET\" \"/default.aspx\" - 200 0 0 5432 345 125 "
                + "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) like Gecko\" - \"10.0.0.9\" \"203.0.113.50\"\r\n"
                + "2024-03-12 11:00:01.512 \"WEB01\" \"POST\" \"/api/orders\" \"id=5\" 500 0 0 512 345 3100 "
                + "\"okhttp/4.12.0\" \"-\" \"10.0.0.9\" \"203.0.113.51\"\r\n";
        ParseRun run = ParseRun.of(ParseRun.format("iis_w3c"), "ex240312.log", log, ZoneId.of("Europe/Paris"), 2024,
                null);
        assertEquals(2, run.events.size(), run.context.skipReasons().toString());
        assertEquals(0, run.context.skipped());
        Event home = run.event(0);
        assertEquals(utc("2024-03-12T10:00:00.148Z"), home.ts(), "local time, in the source's zone");
        assertEquals("WEB01", home.host());
        assertEquals("GET /default.aspx 200", home.message());
        assertEquals("/default.aspx", home.fields().get("path"));
        assertEquals("Mozilla/5.0 (Windows NT 10.0; Win64; x64) like Gecko", home.fields().get("agent"));
        assertEquals("203.0.113.50", home.fields().get("forwarded_for"));
        assertEquals(125L, home.fields().get("duration_ms"));
        Event orders = run.event(1);
        assertEquals(Level.ERROR, orders.level());
        assertEquals("id=5", orders.fields().get("query"));
        assertFalse(orders.fields().containsKey("referer"), "a quoted '-' is no value either");
        assertEquals(3100L, orders.fields().get("duration_ms"));
    }

    @Test
    void aLogWhoseTimeFormatHeaderSaysLocalIsReadInTheSourcesZone() {
        // Windows Firewall's pfirewall.log, a W3C extended log that says its times are the machine's
        String log = "#Version: 1.5\r\n"
                + "#Software: Microsoft Windows Firewall\r\n"
                + "#Time Format: Local\r\n"
                + "#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack "
                + "tcpwin icmptype icmpcode info path\r\n"
                + "\r\n"
                + "2024-03-12 11:00:01 DROP TCP 203.0.113.7 10.0.0.4 51234 3389 52 S 123456 0 64240 - - - RECEIVE\r\n";
        ParseRun run = ParseRun.of(ParseRun.format("iis_w3c"), "pfirewall.log", log, ZoneId.of("Europe/Paris"), 2024,
                null);
        assertEquals(0, run.context.skipped(), run.context.skipReasons().toString());
        assertEquals(1, run.events.size());
        assertEquals(utc("2024-03-12T10:00:01Z"), run.event(0).ts());
        assertEquals("DROP", run.event(0).fields().get("action"));
    }
}

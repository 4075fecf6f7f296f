package org.pmw.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/** aws_elb: Application and Classic Load Balancer access logs, as the balancer writes them to S3. */
class AwsElbFormatTest {

    static final String ALB = "https 2024-03-12T10:00:01.186641Z app/shop-alb/50dc6c495c0c9188 203.0.113.7:51234 "
            + "10.0.1.20:8080 0.000 0.187 0.000 200 200 512 3711 \"GET https://shop.example.com:443/shop/cart?id=7731 "
            + "HTTP/1.1\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36\" ECDHE-RSA-AES128-GCM-SHA256 "
            + "TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/73e2d6bc24d8a067 "
            + "\"Root=1-65f02a69-36d228ad5d99923122bbe354\" \"shop.example.com\" "
            + "\"arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789\" 0 "
            + "2024-03-12T10:00:00.999000Z \"forward\" \"-\" \"-\" \"10.0.1.20:8080\" \"200\" \"-\" \"-\" TID_1a2b3c4d\n"
            // the target never answered: no target status, -1 for the time it did not measure
            + "https 2024-03-12T10:01:01.034117Z app/shop-alb/50dc6c495c0c9188 203.0.113.9:40022 10.0.1.21:8080 "
            + "0.000 -1 -1 504 - 912 202 \"POST https://shop.example.com:443/api/checkout HTTP/1.1\" \"okhttp/4.12.0\" "
            + "ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 "
            + "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/73e2d6bc24d8a067 "
            + "\"Root=1-65f02aa5-0a1b2c3d4e5f60718293a4b5\" \"shop.example.com\" \"-\" 1 2024-03-12T10:00:01.033000Z "
            + "\"forward\" \"-\" \"-\" \"10.0.1.21:8080\" \"-\" \"-\" \"-\" TID_5e6f7a8b\n"
            + "\n"
            + "http 2024-03-12T10:01:02.5Z app/shop-alb/50dc6c495c0c9188 198.51.100.23:3";

    static final String CLASSIC = "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 "
            + "0.001048 0.000057 200 200 0 29 \"GET http://www.example.com:80/ HTTP/1.1\" \"curl/7.38.0\" - -\n"
            + "2015-05-13T23:39:44.001234Z my-loadbalancer 192.168.131.39:2818 - -1 -1 -1 503 0 0 0 "
            + "\"GET http://www.example.com:80/cart HTTP/1.1\" \"curl/7.38.0\" - -\n";

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void applicationLoadBalancerLinesAsAwsWritesThem() {
        ParseRun run = ParseRun.of(ParseRun.format("aws_elb"), "123456789012_elasticloadbalancing_eu-west-1_"
                + "app.shop-alb.50dc6c495c0c9188_20240312T1000Z_52.15.11.1_2jbx5hf0.log", ALB, ZoneId.of("Asia/Tokyo"),
                2024, null);
        assertEquals(2, run.events.size());
        Event cart = run.event(0);
        assertEquals(utc("2024-03-12T10:00:01.186Z"), cart.ts(), "UTC, whatever the source's zone");
        assertEquals(641, cart.micros());
        assertEquals(EventKind.REQUEST, cart.kind());
        assertEquals(Level.INFO, cart.level());
        assertEquals("GET https://shop.example.com:443/shop/cart?id=7731 HTTP/1.1 200", cart.message());
        assertEquals("https", cart.fields().get("type"));
        assertEquals("app/shop-alb/50dc6c495c0c9188", cart.fields().get("elb"));
        assertEquals("203.0.113.7", cart.fields().get("client"));
        assertEquals(51234L, cart.fields().get("client_port"));
        assertEquals("10.0.1.20", cart.fields().get("target"));
        assertEquals(8080L, cart.fields().get("target_port"));
        assertEquals(187.0, cart.fields().get("duration_ms"));
        assertEquals(187.0, cart.fields().get("target_processing_ms"));
        assertEquals(200L, cart.fields().get("status"));
        assertEquals(200L, cart.fields().get("target_status"));
        assertEquals(512L, cart.fields().get("request_bytes"));
        assertEquals(3711L, cart.fields().get("bytes"));
        assertEquals("GET", cart.fields().get("method"));
        assertEquals("shop.example.com", cart.fields().get("vhost"));
        assertEquals("/shop/cart", cart.fields().get("path"));
        assertEquals("id=7731", cart.fields().get("query"));
        assertEquals("HTTP/1.1", cart.fields().get("protocol"));
        assertEquals("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36", cart.fields().get("agent"));
        assertEquals("Root=1-65f02a69-36d228ad5d99923122bbe354", cart.fields().get("trace_id"));
        assertEquals("shop.example.com", cart.fields().get("domain"));
        assertEquals("forward", cart.fields().get("actions"));
        assertEquals(0L, cart.fields().get("rule_priority"));
        assertEquals("2024-03-12T10:00:00.999000Z", cart.fields().get("request_creation_time"));
        assertEquals("TID_1a2b3c4d", cart.fields().get("conn_trace_id"));
        assertFalse(cart.fields().containsKey("redirect_url"), "'-' is no value");

        Event timeout = run.event(1);
        assertEquals(Level.ERROR, timeout.level());
        assertEquals(504L, timeout.fields().get("status"));
        assertFalse(timeout.fields().containsKey("target_status"));
        assertFalse(timeout.fields().containsKey("duration_ms"), "-1: the balancer measured no time");
        assertEquals("okhttp/4.12.0", timeout.fields().get("agent"));

        assertEquals(1, run.context.skipped(), "the line cut off at the end");
        assertTrue(run.context.skipReasons().get(0).startsWith("line 4: expected an AWS load balancer access log line"),
                run.context.skipReasons().toString());
        assertTrue(run.context.notes().contains("1 blank line ignored"));
    }

    /** A request the balancer sent to two targets, the second of which gave no status: its lists have two items. */
    static final String ALB_TWO_TARGETS = "https 2024-03-12T10:02:11.402117Z app/shop-alb/50dc6c495c0c9188 "
            + "203.0.113.7:51240 10.0.1.20:8080 0.000 0.402 0.000 200 200 734 1288 "
            + "\"GET https://shop.example.com:443/api/stock?sku=A-1 HTTP/1.1\" \"okhttp/4.12.0\" "
            + "ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 "
            + "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/73e2d6bc24d8a067 "
            + "\"Root=1-65f02ab3-5b6c7d8e9f0a1b2c3d4e5f60\" \"shop.example.com\" \"-\" 2 2024-03-12T10:02:11.000000Z "
            + "\"forward\" \"-\" \"-\" \"10.0.1.20:8080 10.0.1.21:8080\" \"200 -\" \"-\" \"-\" TID_9c0d1e2f\n";

    @Test
    void theTargetsAndTheirStatusesAreTextWithOneTargetOrSeveral() {
        ParseRun run = ParseRun.of(ParseRun.format("aws_elb"), "alb.log", ALB + "\n" + ALB_TWO_TARGETS);
        assertEquals(3, run.events.size());
        Event cart = run.event(0);
        assertEquals("10.0.1.20:8080", cart.fields().get("targets"));
        assertEquals("200", cart.fields().get("target_statuses"), "text, as on a line with several targets");
        assertEquals(200L, cart.fields().get("target_status"), "the target's own status stays a number");
        Event stock = run.event(2);
        assertEquals("[\"10.0.1.20:8080\",\"10.0.1.21:8080\"]", stock.fields().get("targets"));
        assertEquals("[\"200\",\"-\"]", stock.fields().get("target_statuses"));
        assertEquals(200L, stock.fields().get("target_status"));
        assertEquals(2L, stock.fields().get("rule_priority"));
    }

    @Test
    void classicLoadBalancerLinesHaveNoType() {
        ParseRun run = ParseRun.of(ParseRun.format("aws_elb"), "my-loadbalancer.log", CLASSIC);
        assertEquals(2, run.events.size());
        Event ok = run.event(0);
        assertEquals(utc("2015-05-13T23:39:43.945Z"), ok.ts());
        assertEquals(1.178, (Double) ok.fields().get("duration_ms"), 1e-9);
        assertEquals("www.example.com", ok.fields().get("vhost"));
        assertEquals("/", ok.fields().get("path"));
        assertFalse(ok.fields().containsKey("type"));
        Event unavailable = run.event(1);
        assertEquals(Level.ERROR, unavailable.level());
        assertFalse(unavailable.fields().containsKey("target"), "no instance was reached");
        assertEquals(0, run.context.skipped());
    }
}

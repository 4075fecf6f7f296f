package org.pmw.ingest.logs;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.pmw.ingest.ParseContext;
import org.pmw.model.EventKind;

/**
 * AWS Elastic Load Balancing access logs: an Application Load Balancer's
 * ({@code http 2024-03-12T10:00:01.123456Z app/shop-alb/50dc6c495c0c9188 203.0.113.7:51234 10.0.1.20:8080 0.000 15.032
 * 0.000 502 - 912 272 "POST https://shop.example.com:443/api/checkout HTTP/1.1" "Mozilla/5.0 ..." ...}) and a Classic
 * Load Balancer's (the same without the leading type). Values are space-separated, the request, agent and a few
 * more in quotes; {@code -} is no value, {@code -1} a time the balancer did not measure. AWS adds fields at the end
 * over the years: those after the ones named here are left in the raw text. The targets a request went to and their
 * statuses ({@code targets}, {@code target_statuses}) are text, several a JSON array of them. Fields take the names the access-log
 * formats use ({@code client, method, path, query, protocol, vhost, status, bytes, agent, duration_ms}); the level
 * is the balancer's status's, as for an access log.
 */
final class AwsElbFormat extends LineLogFormat {

    /** The Application Load Balancer's fields after the type, in their order. */
    private static final String[] ALB_FIELDS = {"time", "elb", "client:port", "target:port", "request_processing_time",
        "target_processing_time", "response_processing_time", "elb_status_code", "target_status_code", "received_bytes",
        "sent_bytes", "request", "user_agent", "ssl_cipher", "ssl_protocol", "target_group_arn", "trace_id",
        "domain_name", "chosen_cert_arn", "matched_rule_priority", "request_creation_time", "actions_executed",
        "redirect_url", "error_reason", "target:port_list", "target_status_code_list", "classification",
        "classification_reason", "conn_trace_id"};

    /** Up to the request, which every line has; a Classic Load Balancer's first logs end there. */
    private static final int REQUIRED = 12;

    private static final List<String> ALB_TYPES = List.of("http", "https", "h2", "grpcs", "ws", "wss");

    AwsElbFormat() {
        super("aws_elb", "AWS load balancer access log: Application (ALB) and Classic (ELB)",
                "https 2024-03-12T10:00:16.066802Z app/shop-alb/50dc6c495c0c9188 203.0.113.7:51234 10.0.1.20:8080 "
                        + "0.001 15.032 0.000 502 - 912 272 \"POST https://shop.example.com:443/api/checkout HTTP/1.1\" "
                        + "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 "
                        + "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/73e2d6bc24d8a067 "
                        + "\"Root=1-65f02a70-3a1b2c3d4e5f60718293a4b5\" \"shop.example.com\" "
                        + "\"arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789\" 0 "
                        + "2024-03-12T10:00:01.034000Z \"forward\" \"-\" \"-\" \"10.0.1.20:8080\" \"-\" \"-\" \"-\" TID_1a2b3c4d",
                false);
    }

    @Override
    LineParser newParser(ParseContext context) {
        return new Parser();
    }

    private static final class Parser extends LineParser {

        private static final String EXPECTED = "expected an AWS load balancer access log line: [type] time elb "
                + "client:port target:port three processing times, two statuses, two byte counts and \"request\"";

        private final LocalClock utc = new LocalClock(ZoneOffset.UTC);
        private final ParsedTime time = new ParsedTime();
        private final List<String> values = new ArrayList<>(32);

        @Override
        Result read(String s, Draft d) {
            if (!split(s)) {
                return none("expected the closing quote of a quoted value");
            }
            int first = !values.isEmpty() && ALB_TYPES.contains(values.get(0)) ? 1 : 0;
            if (values.size() - first < REQUIRED) {
                return none(EXPECTED);
            }
            String stamp = values.get(first);
            if (!Timestamps.iso(stamp, 0, '-', time) || time.end != stamp.length() || !time.hasOffset) {
                return none(EXPECTED + "; the time is ISO 8601 in UTC, found '" + stamp + "'");
            }
            Long status = number(values.get(first + 7));
            if (status == null && !values.get(first + 7).equals("-")) {
                return none("expected the balancer's status (or '-') after the processing times, found '"
                        + values.get(first + 7) + "'");
            }
            Double requestSeconds = seconds(values.get(first + 4));
            Double targetSeconds = seconds(values.get(first + 5));
            Double responseSeconds = seconds(values.get(first + 6));
            d.copyTimeFrom(time, utc, stamp);
            d.kind = EventKind.REQUEST;
            if (first == 1) {
                d.field("type", values.get(0));
            }
            d.field("elb", values.get(first + 1));
            address(values.get(first + 2), "client", "client_port", d);
            address(values.get(first + 3), "target", "target_port", d);
            if (requestSeconds != null && targetSeconds != null && responseSeconds != null) {
                d.field("duration_ms", milliseconds(requestSeconds + targetSeconds + responseSeconds));
            }
            if (targetSeconds != null) {
                d.field("target_processing_ms", milliseconds(targetSeconds));
            }
            d.field("status", status);
            d.field("target_status", number(values.get(first + 8)));
            d.field("request_bytes", number(values.get(first + 9)));
            d.field("bytes", number(values.get(first + 10)));
            String request = values.get(first + 11);
            request(request, d);
            for (int k = first + REQUIRED; k < values.size() && k - first < ALB_FIELDS.length; k++) {
                String value = values.get(k);
                if (value.equals("-") || value.isEmpty()) {
                    continue;
                }
                String name = ALB_FIELDS[k - first];
                d.field(fieldName(name), name.endsWith("_list") ? list(value) : FieldValues.typed(value));
            }
            if (status != null) {
                d.level = AccessLogFormat.levelOfStatus(status);
            }
            d.message = status != null ? request + ' ' + status : request;
            return Result.ENTRY;
        }

        /** The line's values, quotes removed; false if a quoted value does not end. */
        private boolean split(String s) {
            values.clear();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ') {
                    i++;
                } else if (c == '"') {
                    int close = AccessLogFormat.closingQuote(s, i + 1);
                    if (close < 0) {
                        return false;
                    }
                    values.add(s.substring(i + 1, close));
                    i = close + 1;
                } else {
                    int end = s.indexOf(' ', i);
                    end = end < 0 ? s.length() : end;
                    values.add(s.substring(i, end));
                    i = end;
                }
            }
            return true;
        }

        private static String fieldName(String name) {
            switch (name) {
                case "user_agent": return "agent";
                case "target_group_arn": return "target_group";
                case "domain_name": return "domain";
                case "chosen_cert_arn": return "cert_arn";
                case "matched_rule_priority": return "rule_priority";
                case "actions_executed": return "actions";
                case "target:port_list": return "targets";
                case "target_status_code_list": return "target_statuses";
                default: return name;
            }
        }

        /**
         * A space-separated list, the targets a request went to and their statuses ({@code "10.0.1.20:8080
         * 10.0.1.21:8080"}, {@code "200 -"}): one item as its text, several as a JSON array of them, whose items an
         * index searches as the field's values. Text either way, a status as much as an address: one field is not a
         * number on one line and text on the next, and {@code target_statuses:200} finds a request with one target
         * or several.
         */
        private static String list(String value) {
            String[] items = value.trim().split(" +");
            if (items.length == 1) {
                return items[0];
            }
            StringBuilder json = new StringBuilder("[");
            for (String item : items) {
                json.append(json.length() > 1 ? "," : "").append('"').append(item.replace("\\", "\\\\")
                        .replace("\"", "\\\"")).append('"');
            }
            return json.append(']').toString();
        }

        /** "203.0.113.7:51234" as its address and port fields; "-" (no target reached) as none. */
        private static void address(String value, String addressField, String portField, Draft d) {
            if (value.equals("-")) {
                return;
            }
            int colon = value.lastIndexOf(':');
            if (colon > 0 && Timestamps.digitRunEnd(value, colon + 1) == value.length() && colon + 1 < value.length()) {
                d.field(addressField, value.substring(0, colon));
                d.field(portField, Long.parseLong(value, colon + 1, value.length(), 10));
            } else {
                d.field(addressField, value);
            }
        }

        /** "GET https://shop.example.com:443/cart?id=7 HTTP/1.1": method, vhost, path, query and protocol. */
        private static void request(String request, Draft d) {
            String[] parts = request.split(" ");
            if (parts.length != 3 || parts[0].equals("-")) {
                return;
            }
            d.field("method", parts[0]);
            d.field("protocol", parts[2]);
            String url = parts[1];
            int scheme = url.indexOf("://");
            if (scheme > 0) {
                int pathStart = url.indexOf('/', scheme + 3);
                String authority = url.substring(scheme + 3, pathStart < 0 ? url.length() : pathStart);
                int colon = authority.lastIndexOf(':');
                d.field("vhost", colon > 0 ? authority.substring(0, colon) : authority);
                url = pathStart < 0 ? "/" : url.substring(pathStart);
            }
            int question = url.indexOf('?');
            d.field("path", question < 0 ? url : url.substring(0, question));
            if (question >= 0 && question + 1 < url.length()) {
                d.field("query", url.substring(question + 1));
            }
        }

        /** Milliseconds to the microsecond the balancer measures, without the binary fraction's noise. */
        private static double milliseconds(double seconds) {
            return Math.round(seconds * 1_000_000) / 1000.0;
        }

        private static Long number(String value) {
            int end = Timestamps.digitRunEnd(value, 0);
            return end > 0 && end == value.length() && end < 19 ? Long.parseLong(value) : null;
        }

        /** Seconds with a fraction; null for -1, the balancer's "not measured" (the target was never reached). */
        private static Double seconds(String value) {
            if (value.startsWith("-")) {
                return null;
            }
            Object typed = FieldValues.typed(value);
            return typed instanceof Number n ? n.doubleValue() : null;
        }
    }
}

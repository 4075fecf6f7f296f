package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.app.Project;
import org.pmw.testing.SearchedEvidence;

/** An AWS load balancer's targets and their statuses, searched on requests that went to one target or to several. */
class ListFieldsSearchTest extends SearchedEvidence {

    @Override
    protected List<Path> evidence(Path tmp) throws IOException {
        Path alb = tmp.resolve("123456789012_elasticloadbalancing_eu-west-1_app.shop-alb.50dc6c495c0c9188_"
                + "20240312T1000Z_52.15.11.1_2jbx5hf0.log");
        String line = "https 2024-03-12T10:0%s.186641Z app/shop-alb/50dc6c495c0c9188 203.0.113.7:51234 10.0.1.20:8080 "
                + "0.000 0.187 0.000 %s %s 512 3711 \"GET https://shop.example.com:443/shop/cart?id=7731 HTTP/1.1\" "
                + "\"okhttp/4.12.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 "
                + "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/73e2d6bc24d8a067 "
                + "\"Root=1-65f02a69-36d228ad5d99923122bbe354\" \"shop.example.com\" \"-\" 0 "
                + "2024-03-12T10:00:00.999000Z \"forward\" \"-\" \"-\" \"%s\" \"%s\" \"-\" \"-\" TID_1a2b3c4d\n";
        // the first line's status, a number written alone, is the first value the index sees for the field
        Files.writeString(alb, String.format(line, "0:01", 200, 200, "10.0.1.20:8080", "200")
                + String.format(line, "1:01", 200, 200, "10.0.1.20:8080 10.0.1.21:8080", "200 -")
                + String.format(line, "2:01", 502, 502, "10.0.1.21:8080", "502")
                + String.format(line, "3:01", 502, 502, "10.0.1.21:8080 10.0.1.20:8080", "502 200"));
        return List.of(alb);
    }

    @Override
    protected Project newProject(Path dir) throws IOException {
        return withEveryFormat(dir, "List fields");
    }

    @Test
    void aStatusIsFoundOnRequestsWithOneTargetAndWithSeveral() throws IOException {
        assertEquals(List.of("aws_elb"), formats());
        assertEquals(3, total("target_statuses:200"));
        assertEquals(2, total("target_statuses:502"));
        assertEquals(2, total("target_status:502"), "the target's own status, a number");
        assertEquals(2, total("target_status:[500 TO 599]"));
    }

    @Test
    void aTargetIsFoundOnRequestsThatWentToSeveral() throws IOException {
        assertEquals(3, total("targets:\"10.0.1.21:8080\""));
    }
}

package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.app.Project;
import org.pmw.app.QueryClauses;
import org.pmw.testing.SearchedEvidence;

/** Searches typed as grep or Kibana users type them: an address bare, a field in capitals, a nested error's words. */
class FieldsAsTypedTest extends SearchedEvidence {

    @Override
    protected List<Path> evidence(Path tmp) throws IOException {
        Path access = tmp.resolve("access_log");
        Files.writeString(access, """
                10.1.2.3 - - [10/Oct/2005:14:02:11 -0400] "GET /cart.php HTTP/1.1" 503 512 "-" "Mozilla/4.0"
                10.1.2.3 - - [10/Oct/2005:14:02:12 -0400] "GET /index.php HTTP/1.1" 200 2048 "-" "Mozilla/4.0"
                10.1.9.77 - - [10/Oct/2005:14:02:13 -0400] "GET /index.php HTTP/1.1" 200 2048 "-" "Mozilla/4.0"
                192.168.0.4 - - [10/Oct/2005:14:02:14 -0400] "GET /product.php?id=10.1.2.3 HTTP/1.1" 500 99 "-" "curl/7.1"
                """);
        Path errors = tmp.resolve("error_log");
        Files.writeString(errors, """
                [Mon Oct 10 14:02:11 2005] [error] [client 10.1.2.3] File does not exist: /var/www/html/favicon.ico
                [Mon Oct 10 14:02:15 2005] [notice] child pid 4242 exit signal Segmentation fault (11)
                [Mon Oct 10 14:02:16.123456 2005] [core:error] [pid 1234:tid 5678] [client 10.1.2.4:30851] AH00037: Symbolic link not allowed
                """);
        Path json = tmp.resolve("api.json");
        Files.writeString(json, """
                {"time":"2005-10-10T18:02:20Z","level":"error","msg":"request failed","remote_ip":"10.1.2.3","err":{"message":"dial tcp 10.0.0.9:3306: connection refused","code":"ECONNREFUSED"}}
                {"time":"2005-10-10T18:02:21Z","level":"info","msg":"request done","remote_ip":"172.16.1.1","status":200}
                {"time":"2005-10-10T18:02:22Z","level":"warn","msg":"slow query","error":"Lock wait timeout exceeded","status":503}
{"time":"2005-10-10T18:02:23Z","level":"info","msg":"cart saved","tags":["checkout","payments"],"latency_ms":"0","code":5,"user":"007","x-request-id":"abc-123","order_id":9007199254740993,"email":"bob@example.com","temp_c":-5}
                {"time":"2005-10-10T18:02:24Z","level":"info","msg":"cart read","tags":["checkout"],"latency_ms":2500,"code":55,"user":"bob","version":"2.10.0","order_id":9007199254740992}
                {"time":"2005-10-10T18:02:25Z","level":"info","msg":"cart read","tags":[],"latency_ms":655.5,"code":0.5,"user":"7"}
                """);
        Path app = tmp.resolve("app.log");
        Files.writeString(app, """
                2005-10-10 14:03:00,000 WARN  [http-nio-8080-exec-7] c.e.Pay - charged userId=580 currency=USD
                2005-10-10 14:03:01,000 WARN  [http-nio-8080-exec-3] c.e.Pay - charged userId=7 currency=EUR
                2005-10-10 14:03:02,000 ERROR [main] c.e.Tls - SSL_do_handshake() failed (SSL: error:141CF06C:SSL routines:tls_parse_ctos_key_share:bad key share)
                2005-10-10 14:03:03,000 INFO  [main] c.e.Api - POST /api/checkout referrer https://shop/cart
                2005-10-10 14:03:04,000 INFO  [main] c.e.Api - GET /api/cart done status=200
                2005-10-10 14:03:05,000 INFO  [main] c.e.Api - order 12 status=CREATED uuid=3f2b8c1e-aaaa
                """);
        return List.of(access, errors, json, app);
    }

    @Override
    protected Project newProject(Path dir) throws IOException {
        return withEveryFormat(dir, "Fields as typed");
    }

    @Test
    void anAddressTypedBareIsFoundInEveryFieldThatHoldsIt() throws IOException {
        // two access lines by their client, one by its query string, the error log's [client ...], the JSON remote_ip
        assertEquals(5, total("10.1.2.3"));
        assertEquals(3, total("10.1.2.3 AND status:[200 TO 599]"), "the access lines: two by client, one by query");
        assertEquals(7, total("10.1.*"), "a wildcard address: 10.1.9.77 and the error log's 10.1.2.4 too");
        assertEquals(1, total("host:web1 OR 172.16.1.1"));
        assertEquals(total("*") - 5, total("NOT 10.1.2.3"));
        assertEquals(total("*") - 5, total("-10.1.2.3"));
        assertEquals(3, total("client:10.1.2.3"), "the access and error logs' client");
        assertEquals(1, total("remote_ip:10.1.2.3"), "a field named is only that field");
        assertEquals(5, total("\"10.1.2.3\""), "quoted, the same: a phrase searches the fields' words too");
        assertEquals(1, total("message:\"10.1.2.3\""), "the message named: its text only (the query string)");
    }

    @Test
    void aFieldNamedInCapitalsIsTheField() throws IOException {
        assertEquals(total("status:503"), total("STATUS:503"));
        assertEquals(2, total("Status:[500 TO 599] AND source:access_log"));
        assertEquals(total("level:error"), total("Level:error"));
        assertEquals(1, total("Remote_IP:172.16.1.1"));
        assertEquals(List.of(), QueryClauses.unknownFields(project(), "STATUS:500 AND Level:error"));
        assertEquals(List.of("stauts"), QueryClauses.unknownFields(project(), "stauts:500"));
    }

    @Test
    void theWordsOfANestedErrorAreWordsOfTheEvent() throws IOException {
        assertEquals(1, total("refused"));
        assertEquals(1, total("\"connection refused\""));
        assertEquals(1, total("err.message:\"dial tcp 10.0.0.9:3306: connection refused\""), "the field stays whole");
        assertEquals(1, total("\"lock wait timeout\""), "a top-level error's words");
        assertEquals(1, total("ECONNREFUSED"), "a code is a keyword, and a bare word finds it");
        assertEquals(1, total("err.code:ECONNREFUSED"));
    }

    @Test
    void aTermCutIntoSeveralWordsIsAPhrase() throws IOException {
        assertEquals(1, total("/api/cart"), "not POST /api/checkout with https://shop/cart");
        assertEquals(1, total("http-nio-8080-exec-7"), "not the exec-3 line that has a 7 elsewhere");
        assertEquals(2, total("/index.php AND status:200"));
        assertEquals(1, total("/cart.php AND status:503"));
    }

    @Test
    void nameEqualsValueIsTheTextAndTheFieldWhereThereIsOne() throws IOException {
        assertEquals(1, total("userId=580"));
        assertEquals(1, total("currency=USD"));
        assertEquals(0, total("userId=58"), "a whole value");
        assertEquals(4, total("status=200"), "two access lines, the JSON line's status and the app's text status=200");
        assertEquals(total("*") - 4, total("NOT status=200"));
    }

    @Test
    void wordsJoinedByColonsAreWordsOfTheirOwn() throws IOException {
        assertEquals(1, total("tls_parse_ctos_key_share"));
        assertEquals(1, total("\"bad key share\""));
        assertEquals(1, total("\"error:141CF06C\""));
        assertEquals(1, total("routines:tls_parse_ctos_key_share"), "no field is named routines: it is text");
        assertEquals(1, total("10.0.0.9:3306"), "an address and port inside the nested error");
    }

    @Test
    void levelsAsTheLogsWriteThemAndWildcardsOnNumbers() throws IOException {
        assertEquals(total("level:warn"), total("level:warning"));
        assertEquals(total("level:warn"), total("level:WARNING"));
        assertEquals(total("level:error"), total("level:err"));
        assertEquals(total("status:[500 TO 599]"), total("status:5*"));
        assertEquals(total("status:[500 TO 509]"), total("status:50?"));
        assertEquals(total("status:[200 TO 299]"), total("status:2??"));
    }

    @Test
    void aJsonArraysElementsAreValuesOfItsField() throws IOException {
        assertEquals(1, total("tags:payments"));
        assertEquals(2, total("tags:checkout"));
        var tags = project().fieldValues("tags", "*", null, null, 10);
        assertEquals(2, tags.withField(), "two events have tags, counted once each");
        assertEquals(2, tags.distinct());
        assertEquals(new org.pmw.model.FieldValues.Value("checkout", 2), tags.top().get(0));
    }

    @Test
    void numbersWrittenAsTextAreComparedAsNumbersButStayText() throws IOException {
        assertEquals(2, total("latency_ms:>500"), "2500 and 655.5, though \"0\" came first and made the field text");
        assertEquals(1, total("latency_ms:<=512"));
        assertEquals(2, total("latency_ms:[600 TO 3000]"));
        assertEquals(1, total("user:bob"), "text in a field whose first value was digits");
        assertEquals(1, total("user:007"), "leading zeros are kept");
        assertEquals(1, total("user:7"));
        assertEquals(1, total("x-request-id:abc-123"), "a field named with hyphens is that field");
    }

    @Test
    void wildcardsOnNumbersReadLeadingZerosAsWritten() throws IOException {
        assertEquals(2, total("code:5*"), "5 and 55");
        assertEquals(1, total("code:5?"), "55");
        assertEquals(1, total("code:0*"), "0.5, not every number");
        assertEquals(0, total("code:05*"), "no number is written with a leading zero");
        assertEquals(total("status:[500 TO 599]"), total("status=5*"));
    }

    @Test
    void aFieldsGroupKeepsItsAddressesAndAnEscapedQuoteStaysText() throws IOException {
        assertEquals(4, total("client:(10.1.2.3 OR 10.1.9.77)"), "the two access lines, the error log's, 10.1.9.77");
        assertEquals(1, total("\"failed (SSL\""));
        assertEquals(0, total("\"say \\\"hi\\\" there\""), "parses: a phrase with escaped quotes");
        assertEquals(0, total("foo\\\"bar-baz"), "parses");
    }

    @Test
    void whatAReviewOfOneHundredsQueriesFound() throws IOException {
        assertEquals(1, total("error:141CF06C:SSL"), "pasted text whose first word names a field (error) is text");
        assertEquals(1, total("user=\"bob\""), "name=\"value\" is the field, as Lucene reads it");
        assertEquals(1, total("status=CREATED"), "text where status holds numbers: the text");
        assertEquals(1, total("uuid=3f2b*"), "no field uuid: the name and a word starting so");
        assertEquals(1, total("bytes:51?"), "512");
        assertEquals(2, total("bytes:2?48"), "2048 twice");
        assertEquals(1, total("\"remote_ip\":172.16.1.1"), "a field named in quotes, as JSON writes it");
        assertEquals(3, total("client: 10.1.2.3"), "a space after the colon, as nginx writes it: still the field");
        assertEquals(1, total("exist: /var/www/html/favicon.ico"),
                "pasted text whose name before the colon is no field is that text, space and all");
        assertEquals(1, total("message: Lock"), "a field's name, then its value after a space, stays the field");
        assertEquals(1, total("version:[2 TO 3]"), "2.10.0 is no number: compared as text");
        assertEquals(1, total("order_id:9007199254740993"), "an id past 2^53 is not its neighbour");
        assertEquals(1, total("10.1.2.4:30851"), "client and port pasted from an Apache 2.4 error line");
        assertEquals(0, total("10.1.2.4:30852"));
        assertEquals(1, total("SSL_do_handshake()"), "a function as the logs print it");
        assertEquals(1, total("email:bob@example.com"), "an @ in a value");
        assertEquals(1, total("email:*@example.com"));
        assertEquals(1, total("temp_c:-5"), "a minus after the colon is the number's, not NOT");
        assertEquals(1, total("SSL_do_handshake() AND failed"));
    }
}

package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmw.app.ImportOptions;
import org.pmw.app.Progress;
import org.pmw.app.Project;
import org.pmw.model.EventSearch;
import org.pmw.testing.SearchedEvidence;

/** A bare word finds an event whose keyword field holds it, as grep, Kibana and Timesketch users expect. */
class FieldWordsTest extends SearchedEvidence {

    @Override
    protected List<Path> evidence(Path tmp) throws IOException {
        Path json = tmp.resolve("api.json");
        Files.writeString(json, """
                {"ts":"2024-03-12T10:00:01Z","level":"error","msg":"upstream call failed","err":{"type":"ECONNREFUSED","code":"E111"},"upstream":"10.0.0.9:5432","user_agent":"checkout-worker/2.3 (linux)"}
                {"ts":"2024-03-12T10:00:02Z","level":"info","msg":"upstream call done","err":{"type":"none"},"upstream":"10.0.0.10:5432","route":"/api/cart","status":"503"}
                {"ts":"2024-03-12T10:00:03Z","level":"warn","severity":"ERROR","msg":"retrying","attempt_kind":"ECONNRESET","tags":["db-primary","payments"]}
                """);
        Path logfmt = tmp.resolve("worker.log");
        Files.writeString(logfmt, """
                time=2024-03-12T10:00:04Z level=error msg="dial failed" error_kind=ECONNREFUSED peer=10.0.0.9 retries=3
                time=2024-03-12T10:00:05Z level=info msg="pool ready" error_kind=none peer=10.0.0.11 retries=0
                """);
        Path docker = tmp.resolve("container.json");
        Files.writeString(docker, """
                {"log":"GET /healthz 200\\n","stream":"stderr","time":"2024-03-12T10:00:06.000000000Z"}
                {"log":"listening on :8080\\n","stream":"stdout","time":"2024-03-12T10:00:07.000000000Z"}
                """);
        Path access = tmp.resolve("access_log");
        Files.writeString(access, """
                10.1.2.3 - - [12/Mar/2024:10:00:08 +0000] "GET /cart.php HTTP/1.1" 503 512 "https://shop.example/checkout" "curl/7.88.1"
                10.1.2.4 - - [12/Mar/2024:10:00:09 +0000] "GET /index.php HTTP/1.1" 200 2048 "-" "Mozilla/5.0 (X11; Linux x86_64)"
                """);
        return List.of(json, logfmt, docker, access);
    }

    @Override
    protected Project newProject(Path dir) throws IOException {
        return withEveryFormat(dir, "Field words");
    }

    @Test
    void eachFileIsReadAsTheFormatItIsWrittenIn() {
        assertEquals(List.of("json_lines", "logfmt", "docker_json", "apache_access"), formats());
    }

    @Test
    void aBareWordFindsTheValueOfANestedJsonFieldAndOfALogfmtPair() throws IOException {
        assertEquals(2, total("ECONNREFUSED"), "err.type in the JSON line, error_kind in the logfmt line");
        assertEquals(2, total("econnrefused"), "in any case, as the message is");
        assertEquals(1, total("E111"));
        assertEquals(3, total("ECONN*"), "ECONNREFUSED twice and ECONNRESET");
        assertEquals(1, total("ECONNREFUSED AND \"upstream call\""), "field and message words together");
        assertEquals(total("*") - 2, total("NOT ECONNREFUSED"));
        assertEquals(1, total("err.type:ECONNREFUSED"), "a field named is that field only");
        assertEquals(0, total("message:ECONNREFUSED"), "the message named is the message only");
    }

    @Test
    void theWordsOfAValueArePhrasesButAPhraseDoesNotRunFromOneValueIntoTheNext() throws IOException {
        assertEquals(1, total("checkout-worker"), "a word of the user agent");
        assertEquals(1, total("\"checkout-worker/2.3\""));
        assertEquals(2, total("linux"), "the JSON user_agent's (linux) and the access log's agent (Linux)");
        assertEquals(0, total("\"ECONNREFUSED E111\""), "err.type and err.code are two values");
        assertEquals(1, total("payments"), "an element of a JSON array");
        assertEquals(1, total("db-primary"));
    }

    @Test
    void aDockerStreamAndAnAccessLogsAgentAndRefererAreFound() throws IOException {
        assertEquals(1, total("stderr"));
        assertEquals(1, total("curl"));
        assertEquals(1, total("shop.example"), "the referer's host");
        assertEquals(1, total("Mozilla AND status:200"));
    }

    @Test
    void aBareNumberIsNotEveryValueOfAFieldOfNumbersWrittenAsText() throws IOException {
        assertEquals(1, total("503"), "the access log's line says 503; the JSON log's quoted status is not the word");
        assertEquals(1, total("status:503 AND upstream"), "named, the JSON log's status");
        assertEquals(2, total("status:503"), "and the access log's");
    }

    @Test
    void aBareAddressIsFoundInsideAFieldsValueAsWell() throws IOException {
        assertEquals(2, total("10.0.0.9"), "the JSON upstream 10.0.0.9:5432 and the logfmt peer");
        assertEquals(2, total("\"10.0.0.9\""), "quoted, the same");
        assertEquals(4, total("10.0.0.*"), "10.0.0.9 twice, 10.0.0.10 and 10.0.0.11");
        assertEquals(1, total("10.1.2.3"), "the access log's client");
        assertEquals(1, total("peer:10.0.0.9"));
    }

    @Test
    void aBareAddressIsFoundInAnyOfMoreThanAThousandFieldsWhateverTheFieldIsCalled(@TempDir Path tmp) throws Exception {
        // a project of 1,100 keyword fields, more than Lucene's 1,024 clauses; the address in one whose name does not
        // say it holds addresses
        StringBuilder first = new StringBuilder("{\"ts\":\"2024-03-12T10:00:01Z\",\"msg\":\"resolved\"");
        for (int i = 0; i < 1100; i++) {
            first.append(",\"attr_").append(i).append("\":\"value ").append(i).append('"');
        }
        Path json = tmp.resolve("wide.json");
        Files.writeString(json, first + ",\"resolved_to\":\"10.20.30.40\"}\n"
                + "{\"ts\":\"2024-03-12T10:00:02Z\",\"msg\":\"resolved\",\"resolved_to\":\"10.20.30.41\"}\n");
        try (Project wide = withEveryFormat(tmp.resolve("p"), "Wide")) {
            assertEquals("json_lines", wide.importFiles(List.of(json), ImportOptions.defaults(), Progress.NONE).get(0)
                    .format());
            assertEquals(1, wide.index().search(EventSearch.of("10.20.30.40").withLimit(0)).total());
            assertEquals(2, wide.index().search(EventSearch.of("10.20.30.*").withLimit(0)).total());
            assertEquals(1, wide.index().search(EventSearch.of("\"value 1099\"").withLimit(0)).total());
            assertEquals(1, wide.index().search(EventSearch.of("resolved AND 10.20.30.40 AND NOT 10.20.30.41")
                    .withLimit(0)).total());
            // a pasted line of 70 words: once a clause per word and field, 77,000 clauses, past Lucene's limit
            StringBuilder words = new StringBuilder("10.20.30.40");
            for (int i = 0; i < 69; i++) {
                words.append(" OR absent").append(i);
            }
            assertEquals(1, wide.index().search(EventSearch.of(words.toString()).withLimit(0)).total());
            assertEquals(2, wide.index().search(EventSearch.of("/10\\.20\\.30\\.4[01]/ OR valeu~1").withLimit(0))
                    .total(), "a regular expression and a fuzzy word in every field");
        }
    }

    @Test
    void aLevelRestatedInAFieldIsNotTheWord() throws IOException {
        // the third JSON line has severity ERROR beside its level: a bare error is the word, not the level
        assertEquals(0, total("error"));
        assertEquals(1, total("severity:error"));
    }

    @Test
    void theFieldsABareWordSearchesAreThoseThatNeitherRestateTheLevelNorAreWordsOfTheMessageAlready() {
        for (String name : List.of("err.type", "error_kind", "agent", "referer", "client", "stream", "status_text",
                "user_agent", "response_message", "tags")) {
            assertEquals(true, EventSchema.searchedByBareWords(name), name);
        }
        for (String name : List.of("php_level", "json_level", "severity", "log.level", "levelname", "syslog_severity",
                "logger", "thread", "err.message", "error", "stack")) {
            assertEquals(false, EventSchema.searchedByBareWords(name), name);
        }
    }

    @Test
    void aValueTheMessageAlreadySaysIsFoundOnce() throws IOException {
        assertEquals(1, total("/cart.php"), "the request line and the path are one event");
        assertEquals(1, total("\"GET /cart.php\""));
        assertEquals(2, total("GET AND source:access_log"));
    }

    @Test
    void theMessageSaysAValueOnlyAsWholeWords() {
        assertEquals(true, DocumentMapper.saysAsWords("GET /cart.php?id=3 HTTP/1.1 503", "/cart.php"));
        assertEquals(true, DocumentMapper.saysAsWords("GET /cart.php?id=3 HTTP/1.1 503", "id=3"));
        assertEquals(true, DocumentMapper.saysAsWords("GET /cart.php?id=3 HTTP/1.1 503", "HTTP/1.1"));
        assertEquals(false, DocumentMapper.saysAsWords("GET /cart.php HTTP/1.1 503", "art"));
        assertEquals(false, DocumentMapper.saysAsWords("GET /cart.php HTTP/1.1 503", "cart"), "cart.php is one word");
        assertEquals(false, DocumentMapper.saysAsWords("served 1,000 rows", "1"));
    }

    @Test
    void aPlainWordIsTheWordTheMessagesAnalysisFinds() throws IOException {
        for (String value : List.of("ECONNREFUSED", "E111", "stderr", "10.0.0.9", "5432", "1.5", "7d", "GET")) {
            assertEquals(true, FieldWords.plainWord(value), value);
            assertEquals(List.of(value.toLowerCase(java.util.Locale.ROOT)), words(value), value);
        }
        for (String value : List.of("example.com", "pg_hba", "10.0.0.9:5432", "a b", "1.", ".5", "1..2", "café", "")) {
            assertEquals(false, FieldWords.plainWord(value), value);
        }
    }

    private static List<String> words(String value) throws IOException {
        List<String> words = new java.util.ArrayList<>();
        try (var stream = Analyzers.indexedText().tokenStream(EventSchema.FIELD_WORDS, value)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        return words;
    }
}

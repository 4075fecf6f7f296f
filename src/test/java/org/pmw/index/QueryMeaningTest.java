package org.pmw.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmw.testing.SearchedEvidence;

/** Queries an engineer types where Lucene's literal reading would answer something else. */
class QueryMeaningTest extends SearchedEvidence {

    @Override
    protected List<Path> evidence(Path tmp) throws IOException {
        Path file = tmp.resolve("app.log");
        Files.writeString(file, """
                2005-10-10T14:00:00Z error web1 java.net.NoRouteToHostException: No route to host status=500
                2005-10-10T14:00:01Z warn web1 storage.BlockManager: Removing RDD 4 status=200
                2005-10-10T14:00:02Z error web2 mysql_connect(): Too many connections status=500
                2005-10-10T14:00:03Z info web1 GET /cart.php from 10.0.0.5 over HTTP/1.1 status=200
                2005-10-10T14:00:04Z notice web3 child pid 12 exit signal Segmentation fault status=200
                2005-10-10T14:00:05Z crit web2 server reached MaxClients setting status=503
                2005-10-10T14:00:06Z fatal web3 PHP Fatal error: Allowed memory size exhausted status=500
                2005-10-10T14:00:07Z debug web1 cache hit for product 12 status=200
                """);
        return List.of(file);
    }

    @Test
    void aPathTypedBareIsAPathNotARegularExpression() throws IOException {
        assertEquals(1, total("/cart.php"));
        assertEquals(1, total("HTTP/1.1"));
        assertEquals(1, total("host:web1 AND GET /cart.php"));
        assertEquals(1, total("/cart\\.php/"), "a regular expression written whole is still one");
        assertEquals("pg_wal\\/xlogtemp.3314", QueryParsing.escapePathSlashes("pg_wal/xlogtemp.3314"));
        assertEquals("path:\\/api\\/v1\\/", QueryParsing.escapePathSlashes("path:/api/v1/"));
        assertEquals("message:/err(or)?/ AND x", QueryParsing.escapePathSlashes("message:/err(or)?/ AND x"));
        assertEquals("a\\/b", QueryParsing.escapePathSlashes("a\\/b"), "an escaped slash stays as it is");
        assertEquals("path:\\/errors\\/", QueryParsing.escapePathSlashes("path:/errors/"),
                "a directory is a path: nothing in it is a regular expression's");
        assertEquals("\\/cart.php\\?id\\=3", QueryParsing.escapePathSlashes("/cart.php?id=3"), "a pasted request");
        assertEquals("query:id\\=3", QueryParsing.escapePathSlashes("query:id=3"));
        assertEquals("status=500", QueryParsing.escapePathSlashes("status=500"), "Lucene's field=value stays");
        assertEquals(total("status:500"), total("status=500"));
        assertEquals(1, total("/cart\\.php/^2"), "a boosted regular expression is one");
        assertEquals("duration_ms:>=2000 AND mysql?", QueryParsing.escapePathSlashes("duration_ms:>=2000 AND mysql?"),
                "comparisons and wildcards outside paths are as they were");
    }

    @Test
    void aClassOrFunctionNameIsFoundWithoutItsPackageOrPrefix() throws IOException {
        assertEquals(1, total("NoRouteToHostException"));
        assertEquals(1, total("java.net.NoRouteToHostException"), "the whole name still matches");
        assertEquals(1, total("\"NoRouteToHostException: No route\""), "a phrase that starts at the short name");
        assertEquals(1, total("\"java.net.NoRouteToHostException: No route\""), "and one with the whole name");
        assertEquals(1, total("BlockManager"));
        assertEquals(1, total("mysql_connect"));
        assertEquals(1, total("connect"));
        assertEquals(1, total("cart"), "cart.php");
        assertEquals(0, total("net AND route AND exception"), "parts are words of their own, not substrings");
    }

    @Test
    void numbersAreNotTakenApart() throws IOException {
        assertEquals(1, total("10.0.0.5"));
        assertEquals(0, total("message:0"), "the address's zeros are not words");
        assertEquals(1, total("1.1"));
    }

    @Test
    void aQueryOfOnlyNotClausesMeansEverythingElse() throws IOException {
        assertEquals(4, total("NOT status:[500 TO 599]"));
        assertEquals(6, total("NOT level:error"));
        assertEquals(1, total("host:web1 AND (NOT status:200)"), "of web1's four events, one is not a 200");
        assertEquals(0, total("NOT *:*"));
    }

    @Test
    void levelRangesFollowSeverityNotTheAlphabet() throws IOException {
        assertEquals(5, total("level:[warn TO fatal]"));
        assertEquals(4, total("level:[error TO *]"));
        assertEquals(2, total("level:{info TO error}"), "notice and warn");
        assertEquals(2, total("level:[* TO info]"), "debug and info");
        assertEquals(5, total("level:[WARNING TO fatal]"), "level names as the formats write them");
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> total("level:[warn TO bad]"));
        assertTrue(e.getMessage().contains("'bad' is not a level"), e.getMessage());
    }
}

package org.pmw.analysis.patterns;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageMaskerTest {

    @Test
    void masksPidAndSignalNumberOfApacheSegfault() {
        assertEquals("child pid <*> exit signal Segmentation fault (<*>)",
                MessageMasker.mask("child pid 1234 exit signal Segmentation fault (11)"));
    }

    @Test
    void masksPathAndLineOfPhpMysqlWarning() {
        assertEquals("mysql_connect(): Too many connections in <*> on line <*>",
                MessageMasker.mask("mysql_connect(): Too many connections in /var/www/html/db.php on line 12"));
    }

    @Test
    void masksQuotedValuesAndAddressOfMysqlAbortedConnection() {
        assertEquals("Aborted connection <*> to db: '<*>' user: '<*>' host: '<*>' (Got an error reading "
                        + "communication packets)",
                MessageMasker.mask("Aborted connection 42 to db: 'shop' user: 'web' host: '10.0.0.11' (Got an "
                        + "error reading communication packets)"));
    }

    @Test
    void leavesMessageWithoutVariablesAlone() {
        String maxClients = "server reached MaxClients setting, consider raising the MaxClients setting";
        assertEquals(maxClients, MessageMasker.mask(maxClients));
    }

    @Test
    void addressesWithPortsAreOneVariable() {
        assertEquals("Accepted connection from <*>",
                MessageMasker.mask("Accepted connection from 10.250.19.102:54106"));
        assertEquals("via <*> now", MessageMasker.mask("via fe80::21b:21ff:fe3a:8d1 now"));
        assertEquals("mac <*>", MessageMasker.mask("mac 00:1B:21:3A:08:D1"));
    }

    @Test
    void masksHexIdsUuidsAndBlockIds() {
        // a run of like variables folds into one: stack traces vary in depth, not in kind
        assertEquals("stack @<*>", MessageMasker.mask("stack @0x7fed806eb5d @0xff83e97c"));
        assertEquals("request <*> done", MessageMasker.mask("request 123e4567-e89b-12d3-a456-426614174000 done"));
        assertEquals("Deleting block blk_<*> file <*>",
                MessageMasker.mask("Deleting block blk_-1608999687919862906 file /mnt/hadoop/dfs/data/current/x"));
        assertEquals(MessageMasker.mask("block blk_38865049064139660"),
                MessageMasker.mask("block blk_-6952295868487656571"));
        assertEquals("session <*> closed", MessageMasker.mask("session deadbeefcafe closed"));
    }

    @Test
    void masksDatesTimesAndMixedTokens() {
        assertEquals("at <*> by node-<*>", MessageMasker.mask("at 2005-10-10 17:43:21.123 by node-D7x"));
        assertEquals("Created MRAppMaster for application appattempt_<*>",
                MessageMasker.mask("Created MRAppMaster for application appattempt_1445144423722_0020_000001"));
    }

    @Test
    void masksUrlsEmailsAndPathsInsideTokens() {
        assertEquals("fetch <*> failed", MessageMasker.mask("fetch https://example.org/a/b?c=1 failed"));
        assertEquals("mail to <*> bounced", MessageMasker.mask("mail to ops@example.org bounced"));
        assertEquals("LOGIN chdir(<*>) failed", MessageMasker.mask("LOGIN chdir(/home/draeger/run/x) failed"));
        assertEquals("[file=<*>] [line=<*>]", MessageMasker.mask("[file=/etc/xinetd.d/chargen] [line=15]"));
        assertEquals("Core: <*>", MessageMasker.mask("Core: C:\\Windows\\winsxs\\cbscore.dll"));
    }

    @Test
    void foldsSizeUnitsAndRepeatedVariables() {
        assertEquals(MessageMasker.mask("stored (estimated size 5.2 KB, free 5.2 KB)"),
                MessageMasker.mask("stored (estimated size 880 B, free 317 MB)"));
        assertEquals("ask <*> to delete blk_<*>",
                MessageMasker.mask("ask 10.250.18.114:50010 to delete blk_-5140 blk_77 blk_-12"));
    }

    @Test
    void splitsOnAnyWhitespace() {
        assertArrayEquals(new String[] {"a", "<*>", "b"}, MessageMasker.maskedTokens("  a\t17   b "));
        assertArrayEquals(new String[0], MessageMasker.maskedTokens(""));
    }
}

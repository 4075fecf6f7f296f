package org.pmw.analysis.patterns;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PatternAssignTest {

    @Test
    void writesIdAndFinalTemplatePerInputLineInOrder() throws IOException {
        String input = """
                child pid 1234 exit signal Segmentation fault (11)
                server reached MaxClients setting, consider raising the MaxClients setting
                child pid 77 exit signal Segmentation fault (11)
                Aborted connection 42 to db: 'shop' user: 'web' host: '10.0.0.11' (Got an error reading communication packets)
                """;
        StringWriter out = new StringWriter();
        PatternMiner miner = PatternAssign.run(new StringReader(input), out);
        assertEquals("""
                p1\tchild pid <*> exit signal Segmentation fault (<*>)
                p2\tserver reached MaxClients setting, consider raising the MaxClients setting
                p1\tchild pid <*> exit signal Segmentation fault (<*>)
                p3\tAborted connection <*> to db: '<*>' user: '<*>' host: '<*>' (Got an error reading communication packets)
                """, out.toString());
        assertEquals(3, miner.size());
    }

    @Test
    void emptyLinesGetTheirOwnPattern() throws IOException {
        StringWriter out = new StringWriter();
        PatternAssign.run(new StringReader("a 1\n\na 2\n"), out);
        assertEquals("p1\ta <*>\np2\t\np1\ta <*>\n", out.toString());
    }
}

package org.pmw.analysis.patterns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-alone evaluation mode: reads one message per line and writes, for each input line in order,
 * {@code <pattern id><TAB><template>} with the template as it stands after the whole input was mined (a
 * template can widen after a line was assigned; the id a line got never changes).
 */
public final class PatternAssign {

    private PatternAssign() {
    }

    /** Mines {@code in} with the default settings and writes one {@code id\ttemplate} line per input line. */
    public static PatternMiner run(Reader in, Writer out) throws IOException {
        return run(in, out, new PatternMiner());
    }

    /** As {@link #run(Reader, Writer)} with a given miner (which keeps what it learnt). */
    public static PatternMiner run(Reader in, Writer out, PatternMiner miner) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<String> ids = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            ids.add(miner.assign(line));
        }
        Map<String, String> templates = new HashMap<>();
        for (PatternInfo p : miner.patterns()) {
            templates.put(p.id(), p.template());
        }
        for (String id : ids) {
            out.write(id);
            out.write('\t');
            out.write(templates.get(id));
            out.write('\n');
        }
        out.flush();
        return miner;
    }
}

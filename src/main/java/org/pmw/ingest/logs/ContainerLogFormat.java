package org.pmw.ingest.logs;

import java.io.IOException;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;

/**
 * A log written by a container runtime: every line the container wrote, wrapped with the time it was read and
 * the stream (stdout, stderr) it came from. The runtime makes one line of each line of a stack trace; they are
 * joined again per stream (see {@link ContainerStreamAssembler}), and a line the runtime split into pieces is
 * put back together.
 */
abstract class ContainerLogFormat extends LineLogFormat {

    ContainerLogFormat(String name, String description, String example) {
        super(name, description, example, false);
    }

    @Override
    abstract ContainerLineParser newParser(ParseContext context);

    @Override
    public void parse(ParseInput input, ParseContext context, ParseSink sink) throws IOException {
        try (LineReader reader = input.lines()) {
            new ContainerStreamAssembler(name(), context, sink).run(reader, newParser(context));
        }
    }

    /**
     * Reads one runtime line: on {@link Result#ENTRY} the draft holds its time (and any field of the runtime's),
     * and {@link #stream()}, {@link #text()} and {@link #partial()} what the container wrote.
     */
    abstract static class ContainerLineParser extends LineParser {

        private String stream;
        private String text;
        private boolean partial;

        /** The stream the line came from (stdout, stderr). */
        final String stream() {
            return stream;
        }

        /** What the container wrote, without the line end. */
        final String text() {
            return text;
        }

        /** Whether the runtime split the container's line here and the rest follows on the stream. */
        final boolean partial() {
            return partial;
        }

        final Result wrapped(String stream, String text, boolean partial, Draft d) {
            this.stream = stream;
            this.text = text;
            this.partial = partial;
            d.field("stream", stream);
            return Result.ENTRY;
        }
    }
}

package org.pmw.ingest;

import java.io.IOException;

/**
 * An evidence file format: detection by scoring a sample, and a streaming parser.
 * Implementations are stateless and thread-safe; per-file state lives inside {@link #parse}.
 */
public interface Format {

    /** Stable name, as given to {@code --format} and stored in the manifest (e.g. {@code apache_access}). */
    String name();

    /** One line for {@code pmw formats}. */
    String description();

    /** A realistic example line (or first line) of the format. */
    String example();

    FormatCategory category();

    /**
     * How well the sample fits this format, from 0 (not at all) to 1 (every line parses). Detection picks
     * the highest score; formats that are specialisations of others should score a little higher on
     * their own data (e.g. the fraction of lines that parse, plus a small bonus for a distinctive header).
     */
    double score(Sample sample);

    /**
     * Parses the whole input, handing every event (and any load-test run or change record) to the sink.
     * Lines that cannot be parsed are reported with {@link ParseContext#skip} and parsing goes on.
     *
     * @throws FormatException when the file as a whole cannot be read as this format (e.g. a required
     *                         column is missing); nothing of it is kept
     */
    void parse(ParseInput input, ParseContext context, ParseSink sink) throws IOException;
}

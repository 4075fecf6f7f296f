package org.pmw.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of one file, decompressed. A parser uses either {@link #lines()} (text formats) or
 * {@link #stream()} (XML, binary checks), once.
 */
public interface ParseInput {

    String fileName();

    LineReader lines() throws IOException;

    InputStream stream() throws IOException;
}

package org.pmw.index;

/** A query that does not parse; the message is one line saying what is wrong and how queries look. */
public final class QuerySyntaxException extends IllegalArgumentException {

    private final String query;

    public QuerySyntaxException(String query, String problem) {
        super("cannot understand the query '" + query + "': " + problem
                + ". Queries use Lucene syntax, e.g. level:error AND host:web2, \"exact phrase\","
                + " status:[500 TO 599], duration_ms:>2000");
        this.query = query;
    }

    public String query() {
        return query;
    }
}

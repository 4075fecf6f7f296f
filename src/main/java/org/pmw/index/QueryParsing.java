package org.pmw.index;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.queryparser.flexible.standard.config.PointsConfig;
import org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene query syntax as Timesketch and Kibana users type it: default field {@code message}, AND between
 * bare words, field queries, phrases, wildcards, and numeric ranges on numeric fields
 * ({@code status:[500 TO 599]}, {@code duration_ms:>2000}).
 */
final class QueryParsing {

    private QueryParsing() {
    }

    static Query parse(String text, Analyzer analyzer, FieldCatalog catalog) {
        if (text == null || text.isBlank() || text.trim().equals("*") || text.trim().equals("*:*")) {
            return new MatchAllDocsQuery();
        }
        StandardQueryParser parser = new StandardQueryParser(analyzer);
        parser.setDefaultOperator(StandardQueryConfigHandler.Operator.AND);
        parser.setAllowLeadingWildcard(true);
        Map<String, PointsConfig> points = new HashMap<>();
        NumberFormat integers = NumberFormat.getIntegerInstance(Locale.ROOT);
        integers.setGroupingUsed(false);
        integers.setParseIntegerOnly(true);
        NumberFormat decimals = NumberFormat.getNumberInstance(Locale.ROOT);
        decimals.setGroupingUsed(false);
        catalog.snapshot().forEach((field, type) -> {
            if (type == FieldType.LONG) {
                points.put(field, new PointsConfig(integers, Long.class));
            } else if (type == FieldType.DOUBLE) {
                points.put(field, new PointsConfig(decimals, Double.class));
            }
        });
        parser.setPointsConfigMap(points);
        try {
            return parser.parse(text, EventSchema.MESSAGE);
        } catch (QueryNodeException | RuntimeException e) {
            throw new QuerySyntaxException(text, explain(e));
        }
    }

    private static String explain(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        if (message.contains("Syntax Error")) {
            int at = message.indexOf("Syntax Error");
            message = message.substring(at);
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return message;
    }
}

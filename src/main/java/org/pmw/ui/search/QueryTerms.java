package org.pmw.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a query that search the message, for highlighting matches in the result table. */
final class QueryTerms {

    private static final Pattern TOKEN = Pattern.compile("\"([^\"]+)\"|(\\S+)");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");

    private QueryTerms() {
    }

    static List<String> of(String query) {
        List<String> terms = new ArrayList<>();
        if (query == null) {
            return terms;
        }
        Matcher m = TOKEN.matcher(query);
        while (m.find()) {
            if (m.group(1) != null) {
                terms.add(m.group(1).toLowerCase(Locale.ROOT));
                continue;
            }
            String token = m.group(2).replaceAll("^[(+\\-!]+|[)]+$", "");
            if (token.isEmpty() || OPERATORS.contains(token) || token.contains(":")) {
                continue;
            }
            token = token.replace("*", "").replace("?", "");
            if (token.length() >= 2) {
                terms.add(token.toLowerCase(Locale.ROOT));
            }
        }
        return terms;
    }
}

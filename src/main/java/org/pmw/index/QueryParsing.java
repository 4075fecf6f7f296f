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
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.pmw.model.Level;

/**
 * Lucene query syntax as Timesketch and Kibana users type it: a term without a field searches the message and the
 * words of the event's keyword fields ({@link EventSchema#FIELD_WORDS}), AND between bare words, field queries,
 * phrases, wildcards, and numeric ranges on numeric fields ({@code status:[500 TO 599]}, {@code duration_ms:>2000}).
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
        NumberFormat wholeIntegers = NumberFormat.getIntegerInstance(Locale.ROOT);
        wholeIntegers.setGroupingUsed(false);
        wholeIntegers.setParseIntegerOnly(true);
        NumberFormat wholeDecimals = NumberFormat.getNumberInstance(Locale.ROOT);
        wholeDecimals.setGroupingUsed(false);
        NumberFormat integers = new WholeNumber(wholeIntegers);
        NumberFormat decimals = new WholeNumber(wholeDecimals);
        catalog.snapshot().forEach((field, type) -> {
            if (type == FieldType.LONG) {
                points.put(field, new PointsConfig(integers, Long.class));
            } else if (type == FieldType.DOUBLE) {
                points.put(field, new PointsConfig(decimals, Double.class));
            }
        });
        parser.setPointsConfigMap(points);
        try {
            // a term without a field is looked for in the message and in the words of the event's keyword fields
            parser.setMultiFields(new CharSequence[] {EventSchema.MESSAGE, EventSchema.FIELD_WORDS});
            Query parsed = meaningful(parser.parse(rewriteAsTyped(unquoteFieldNames(text), catalog), null), catalog);
            return plainWordsInFields(parsed, bareWordFields(catalog));
        } catch (QueryNodeException | RuntimeException e) {
            String notANumber = notANumber(text, e, catalog);
            throw new QuerySyntaxException(text, notANumber != null ? notANumber : explain(e));
        }
    }

    private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile("(?<=\\w)\\(\\)");

    private static final java.util.regex.Pattern QUOTED_FIELD = java.util.regex.Pattern.compile(
            "(^|[\\s(+!-])\"([A-Za-z_@][\\w.@-]*)\":");

    /** A field named in quotes, as JSON writes it ({@code "http.status":502}), is that field. */
    static String unquoteFieldNames(String text) {
        return QUOTED_FIELD.matcher(text).replaceAll("$1$2:");
    }

    /** A number read whole: {@code version:2.1.3} is refused, not searched as 2.1 (Java reads only the start). */
    private static final class WholeNumber extends NumberFormat {
        private final NumberFormat inner;

        WholeNumber(NumberFormat inner) {
            this.inner = inner;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition at) {
            return inner.format(number, to, at);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition at) {
            return inner.format(number, to, at);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition at) {
            int start = at.getIndex();
            Number read = inner.parse(source, at);
            if (read != null && at.getIndex() != source.length()) {
                at.setErrorIndex(at.getIndex());
                at.setIndex(start);
                return null;
            }
            return read;
        }
    }

    /**
     * What the user meant where Lucene's literal reading differs: a group of only {@code NOT} clauses means "all
     * events except" (Lucene alone matches nothing), and a range of levels follows severity ({@code
     * level:[warn TO fatal]} is warn, error, crit and fatal, not the names between "warn" and "fatal" in the
     * alphabet).
     */
    static Query meaningful(Query query) {
        return meaningful(query, new FieldCatalog());
    }

    static Query meaningful(Query query, FieldCatalog catalog) {
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder rebuilt = new BooleanQuery.Builder();
            rebuilt.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            boolean positive = false;
            for (BooleanClause clause : bool.clauses()) {
                rebuilt.add(meaningful(clause.getQuery(), catalog), clause.getOccur());
                positive |= clause.getOccur() != BooleanClause.Occur.MUST_NOT;
            }
            if (!positive) {
                rebuilt.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            }
            return rebuilt.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(meaningful(boost.getQuery(), catalog), boost.getBoost());
        }
        if (query instanceof TermRangeQuery range && range.getField().equals(EventSchema.LEVEL)) {
            return levelRange(range);
        }
        if (query instanceof TermRangeQuery range && catalog.type(range.getField()) == FieldType.KEYWORD
                && numberOrOpen(range.getLowerTerm()) && numberOrOpen(range.getUpperTerm())
                && (range.getLowerTerm() != null || range.getUpperTerm() != null)) {
            // numbers a log wrote as text are compared as numbers, not as the text "655" after "2000"
            return new NumericTextRangeQuery(range.getField(), text(range.getLowerTerm()),
                    text(range.getUpperTerm()), range.includesLower(), range.includesUpper());
        }
        if (query instanceof org.apache.lucene.search.TermQuery term && term.getTerm().field().equals(EventSchema.LEVEL)) {
            // a level as the logs write it (WARNING, critical, err) is the level it is read as
            Level level = Level.parse(term.getTerm().text(), null);
            if (level != null && !level.id().equals(term.getTerm().text())) {
                return new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(EventSchema.LEVEL,
                        level.id()));
            }
        }
        return query;
    }

    /** The keyword fields whose values a bare word finds (see {@link EventSchema#searchedByBareWords}). */
    static java.util.List<String> bareWordFields(FieldCatalog catalog) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        catalog.snapshot().forEach((name, type) -> {
            if (type == FieldType.KEYWORD && EventSchema.searchedByBareWords(name)) {
                fields.add(name);
            }
        });
        return fields;
    }

    /**
     * A bare word's query on the fields' words, also on each keyword field in {@code fields}: a value of one plain
     * word ({@code ECONNREFUSED}, {@code 10.0.0.9}) is indexed only as its field's term, which is the word itself
     * (see {@link FieldWords#plainWord}). A phrase needs no more: it finds values of several words.
     */
    static Query plainWordsInFields(Query query, java.util.List<String> fields) {
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder rebuilt = new BooleanQuery.Builder();
            rebuilt.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                rebuilt.add(plainWordsInFields(clause.getQuery(), fields), clause.getOccur());
            }
            return rebuilt.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(plainWordsInFields(boost.getQuery(), fields), boost.getBoost());
        }
        if (!isWordOnFieldWords(query) || fields.isEmpty()) {
            return query;
        }
        if (query instanceof org.apache.lucene.search.TermQuery term && FieldType.isNumber(term.getTerm().text())) {
            // a number is not every value of a field of numbers written as text ("status":"503"): status:503
            return query;
        }
        // one query over all the fields: a clause per field would pass Lucene's clause limit in a project of
        // thousands of fields and a query of tens of words, and compile a pattern once per field
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.SHOULD)
                .add(new WordInFields(query, fields), BooleanClause.Occur.SHOULD).build();
    }

    /** Whether {@code query} is a single word's query (term, prefix, wildcard, regexp, fuzzy) on the fields' words. */
    private static boolean isWordOnFieldWords(Query query) {
        if (query instanceof org.apache.lucene.search.TermQuery term) {
            return term.getTerm().field().equals(EventSchema.FIELD_WORDS);
        }
        if (query instanceof org.apache.lucene.search.PrefixQuery
                || query instanceof org.apache.lucene.search.WildcardQuery
                || query instanceof org.apache.lucene.search.RegexpQuery
                || query instanceof org.apache.lucene.search.FuzzyQuery) {
            return ((org.apache.lucene.search.MultiTermQuery) query).getField().equals(EventSchema.FIELD_WORDS);
        }
        return false;
    }

    private static boolean numberOrOpen(BytesRef bound) {
        return bound == null || FieldType.isNumber(bound.utf8ToString());
    }

    private static String text(BytesRef bound) {
        return bound == null ? null : bound.utf8ToString();
    }

    private static Query levelRange(TermRangeQuery range) {
        Level[] levels = Level.values();
        int from = range.getLowerTerm() == null ? 0 : severity(range.getLowerTerm().utf8ToString());
        int to = range.getUpperTerm() == null ? levels.length - 1 : severity(range.getUpperTerm().utf8ToString());
        if (range.getLowerTerm() != null && !range.includesLower()) {
            from++;
        }
        if (range.getUpperTerm() != null && !range.includesUpper()) {
            to--;
        }
        java.util.List<BytesRef> wanted = new java.util.ArrayList<>();
        for (int i = Math.max(0, from); i <= Math.min(levels.length - 1, to); i++) {
            wanted.add(new BytesRef(levels[i].id()));
        }
        return wanted.isEmpty() ? new MatchNoDocsQuery("no level in " + range)
                : new TermInSetQuery(EventSchema.LEVEL, wanted);
    }

    private static int severity(String level) {
        Level parsed = Level.parse(level, null);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + level + "' is not a level: expected one of trace, debug, info,"
                    + " notice, warn, error, crit, fatal");
        }
        return parsed.ordinal();
    }

    private static final java.util.regex.Pattern COMPARISON = java.util.regex.Pattern.compile(
            "(?<![\\w.])([A-Za-z_][\\w.]*):(>=|<=|>|<)(-?[0-9][0-9.eE+-]*)");

    /**
     * The query as Lucene's parser should read it, outside quoted phrases: paths escaped, field names as indexed,
     * terms as typed, bare addresses also as the host, and Kibana's comparisons ({@code field:>N},
     * {@code field:<=N}) as ranges.
     */
    static String rewriteAsTyped(String text, FieldCatalog catalog) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int segmentStart = 0;
        FieldGroups typed = new FieldGroups();
        FieldGroups addresses = new FieldGroups();
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            // an escaped quote (\") is a character of the text, not the start or end of a phrase
            if (end || text.charAt(i) == '"' && !escaped(text, i)) {
                String segment = text.substring(segmentStart, i);
                out.append(quoted ? literalBackslashes(segment) : rewriteSegment(segment, catalog, typed, addresses));
                if (!end) {
                    out.append('"');
                    quoted = !quoted;
                }
                segmentStart = i + 1;
            }
        }
        return out.toString();
    }

    /**
     * A backslash before a character Lucene gives no meaning to is the text's own: a pasted Windows path
     * ({@code C:\Windows\System32\cmd.exe}) or an escape as a JSON log prints it ({@code \n}). Lucene would drop it
     * and run the words together.
     */
    static String literalBackslashes(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && escapes(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == '\\' ? "\\\\" : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** Whether a backslash before {@code c} escapes it in Lucene's syntax, which gives {@code c} a meaning. */
    private static boolean escapes(char c) {
        return "\\+-!():^[]\"{}~*?|&/=<>".indexOf(c) >= 0 || Character.isWhitespace(c);
    }

    /**
     * A path typed bare ({@code pg_wal/xlogtemp.3314}, {@code path:/cart.php}, {@code /wp-admin/}) is a path, not
     * the start of a regular expression: its slashes are escaped, and so are a {@code ?} in it (a pasted
     * {@code /cart.php?id=3}) and an {@code =} in a field's value ({@code query:id=3}). A regular expression is kept where
     * one is written whole: a term that starts with a slash, whose next slash ends it, and that uses one of a
     * regular expression's signs between them ({@code /err(or)?/}).
     */
    static String escapePathSlashes(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 4);
        boolean pathTerm = false;
        boolean afterField = false;
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            if (c == '\\' && i + 1 < segment.length()) {
                if (escapes(segment.charAt(i + 1))) {
                    out.append(c).append(segment.charAt(i + 1));
                    i += 2;
                } else {
                    out.append("\\\\");
                    i++;
                }
                continue;
            }
            if (Character.isWhitespace(c) || c == '(' || c == ')') {
                pathTerm = false;
                afterField = false;
                out.append(c);
                i++;
                continue;
            }
            if (c == ':') {
                afterField = true;
            }
            // status=503 is Lucene's field=value; in query:id=3 the = is part of the value
            if (c == '?' && pathTerm || c == '=' && (afterField || pathTerm) && ":<>".indexOf(segment.charAt(i - 1)) < 0) {
                out.append('\\').append(c);
                i++;
                continue;
            }
            if (c != '/') {
                out.append(c);
                i++;
                continue;
            }
            int close = termStart(segment, i) ? nextSlash(segment, i + 1) : -1;
            if (close > i + 1 && (close + 1 == segment.length() || Character.isWhitespace(segment.charAt(close + 1))
                    || ")^".indexOf(segment.charAt(close + 1)) >= 0) && regexSigns(segment, i + 1, close)) {
                out.append(segment, i, close + 1);
                i = close + 1;
            } else {
                out.append("\\/");
                pathTerm = true;
                i++;
            }
        }
        return out.toString();
    }

    private static boolean termStart(String s, int i) {
        return i == 0 || " \t(:+-!".indexOf(s.charAt(i - 1)) >= 0;
    }

    private static boolean regexSigns(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (".*+?[](){}|\\^$".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int nextSlash(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '/') {
                return i;
            }
        }
        return -1;
    }

    private static String rewriteSegment(String segment, FieldCatalog catalog, FieldGroups typed,
                                         FieldGroups addresses) {
        // a function as the logs print it, connect() or mysql_connect(), is a word, not an empty group
        segment = CALL.matcher(segment).replaceAll("\\\\(\\\\)");
        segment = addressesAlsoAsHost(termsAsTyped(fieldNamesAsIndexed(escapePathSlashes(segment), catalog), catalog,
                typed), addresses);
        segment = unknownNamesBeforeASpaceAsText(segment, catalog);
        java.util.regex.Matcher m = COMPARISON.matcher(segment);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String field = m.group(1);
            String value = m.group(3);
            String range = switch (m.group(2)) {
                case ">" -> "{" + value + " TO *]";
                case ">=" -> "[" + value + " TO *]";
                case "<" -> "[* TO " + value + "}";
                default -> "[* TO " + value + "]";
            };
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(field + ":" + range));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static final java.util.regex.Pattern NAME_SPACE_VALUE = java.util.regex.Pattern.compile(
            "(?<![\\w.\\\\/@-])([A-Za-z_@][\\w.@-]*):[ \\t]+([^\\s()\"\\[{][^\\s()\"]*)");

    /**
     * {@code errno: 28}, pasted from a log, where no field is named errno: the text, as {@code errno:28} is. Lucene
     * would read it as a field of that name and find nothing. A known field's value after a space stays the field
     * ({@code client: 10.1.2.3}).
     */
    static String unknownNamesBeforeASpaceAsText(String segment, FieldCatalog catalog) {
        java.util.regex.Matcher m = NAME_SPACE_VALUE.matcher(segment);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            boolean operator = java.util.Set.of("AND", "OR", "NOT", "TO", "&&", "||").contains(value);
            // a wildcard has no place in a phrase: such a term is left to Lucene as before
            String replacement = knownField(m.group(1), catalog) || operator || hasUnescaped(value, "*?")
                    ? m.group() : phrase(m.group(1) + ": " + value);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final java.util.regex.Pattern FIELD_NAME =
            java.util.regex.Pattern.compile("(?<![\\w.\\\\/@-])([A-Za-z_@][\\w.@-]*):");

    /**
     * A field named in another case than the index has it ({@code STATUS:500}, {@code Level:error}) is that field:
     * Lucene's names are case-sensitive, a user's are not. A name two fields share but for case is left alone.
     */
    static String fieldNamesAsIndexed(String segment, FieldCatalog catalog) {
        java.util.regex.Matcher m = FIELD_NAME.matcher(segment);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String named = m.group(1);
            String indexed = indexedName(named, catalog);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement((indexed == null ? named : indexed) + ":"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The field {@code named} means, where it differs from the index's name only in case; else null. */
    static String indexedName(String named, FieldCatalog catalog) {
        if (EventSchema.RESERVED.contains(named) || catalog.type(named) != null) {
            return null;
        }
        String found = null;
        for (String name : java.util.stream.Stream.concat(EventSchema.RESERVED.stream(), catalog.names().stream())
                .toList()) {
            if (name.equalsIgnoreCase(named)) {
                if (found != null) {
                    return null;
                }
                found = name;
            }
        }
        return found;
    }

    /**
     * Whether a scanner is inside a field's group, {@code client:(10.1.2.3 OR 10.1.2.4)}, whose terms are that
     * field's values and are left as written. Kept across the unquoted pieces of one query.
     */
    static final class FieldGroups {
        private final java.util.ArrayDeque<Boolean> open = new java.util.ArrayDeque<>();

        boolean inside() {
            return !open.isEmpty() && open.peek();
        }

        /** A '(' written after {@code before}: a field's group when a field name and its colon come right before. */
        void open(CharSequence before) {
            boolean field = before.length() > 0 && before.charAt(before.length() - 1) == ':';
            open.push(field || inside());
        }

        void close() {
            if (!open.isEmpty()) {
                open.pop();
            }
        }
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_@][\\w.@-]*");
    private static final java.util.regex.Pattern NUMBER_WILDCARD = java.util.regex.Pattern.compile("(\\d+)(\\*|\\?+)");
    private static final java.util.regex.Pattern ADDRESS_PORT = java.util.regex.Pattern.compile(
            "(\\d{1,3}(?:\\.\\d{1,3}){3})\\\\?:(\\d{1,5})");

    /** Digits with single-digit wildcards inside, at most three of them: {@code 51?0}. */
    private static final java.util.regex.Pattern DIGIT_MASK = java.util.regex.Pattern.compile(
            "(?=(?:[^?]*\\?){1,3}[^?]*$)[0-9]*\\?[0-9?]*");

    /** The numbers of {@code field} that {@code mask} writes, one for each digit in place of each {@code ?}. */
    private static String numbersMasked(String field, String mask) {
        java.util.List<String> numbers = new java.util.ArrayList<>(java.util.List.of(""));
        for (char c : mask.toCharArray()) {
            java.util.List<String> next = new java.util.ArrayList<>();
            for (String prefix : numbers) {
                if (c == '?') {
                    for (char d = '0'; d <= '9'; d++) {
                        next.add(prefix + d);
                    }
                } else {
                    next.add(prefix + c);
                }
            }
            numbers = next;
        }
        StringBuilder any = new StringBuilder("(");
        for (String n : numbers) {
            if (n.length() > 1 && n.startsWith("0")) {
                continue; // no number is written with a leading zero
            }
            any.append(any.length() > 1 ? " OR " : "").append(field).append(':').append(n);
        }
        return any.length() > 1 ? any.append(')').toString() : field + ":{0 TO 0}";
    }

    /**
     * Terms read as grep users mean them. A term the message's analysis cuts into several words
     * ({@code /api/cart}, {@code http-nio-8080-exec-7}, {@code routines:tls_parse}) is a phrase, not those words
     * anywhere in the event. {@code name=value} is the text {@code name=value} (logfmt, MDC), and also the field
     * where the project has one ({@code status=503}). A wildcard on a number field ({@code status:5*},
     * {@code status:50?}) is the numbers written so.
     */
    static String termsAsTyped(String segment, FieldCatalog catalog) {
        return termsAsTyped(segment, catalog, new FieldGroups());
    }

    static String termsAsTyped(String segment, FieldCatalog catalog, FieldGroups groups) {
        return mapTerms(segment, groups, (typed, fieldValue) -> groups.inside() || fieldValue
                || typed.indexOf('/') >= 0 && hasUnescaped(typed, "/") ? typed : termAsTyped(typed, catalog));
    }

    /**
     * {@code segment} with each term (a run between spaces and parentheses, without its leading {@code + - !})
     * replaced by what {@code map} makes of it, told whether the term is a field's value written after a space
     * ({@code client: 10.1.2.3}, as nginx writes it); a regular expression is one term whatever it holds. The
     * field groups are followed as the parentheses open and close.
     */
    private static String mapTerms(String segment, FieldGroups groups,
                                   java.util.function.BiFunction<String, Boolean, String> map) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')') {
                if (c == '(') {
                    groups.open(out);
                } else if (c == ')') {
                    groups.close();
                }
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < segment.length() && !Character.isWhitespace(segment.charAt(end))
                    && ((segment.charAt(end) != '(' && segment.charAt(end) != ')') || escaped(segment, end))) {
                // a path's slashes are escaped by now: one that is not opens a regular expression, kept whole
                if (segment.charAt(end) == '/' && !escaped(segment, end)) {
                    int close = nextSlash(segment, end + 1);
                    end = close < 0 ? segment.length() : close;
                }
                end++;
            }
            end = Math.min(end, segment.length());
            int term = i;
            while (term < end && "+-!".indexOf(segment.charAt(term)) >= 0) {
                term++;
            }
            int before = out.length() - 1;
            while (before >= 0 && Character.isWhitespace(out.charAt(before))) {
                before--;
            }
            boolean fieldValue = term == i && before >= 0 && out.charAt(before) == ':' && !escaped(out.toString(), before);
            out.append(segment, i, term).append(map.apply(segment.substring(term, end), fieldValue));
            i = end;
        }
        return out.toString();
    }

    private static boolean escaped(String s, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String termAsTyped(String term, FieldCatalog catalog) {
        if (term.isEmpty() || java.util.Set.of("AND", "OR", "NOT", "TO", "&&", "||").contains(term)
                || term.startsWith("/") || hasUnescaped(term, "\"[]{}~^")
                || term.endsWith(":") || term.endsWith("=")) {
            // a field whose value follows in quotes (service="payments", message:"…") is Lucene's to read
            return term;
        }
        java.util.regex.Matcher addressAndPort = ADDRESS_PORT.matcher(term);
        if (addressAndPort.matches() && catalog.type("client_port") != null) {
            // pasted from an Apache 2.4 error line, [client 10.1.2.4:30851]: the text, or that client at that port
            return "(" + phrase(term) + " OR (client:\"" + addressAndPort.group(1) + "\" AND client_port:"
                    + addressAndPort.group(2) + "))";
        }
        int colon = firstUnescaped(term, ':');
        String field = colon > 0 ? term.substring(0, colon) : null;
        if (field != null && (!NAME.matcher(field).matches() || !knownField(field, catalog)
                || firstUnescaped(term.substring(colon + 1), ':') >= 0)) {
            // 10.0.0.9:3306 and routines:tls_parse are text: no field has such a name; and a value with colons of
            // its own was pasted (error:141CF06C:SSL), whatever field its first word names
            field = null;
            colon = -1;
        }
        String value = colon > 0 ? term.substring(colon + 1) : term;
        if (value.isEmpty() || value.startsWith(">") || value.startsWith("<") || value.chars().noneMatch(Character::isLetterOrDigit)) {
            return term;
        }
        FieldType type = field == null ? null : catalog.type(field);
        if ((type == FieldType.LONG || type == FieldType.DOUBLE) && NEGATIVE.matcher(value).matches()) {
            return field + ":[" + value + " TO " + value + "]"; // amount:-3.75: a minus there is no NOT
        }
        if (type == FieldType.LONG || type == FieldType.DOUBLE) {
            java.util.regex.Matcher wildcard = NUMBER_WILDCARD.matcher(value);
            if (wildcard.matches()) {
                return numbersWritten(field, wildcard.group(1), wildcard.group(2));
            }
            return DIGIT_MASK.matcher(value).matches() ? numbersMasked(field, value) : term;
        }
        int eq = field == null ? firstUnescaped(term, '=') : -1;
        String named = eq > 0 ? term.substring(0, eq) : null;
        boolean nameIsField = named != null && NAME.matcher(named).matches() && knownField(named, catalog);
        if (eq > 0 && hasUnescaped(value, "*?") && nameIsField) {
            return termAsTyped(named + ":" + term.substring(eq + 1), catalog); // status=5*
        }
        if (eq > 0 && hasUnescaped(value, "*?") && NAME.matcher(named).matches() && eq + 1 < term.length()) {
            // uuid=3f2b* where no field is named uuid: the name, then a word starting so
            return "(" + named + " AND " + term.substring(eq + 1) + ")";
        }
        if (hasUnescaped(value, "*?")) {
            return field != null && hasUnescaped(value, "@") ? field + ":" + escapeSigns(value) : term;
        }
        if (eq > 0 && NAME.matcher(named).matches() && eq + 1 < term.length()) {
            String text = phrase(term);
            if (!nameIsField) {
                return text;
            }
            String indexed = indexedName(named, catalog);
            FieldType namedType = catalog.type(indexed != null ? indexed : named);
            String given = term.substring(eq + 1);
            boolean numeric = namedType == FieldType.LONG || namedType == FieldType.DOUBLE;
            // status=CREATED where status holds numbers: the text, and the field's values that are not numbers
            return numeric && !FieldType.isNumber(unescape(given))
                    ? "(" + named + "_text:" + given + " OR " + text + ")"
                    : "(" + named + ":" + given + " OR " + text + ")";
        }
        if ((field == null || field.equals(EventSchema.MESSAGE)) && severalWords(value)) {
            return (field == null ? "" : field + ":") + phrase(value);
        }
        if (field != null && (value.startsWith("-") || hasUnescaped(value, "@"))) {
            // a keyword's value as written: user.email:bob@example.com, temp:-5
            return field + ":" + escapeSigns(value);
        }
        return term;
    }

    private static final java.util.regex.Pattern NEGATIVE = java.util.regex.Pattern.compile("-\\d+(?:\\.\\d+)?");

    /** {@code value} with the query syntax's '@' and a leading '-' escaped, so they are characters of the value. */
    private static String escapeSigns(String value) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                out.append(c).append(value.charAt(++i));
            } else if (c == '@' || c == '-' && i == 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean knownField(String name, FieldCatalog catalog) {
        return EventSchema.RESERVED.contains(name) || catalog.type(name) != null || indexedName(name, catalog) != null
                || name.equals("_exists_") || name.equals("*");
    }

    /** Whether the message's analysis would cut {@code value} into more than one word. */
    private static boolean severalWords(String value) {
        String plain = unescape(value);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && c != '\'') {
                return true;
            }
        }
        return false;
    }

    private static String phrase(String value) {
        return "\"" + unescape(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean hasUnescaped(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int firstUnescaped(String s, char wanted) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The numbers of {@code field} written as {@code digits} then the wildcard: {@code 50?} is 500 to 509,
     * {@code 5*} is 5, 50 to 59, 500 to 599 and so on (with their fractions).
     */
    private static String numbersWritten(String field, String digits, String wildcard) {
        if (digits.startsWith("0")) {
            // no number is written with a leading zero, but 0 itself (and its fractions)
            return digits.equals("0") && wildcard.equals("*") ? field + ":[0 TO 1}" : field + ":{0 TO 0}";
        }
        // each range runs to the next number up, exclusive, so 59.5 is among the numbers written 5*
        if (wildcard.startsWith("?")) {
            return field + ":[" + digits + "0".repeat(wildcard.length()) + " TO "
                    + new java.math.BigInteger(digits).add(java.math.BigInteger.ONE) + "0".repeat(wildcard.length()) + "}";
        }
        String next = new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
        StringBuilder any = new StringBuilder("(").append(field).append(":[").append(digits).append(" TO ").append(next)
                .append('}');
        for (int more = 1; digits.length() + more <= 18; more++) {
            any.append(" OR ").append(field).append(":[").append(digits).append("0".repeat(more)).append(" TO ")
                    .append(next).append("0".repeat(more)).append('}');
        }
        return any.append(')').toString();
    }

    /** An IPv4 address, or the start of one ending in a wildcard ({@code 10.1.*}). */
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
            "\\d{1,3}(?:\\.\\d{1,3}){3}|\\d{1,3}(?:\\.\\d{1,3}){0,2}\\.\\*");

    /**
     * An address typed bare ({@code 10.1.2.3}, {@code 10.1.*}) is also looked for as the event's host, which a bare
     * term does not search otherwise (a bare {@code web2} is not every event of web2): a syslog relay names its hosts
     * by address. The message and every keyword field are searched by any bare term.
     */
    static String addressesAlsoAsHost(String segment, FieldGroups groups) {
        return mapTerms(segment, groups, (address, fieldValue) -> groups.inside() || fieldValue
                || !ADDRESS.matcher(address).matches() ? address
                : "(" + address + " OR " + EventSchema.HOST + ":" + (address.endsWith("*") ? address : "\"" + address + "\"")
                + ")");
    }

    private static final java.util.regex.Pattern NOT_A_NUMBER =
            java.util.regex.Pattern.compile("Could not parse text \"(.*?)\" using");

    /** Says which field wanted a number, when the parser refused a value that is not one; else null. */
    private static String notANumber(String text, Exception e, FieldCatalog catalog) {
        java.util.regex.Matcher m = NOT_A_NUMBER.matcher(String.valueOf(e.getMessage()));
        if (!m.find()) {
            return null;
        }
        String value = m.group(1);
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("([\\w.]+):\\s*[\\[{]?\"?"
                + java.util.regex.Pattern.quote(value)).matcher(text);
        if (!field.find()) {
            return "'" + value + "' is not a number, and the field it is given for holds numbers";
        }
        String name = field.group(1);
        return name + " holds numbers and '" + value + "' is not one; " + (catalog.type(name + "_text") != null
                ? "values of " + name + " that are not numbers are searched as " + name + "_text:" + value
                : "every value of " + name + " in this project is a number (search the text with \"" + name + "="
                + value + "\")");
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

package org.pmw.ingest.changes;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.LineReader;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;
import org.pmw.model.Change;

/**
 * Commits from {@code git log} output; each becomes a change of kind {@code code}: revision = the hash,
 * actor = the author's name, title = the subject, description = the rest of the message, started_at = the
 * author date, ended_at = the committer date when it is later (the commit was applied or rebased after it
 * was written). A merge commit is tagged {@code merge} and its first parent is the previous revision.
 *
 * <p>Three layouts are read:
 * <ul>
 *   <li>the default: {@code git log} ({@code commit}, optional {@code Merge:}, {@code Author:},
 *       {@code Date:   Mon Oct 10 17:40:12 2005 -0400}, then the message indented by four spaces);</li>
 *   <li>{@code git log --pretty=fuller} (Author, AuthorDate, Commit, CommitDate);</li>
 *   <li>one commit per line, tab-separated, made by
 *       {@code git log --format='%H%x09%P%x09%an%x09%ae%x09%aI%x09%cI%x09%s'}: hash, parent hashes
 *       (space-separated), author name, author email, author date, committer date (both ISO-8601 strict),
 *       subject. This layout has no message body.</li>
 * </ul>
 * {@code --date=iso}, {@code --date=iso-strict} and {@code --date=rfc} dates are read too. Output of
 * {@code --stat} or {@code -p} after a message is ignored (with a note); {@code --graph} is not supported.
 */
public final class GitLogFormat implements Format {

    /** The documented one-line-per-commit command. */
    public static final String TAB_FORMAT_COMMAND = "git log --format='%H%x09%P%x09%an%x09%ae%x09%aI%x09%cI%x09%s'";

    private static final Pattern COMMIT = Pattern.compile("^commit ([0-9a-f]{7,64})\\b(.*)$");
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z-]*):\\s*(.*)$");
    private static final Pattern PERSON = Pattern.compile("^(.*?)\\s*<([^>]*)>\\s*$");
    private static final Pattern TAB_LINE = Pattern.compile(
            "^[0-9a-f]{40}\\t(?:[0-9a-f]{40}(?: [0-9a-f]{40})*)?\\t[^\\t]*\\t[^\\t]*\\t\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\t[^\\t]+\\t.*$");
    private static final int TAB_FIELDS = 7;

    @Override
    public String name() {
        return "git_log";
    }

    @Override
    public String description() {
        return "git log output (default, --pretty=fuller, or " + TAB_FORMAT_COMMAND + "): one code change per commit";
    }

    @Override
    public String example() {
        return "commit 3f9a1c2e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.CHANGES;
    }

    @Override
    public double score(Sample sample) {
        List<String> body = sample.nonBlankLines();
        if (body.isEmpty()) {
            return 0;
        }
        if (COMMIT.matcher(body.get(0)).matches()) {
            boolean author = body.stream().anyMatch(l -> l.startsWith("Author:"));
            return author ? 0.95 : 0.3;
        }
        return 0.95 * sample.fractionMatching(l -> TAB_LINE.matcher(l).matches());
    }

    @Override
    public void parse(ParseInput input, ParseContext context, ParseSink sink) throws IOException {
        ChangeRecords records = new ChangeRecords(context, sink);
        long nonBlank = 0;
        long commits = 0;
        try (LineReader lines = input.lines()) {
            BlockReader block = new BlockReader(context, records);
            Boolean tabLayout = null;
            String line;
            while ((line = lines.next()) != null) {
                long n = lines.lineNumber();
                if (!line.isBlank()) {
                    nonBlank++;
                }
                if (tabLayout == null && !line.isBlank()) {
                    tabLayout = !COMMIT.matcher(line).matches() && line.indexOf('\t') > 0;
                }
                if (Boolean.TRUE.equals(tabLayout)) {
                    if (!line.isBlank()) {
                        commits += tabLine(line, n, context, records) ? 1 : 0;
                    }
                } else {
                    block.line(line, n);
                }
            }
            block.flush();
            commits += block.commits;
        }
        if (nonBlank > 0 && commits == 0) {
            throw new FormatException(input.fileName() + ": no commit found; expected 'git log' output starting with"
                    + " 'commit <hash>', or lines from " + TAB_FORMAT_COMMAND);
        }
        records.finish();
    }

    /** One line of the tab-separated layout; false when it is skipped. */
    private static boolean tabLine(String line, long n, ParseContext context, ChangeRecords records) {
        String[] f = line.split("\t", TAB_FIELDS);
        if (f.length < TAB_FIELDS || !f[0].matches("[0-9a-f]{40}")) {
            context.skip(n, "expected " + TAB_FIELDS + " tab-separated fields (hash, parents, author name, author email,"
                    + " author date, committer date, subject) as " + TAB_FORMAT_COMMAND + " writes them, got "
                    + f.length);
            return false;
        }
        Instant authored = ChangeTimes.parseGit(f[4]);
        if (authored == null) {
            context.skip(n, "author date: expected an ISO-8601 time like " + ChangeTimes.ISO_EXAMPLE + ", got '"
                    + f[4] + "'");
            return false;
        }
        Instant committed = ChangeTimes.parseGit(f[5]);
        List<String> parents = f[1].isBlank() ? List.of() : List.of(f[1].trim().split(" "));
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("author_email", blankToNull(f[3]));
        extra.put("parents", parents.isEmpty() ? null : String.join(" ", parents));
        records.emit(commitChange(f[0], parents, f[2].trim(), authored, committed, f[6], null,
                context.sourceId() + ":" + n), n, f[4], line, extra);
        return true;
    }

    private static Change commitChange(String hash, List<String> parents, String author, Instant authored,
                                       Instant committed, String subject, String body, String origin) {
        boolean merge = parents.size() > 1;
        Instant ended = committed != null && committed.isAfter(authored) ? committed : null;
        String title = subject == null || subject.isBlank() ? "(no commit message)" : subject.strip();
        return new Change(null, "code", title, body, null, null, null, authored, ended, null, blankToNull(author), hash,
                parents.isEmpty() ? null : parents.get(0), null, null, merge ? List.of("merge") : List.of(), null,
                origin, null, "git");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The default and fuller layouts: a commit is its header lines, a blank line and the indented message. */
    private static final class BlockReader {
        private final ParseContext context;
        private final ChangeRecords records;
        private long commits;

        private String hash;
        private long commitLine;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, Long> headerLines = new LinkedHashMap<>();
        private final List<String> message = new ArrayList<>();
        private final StringBuilder raw = new StringBuilder();
        private boolean inMessage;
        private boolean inTrailer;

        BlockReader(ParseContext context, ChangeRecords records) {
            this.context = context;
            this.records = records;
        }

        void line(String line, long n) {
            Matcher commit = COMMIT.matcher(line);
            if (commit.matches()) {
                flush();
                hash = commit.group(1);
                commitLine = n;
                raw.append(line);
                return;
            }
            if (hash == null) {
                if (!line.isBlank()) {
                    context.skip(n, "expected 'commit <hash>' to start a commit, got '" + abbreviate(line) + "'");
                }
                return;
            }
            if (inTrailer) {
                return;
            }
            if (!inMessage) {
                if (line.isBlank()) {
                    inMessage = true;
                } else {
                    Matcher h = HEADER.matcher(line);
                    if (h.matches()) {
                        headers.putIfAbsent(h.group(1), h.group(2).strip());
                        headerLines.putIfAbsent(h.group(1), n);
                    }
                }
                raw.append('\n').append(line);
                return;
            }
            if (line.startsWith("    ") || line.isBlank()) {
                message.add(line.length() >= 4 ? line.substring(4) : "");
                raw.append('\n').append(line);
            } else {
                // --stat or -p output follows the message; it is not part of the change record
                inTrailer = true;
                context.note("diff and --stat lines after commit messages were ignored");
            }
        }

        void flush() {
            if (hash == null) {
                return;
            }
            try {
                emit();
            } finally {
                hash = null;
                headers.clear();
                headerLines.clear();
                message.clear();
                raw.setLength(0);
                inMessage = false;
                inTrailer = false;
            }
        }

        private void emit() {
            String short7 = hash.substring(0, Math.min(7, hash.length()));
            String author = headers.get("Author");
            String dateName = headers.containsKey("AuthorDate") ? "AuthorDate" : "Date";
            String dateText = headers.get(dateName);
            if (author == null || dateText == null) {
                context.skip(commitLine, "commit " + short7 + ": no " + (author == null ? "Author" : "Date")
                        + " line (expected the output of git log or git log --pretty=fuller)");
                return;
            }
            Instant authored = ChangeTimes.parseGit(dateText);
            if (authored == null) {
                context.skip(headerLines.get(dateName), dateName + ": expected a git date like '"
                        + ChangeTimes.GIT_EXAMPLE + "', got '" + dateText + "'");
                return;
            }
            String commitDateText = headers.get("CommitDate");
            Instant committed = commitDateText == null ? null : ChangeTimes.parseGit(commitDateText);
            if (commitDateText != null && committed == null) {
                context.note("unreadable CommitDate of commit " + short7 + " ignored: '" + commitDateText + "'");
            }
            List<String> parents = headers.containsKey("Merge")
                    ? List.of(headers.get("Merge").split("\\s+")) : List.of();

            while (!message.isEmpty() && message.get(message.size() - 1).isBlank()) {
                message.remove(message.size() - 1);
            }
            int first = 0;
            while (first < message.size() && message.get(first).isBlank()) {
                first++;
            }
            String subject = first < message.size() ? message.get(first) : null;
            int bodyStart = first + 1;
            while (bodyStart < message.size() && message.get(bodyStart).isBlank()) {
                bodyStart++;
            }
            String body = bodyStart < message.size() ? String.join("\n", message.subList(bodyStart, message.size()))
                    : null;

            Matcher person = PERSON.matcher(author);
            String name = person.matches() ? person.group(1) : author;
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("author_email", person.matches() ? blankToNull(person.group(2)) : null);
            extra.put("committer", blankToNull(headers.get("Commit")));
            extra.put("parents", parents.isEmpty() ? null : String.join(" ", parents));
            records.emit(commitChange(hash, parents, name, authored, committed, subject, body,
                    context.sourceId() + ":" + commitLine), commitLine, dateText, raw.toString(), extra);
            commits++;
        }

        private static String abbreviate(String line) {
            return line.length() > 60 ? line.substring(0, 60) + "..." : line;
        }
    }
}

package org.pmw.analysis.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Replaces the variable parts of a log message with {@value #WILDCARD} before template mining, so that
 * "child pid 1234 exit signal Segmentation fault (11)" and "... pid 987 ..." look alike.
 *
 * <p>The message is split on whitespace and each token is scanned character by character (no regular
 * expressions: masking runs for every imported line). Masked as a whole token: URLs ({@code scheme://...}),
 * e-mail addresses, Windows paths ({@code C:\dir\file}), and MAC/IPv6/UUID-like hex groups. Inside a token:
 * a Unix path ({@code /var/www/html/db.php}, also after '(', '[', '=' or ':' as in {@code chdir(/a/b)} or
 * {@code file=/etc/x.conf}); every run of letters and digits that contains a digit (numbers, hex ids such as
 * {@code 0x1f}, dates and times, {@code blk_-123}, the number in {@code node-246}); a run of eight or more
 * hex letters. Neighbouring variables joined only by {@code . : - / _ @ , +} collapse into one, so IPv4
 * addresses with a port and timestamps become a single {@value #WILDCARD}. The text between the quotes of a
 * quoted token ({@code 'shop'}) is a variable. Finally a data-size unit after a number ({@code 5.2 KB}) joins
 * the number, and a run of identical variable tokens ({@code blk_1 blk_2 blk_3}) becomes one, since such lists
 * vary in length but not in kind. Quoted strings spanning several tokens are left as words.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageMasker {

    /** What a masked variable looks like in a template. */
    public static final String WILDCARD = "<*>";

    private MessageMasker() {
    }

    /** The message with its variables masked, tokens joined by single spaces. */
    public static String mask(String message) {
        return String.join(" ", maskedTokens(message));
    }

    /** The whitespace-separated tokens of the message, each with its variables masked. */
    public static String[] maskedTokens(String message) {
        List<String> tokens = new ArrayList<>();
        int n = message.length();
        int i = 0;
        StringBuilder scratch = new StringBuilder(32);
        while (i < n) {
            while (i < n && Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            if (i > start) {
                String token = maskToken(message, start, i, scratch);
                int last = tokens.size() - 1;
                int unitEnd = sizeUnitEnd(token);
                if (unitEnd > 0 && last >= 0 && tokens.get(last).equals(WILDCARD)) {
                    // "5.2 KB," and "880 B," are one quantity: fold the unit into the number's wildcard
                    tokens.set(last, unitEnd == token.length() ? WILDCARD : WILDCARD + token.substring(unitEnd));
                } else if (last >= 0 && token.equals(tokens.get(last)) && hasVariable(token)) {
                    // a list of like variables ("blk_1 blk_2 blk_3") varies in length, not in kind
                } else {
                    tokens.add(token);
                }
            }
        }
        return tokens.toArray(new String[0]);
    }

    private static final Set<String> SIZE_UNITS = Set.of("B", "KB", "kB", "MB", "GB", "TB",
            "KiB", "MiB", "GiB", "TiB");

    /** Length of a data-size unit at the start of the token when only punctuation follows it, else 0. */
    private static int sizeUnitEnd(String token) {
        if (token.isEmpty() || "BKkMGT".indexOf(token.charAt(0)) < 0) {
            return 0;
        }
        int k = 0;
        while (k < token.length() && Character.isLetter(token.charAt(k))) {
            k++;
        }
        if (k == 0 || k > 3 || !SIZE_UNITS.contains(token.substring(0, k))) {
            return 0;
        }
        return onlyTrailingPunctuation(token, k, token.length()) ? k : 0;
    }

    /** True when a masked token contains a variable. */
    public static boolean hasVariable(String maskedToken) {
        return maskedToken.contains(WILDCARD);
    }

    static String maskToken(String s, int start, int end, StringBuilder out) {
        if (isWholeTokenVariable(s, start, end)) {
            return WILDCARD;
        }
        char first = s.charAt(start);
        if ((first == '\'' || first == '"') && end - start >= 2) {
            int close = s.lastIndexOf(first, end - 1);
            if (close > start && onlyTrailingPunctuation(s, close + 1, end)) {
                out.setLength(0);
                out.append(first).append(close > start + 1 ? WILDCARD : "").append(s, close, end);
                return out.toString();
            }
        }
        return maskRuns(s, start, end, out);
    }

    private static boolean onlyTrailingPunctuation(String s, int from, int end) {
        for (int k = from; k < end; k++) {
            char c = s.charAt(k);
            if (c != ',' && c != ';' && c != ':' && c != ')' && c != ']' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** URLs, e-mail addresses and file paths are variables as a whole. */
    private static boolean isWholeTokenVariable(String s, int start, int end) {
        int slashes = 0;
        int backslashes = 0;
        int at = -1;
        boolean dotAfterAt = false;
        boolean letters = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '/') {
                slashes++;
                if (k + 1 < end && s.charAt(k + 1) == '/' && k > start && s.charAt(k - 1) == ':') {
                    return true; // scheme://
                }
            } else if (c == '\\') {
                backslashes++;
            } else if (c == '@') {
                at = k;
            } else if (c == '.' && at >= 0) {
                dotAfterAt = true;
            } else if (Character.isLetter(c)) {
                letters = true;
            }
        }
        if (at > start && dotAfterAt && letters && isWordChar(s.charAt(at - 1)) && at + 1 < end
                && Character.isLetter(s.charAt(at + 1))) {
            return true; // user@example.com
        }
        if (isHexGroups(s, start, end)) {
            return true;
        }
        char first = s.charAt(start);
        return backslashes >= 2 && end - start > 2 && Character.isLetter(first) && s.charAt(start + 1) == ':';
    }

    /** MAC addresses, IPv6 addresses, UUIDs: three or more hex groups joined by ':' or '-', with a digit. */
    private static boolean isHexGroups(String s, int start, int end) {
        int groups = 1;
        int groupLength = 0;
        boolean digit = false;
        char joiner = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == ':' || c == '-') {
                if (joiner != 0 && c != joiner) {
                    return false;
                }
                joiner = c;
                groups++;
                groupLength = 0;
            } else if (c >= '0' && c <= '9') {
                digit = true;
                groupLength++;
            } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                groupLength++;
            } else {
                return false;
            }
            if (groupLength > 12) {
                return false;
            }
        }
        return digit && groups >= 3;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c > 127
                && Character.isLetterOrDigit(c);
    }

    /**
     * End of a file path that starts at {@code k} inside a token (after '(', '=', '[', ':' or a quote, as in
     * {@code chdir(/p/a/b)} or {@code [file=/etc/x.conf]}), or -1 when none starts there. A path starts with
     * '/', './' or '~/', has a second '/' and a letter, and ends before a closing bracket, quote, comma or
     * semicolon, or before a ':' or '.' that ends the token.
     */
    private static int pathEnd(String s, int start, int k, int end) {
        if (k > start) {
            char before = s.charAt(k - 1);
            if (before != '(' && before != '=' && before != '[' && before != ':' && before != '\'' && before != '"') {
                return -1;
            }
        }
        char c = s.charAt(k);
        if (c != '/' && !(k + 1 < end && s.charAt(k + 1) == '/')) {
            return -1;
        }
        int slashes = 0;
        boolean letter = false;
        int e = k;
        while (e < end) {
            char x = s.charAt(e);
            if (x == ')' || x == ']' || x == '\'' || x == '"' || x == ',' || x == ';') {
                break;
            }
            if (x == '/') {
                slashes++;
            } else if (Character.isLetter(x)) {
                letter = true;
            }
            e++;
        }
        while (e > k && (s.charAt(e - 1) == ':' || s.charAt(e - 1) == '.')) {
            e--;
        }
        boolean dotted = c == '.' || c == '~';
        return letter && (slashes >= 2 || dotted && slashes >= 1) && e > k + 1 ? e : -1;
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == ':' || c == '-' || c == '/' || c == '_' || c == '@' || c == ',' || c == '+';
    }

    /** Masks runs of letters and digits that contain a digit (or are long hex); collapses joined variables. */
    private static String maskRuns(String s, int start, int end, StringBuilder out) {
        out.setLength(0);
        boolean changed = false;
        int k = start;
        // index in out just after the last emitted wildcard, or -1 when the text since then is not joiners only
        int afterWildcard = -1;
        while (k < end) {
            char c = s.charAt(k);
            int pathEnd = c == '/' || c == '.' || c == '~' ? pathEnd(s, start, k, end) : -1;
            if (pathEnd > 0) {
                out.append(WILDCARD);
                afterWildcard = -1;
                changed = true;
                k = pathEnd;
                continue;
            }
            if (!isWordChar(c)) {
                out.append(c);
                if (afterWildcard >= 0 && !isJoiner(c)) {
                    afterWildcard = -1;
                }
                k++;
                continue;
            }
            int runStart = k;
            boolean digit = false;
            boolean allHex = true;
            while (k < end && isWordChar(s.charAt(k))) {
                char r = s.charAt(k);
                if (r >= '0' && r <= '9') {
                    digit = true;
                } else if (!((r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F'))) {
                    allHex = false;
                }
                k++;
            }
            boolean variable = digit || (allHex && k - runStart >= 8);
            if (!variable) {
                out.append(s, runStart, k);
                afterWildcard = -1;
                continue;
            }
            changed = true;
            if (afterWildcard >= 0) {
                out.setLength(afterWildcard); // drop the joiners: one variable spans them
            } else {
                // a minus sign directly before a number belongs to it (blk_-123, keyId: -12)
                int len = out.length();
                if (len > 0 && out.charAt(len - 1) == '-' && (len == 1 || !isWordChar(out.charAt(len - 2)))) {
                    out.setLength(len - 1);
                }
                out.append(WILDCARD);
            }
            afterWildcard = out.length();
        }
        return changed ? out.toString() : s.substring(start, end);
    }
}

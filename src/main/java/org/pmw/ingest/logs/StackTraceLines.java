package org.pmw.ingest.logs;

/**
 * Recognises the lines of a stack trace that an application writes after its log line: Java's (frames,
 * {@code Caused by:}, {@code ... 5 more}, the throwable's own line), Python's ({@code Traceback} and its
 * indented frames, up to the exception's line), PHP's ({@code Stack trace:} and its {@code #0} frames) and what
 * Go's runtime writes after a {@code panic:} line (its goroutines, their function and file:line lines).
 * One instance per stream of lines: it remembers whether a Python, PHP or Go trace is under way.
 */
final class StackTraceLines {

    private boolean inPythonTrace;
    private boolean inPhpTrace;
    private boolean inGoTrace;

    /**
     * Whether the line continues what came before it (an indented line, a Java trace line, a Python or PHP trace
     * under way), updating what this stream is in. A line that continues nothing ends any trace.
     */
    boolean continues(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            return true;
        }
        if (inGoTrace) {
            if (continuesGoTrace(line)) {
                inGoTrace = !line.startsWith("exit status ");
                return true;
            }
            inGoTrace = false;
        }
        if (opensGoTrace(line)) {
            // the panic's own line opens an event: what the runtime writes after it joins that event
            inGoTrace = true;
            inPythonTrace = false;
            inPhpTrace = false;
            return false;
        }
        if (line.startsWith("Traceback (most recent call last):")) {
            inPythonTrace = true;
            inPhpTrace = false;
            return true;
        }
        if (line.equals("During handling of the above exception, another exception occurred:")
                || line.equals("The above exception was the direct cause of the following exception:")) {
            return true;
        }
        if (inPythonTrace) {
            // the first unindented line after the frames names the exception: "ValueError: bad", "KeyError"
            inPythonTrace = false;
            if (looksLikePythonException(line)) {
                return true;
            }
        }
        if (line.startsWith("Stack trace:")) {
            inPhpTrace = true;
            return true;
        }
        if (inPhpTrace && first == '#' && Timestamps.digitRunEnd(line, 1) > 1) {
            return true;
        }
        inPhpTrace = false;
        return isJavaTraceLine(line);
    }

    /**
     * Whether the line is the first of what Go's runtime writes when a program dies: {@code panic: ...} or
     * {@code fatal error: ...} (a deadlock, concurrent map writes).
     */
    static boolean opensGoTrace(String line) {
        return line.startsWith("panic: ") || line.startsWith("fatal error: ");
    }

    /**
     * The unindented lines of a Go panic's report after its first: {@code [signal SIGSEGV: ...]}, each goroutine's
     * {@code goroutine 1 [running]:}, its function lines ({@code main.(*Server).handle(0x0, {0x5a1b20, 0xc000012345})},
     * {@code main.main()}, {@code panic({0x5c3b40?, 0x8a1f70?})}; the file:line under each is indented),
     * {@code created by ...}, {@code ...additional frames elided...}, and {@code exit status 2} from {@code go run}.
     */
    private static boolean continuesGoTrace(String line) {
        if (line.startsWith("[signal ") || line.startsWith("created by ")
                || line.equals("...additional frames elided...")) {
            return true;
        }
        if (line.startsWith("goroutine ") && line.endsWith(":")) {
            return true;
        }
        if (line.startsWith("exit status ")) {
            return Timestamps.digitRunEnd(line, 12) == line.length() && line.length() > 12;
        }
        int open = line.indexOf('(');
        if (open <= 0 || !line.endsWith(")")) {
            return false;
        }
        for (int i = 0; i < open; i++) {
            if (Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the line is the start of a Python traceback, which Python writes only for an exception. */
    static boolean opensPythonTrace(String line) {
        return line.startsWith("Traceback (most recent call last):");
    }

    /**
     * Whether the line is the first line of a Java stack trace: the JVM's {@code Exception in thread "main" ...} for
     * an exception nothing caught, or the throwable's own line ({@code java.lang.IllegalStateException: closed}) as
     * {@code printStackTrace} and a logger write it.
     */
    static boolean opensJavaTrace(String line) {
        return line.startsWith("Exception in thread \"") || looksLikeThrowable(line);
    }

    /** A Java frame, "Caused by:", "Suppressed:", "... 12 more" or the throwable's own first line. */
    static boolean isJavaTraceLine(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("at ") && trimmed.indexOf('(') > 3 || trimmed.startsWith("Caused by:")
                || trimmed.startsWith("Suppressed:") || trimmed.startsWith("...") && trimmed.endsWith("more")
                || looksLikeThrowable(line);
    }

    /** "java.sql.SQLException: ..." and the like: the first line of a Java stack trace. */
    static boolean looksLikeThrowable(String line) {
        int end = 0;
        while (end < line.length() && (Character.isJavaIdentifierPart(line.charAt(end)) || line.charAt(end) == '.')) {
            end++;
        }
        String name = line.substring(0, end);
        return name.indexOf('.') > 0 && (name.endsWith("Exception") || name.endsWith("Error")
                || name.endsWith("Throwable"));
    }

    /** "ValueError: bad input", "requests.exceptions.ConnectionError: ...", "KeyboardInterrupt". */
    private static boolean looksLikePythonException(String line) {
        int end = 0;
        while (end < line.length() && (Character.isJavaIdentifierPart(line.charAt(end)) || line.charAt(end) == '.')) {
            end++;
        }
        return end > 0 && Character.isJavaIdentifierStart(line.charAt(0))
                && (end == line.length() || line.charAt(end) == ':');
    }
}

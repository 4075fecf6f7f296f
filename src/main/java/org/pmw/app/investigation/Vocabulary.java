package org.pmw.app.investigation;

import java.util.List;
import java.util.Locale;

/** The words the investigation records accept, and how a wrong one is reported. */
public final class Vocabulary {

    public static final List<String> CHANGE_KINDS =
            List.of("code", "config", "deploy", "rollback", "infra", "feature_flag", "scaling", "other");
    public static final List<String> LINK_TYPES =
            List.of("tests", "supports", "refutes", "addresses", "evaluates", "caused_by", "relates_to");
    public static final List<String> EXPERIMENT_VERDICTS = List.of("pending", "supports", "refutes", "inconclusive");
    public static final List<String> ACTION_TYPES = List.of("mitigate", "prevent", "process", "other");
    public static final List<String> ACTION_STATUSES = List.of("open", "in_progress", "done");
    /** Where the postmortem stands, as its header says it (the Report tab's Status). */
    public static final List<String> REPORT_STATUSES = List.of("draft", "reviewed", "final");
    /** The incident's milestones, in the order they must happen; each is set at most once. */
    public static final List<String> MARKER_KINDS = List.of("outage_begins", "detected", "mitigated", "ends");
    /** Any other marker: a free label, as many as wanted. */
    public static final String CUSTOM_MARKER = "custom";
    /** Every word a marker's kind may be. */
    public static final List<String> ANY_MARKER = java.util.stream.Stream.concat(MARKER_KINDS.stream(),
            java.util.stream.Stream.of(CUSTOM_MARKER)).toList();

    private Vocabulary() {
    }

    /** Lower case, with spaces and hyphens as underscores: "Feature-Flag" becomes "feature_flag". */
    public static String normalise(String word) {
        return word.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** The normalised word if it is one of {@code allowed}, else an error naming them all. */
    public static String require(String what, String word, List<String> allowed) {
        if (word == null || word.isBlank()) {
            throw new IllegalArgumentException("missing " + what + " (expected " + String.join(", ", allowed) + ")");
        }
        String w = normalise(word);
        if (!allowed.contains(w)) {
            throw new IllegalArgumentException("unknown " + what + " '" + word + "' (expected "
                    + String.join(", ", allowed) + ")");
        }
        return w;
    }
}

package org.pmw.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.pmw.analysis.outcome.OutcomeResult;
import org.pmw.analysis.outcome.WindowStats;
import org.pmw.model.Outcome;

/** An outcome measured against the index, in words: both rates, the change and whether it is real. */
public final class OutcomeText {

    private OutcomeText() {
    }

    /** The verdict of the outcome measured now, or null when its windows are not set. */
    public static String verdict(Project project, Outcome o) {
        if (!InvestigationQueries.measurable(o)) {
            return null;
        }
        try {
            return InvestigationQueries.result(project, o).verdict();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String describe(Project project, Outcome o) throws IOException {
        if (!InvestigationQueries.measurable(o)) {
            return null;
        }
        OutcomeResult r = InvestigationQueries.result(project, o);
        WindowStats b = r.before();
        WindowStats a = r.after();
        String words = r.explanation() == null ? r.verdict() : r.explanation();
        if (o.denominatorQuery() == null) {
            return String.format(Locale.ROOT, "Before: %d events in %.0f min. After: %d in %.0f min. %s", b.count(),
                    b.minutes(), a.count(), a.minutes(), words);
        }
        return String.format(Locale.ROOT, "Before: %d of %d (%.3f%%). After: %d of %d (%.3f%%). %s", b.count(),
                b.denominator(), percent(b), a.count(), a.denominator(), percent(a), words);
    }

    private static double percent(WindowStats s) {
        return s.denominator() == null || s.denominator() == 0 ? 0 : 100.0 * s.count() / s.denominator();
    }
}

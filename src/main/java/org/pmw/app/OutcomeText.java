package org.pmw.app;

import java.io.IOException;
import java.util.Locale;
import org.pmw.analysis.outcome.OutcomeResult;
import org.pmw.analysis.outcome.OutcomeStatistics;
import org.pmw.model.Outcome;

/** An outcome measured against the index, in words: both rates, the change and whether it is real. */
public final class OutcomeText {

    private OutcomeText() {
    }

    /** The verdict of the outcome measured now, or null when its windows are not set. */
    public static String verdict(Project project, Outcome o) {
        if (o.before() == null || o.after() == null || o.before().start() == null || o.after().end() == null
                || o.before().end() == null || o.after().start() == null) {
            return null;
        }
        try {
            double beforeMin = o.before().duration().toMillis() / 60_000.0;
            double afterMin = o.after().duration().toMillis() / 60_000.0;
            long b = project.count(o.query(), o.before().start(), o.before().end());
            long a = project.count(o.query(), o.after().start(), o.after().end());
            if (o.denominatorQuery() == null) {
                return OutcomeStatistics.compareRates(b, beforeMin, a, afterMin).verdict();
            }
            return OutcomeStatistics.compareRatios(b, project.count(o.denominatorQuery(), o.before().start(),
                    o.before().end()), a, project.count(o.denominatorQuery(), o.after().start(), o.after().end()))
                    .verdict();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String describe(Project project, Outcome o) throws IOException {
        if (o.before() == null || o.after() == null || o.before().start() == null || o.after().end() == null) {
            return null;
        }
        double beforeMin = o.before().duration().toMillis() / 60_000.0;
        double afterMin = o.after().duration().toMillis() / 60_000.0;
        long b = project.count(o.query(), o.before().start(), o.before().end());
        long a = project.count(o.query(), o.after().start(), o.after().end());
        OutcomeResult r;
        if (o.denominatorQuery() == null) {
            r = OutcomeStatistics.compareRates(b, beforeMin, a, afterMin);
            return String.format(Locale.ROOT, "Before: %d events in %.0f min. After: %d in %.0f min. %s", b, beforeMin,
                    a, afterMin, r.explanation() == null ? r.verdict() : r.explanation());
        }
        long bd = project.count(o.denominatorQuery(), o.before().start(), o.before().end());
        long ad = project.count(o.denominatorQuery(), o.after().start(), o.after().end());
        r = OutcomeStatistics.compareRatios(b, bd, a, ad);
        return String.format(Locale.ROOT, "Before: %d of %d (%.3f%%). After: %d of %d (%.3f%%). %s", b, bd,
                bd == 0 ? 0 : 100.0 * b / bd, a, ad, ad == 0 ? 0 : 100.0 * a / ad,
                r.explanation() == null ? r.verdict() : r.explanation());
    }
}

package org.pmw.model;

/** The prose of the postmortem, written by the user; null fields are still to be written. */
public record ReportText(String summary, String impact, String rootCauses, String trigger, String resolution,
                         String detection, String wentWell, String wentWrong, String gotLucky) {

    public static ReportText empty() {
        return new ReportText(null, null, null, null, null, null, null, null, null);
    }
}

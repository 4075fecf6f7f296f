package org.pmw.model;

/** The prose of the postmortem, written by the user; null fields are still to be written. */
public record ReportText(String summary, String impact, String rootCauses, String trigger, String resolution,
                         String detection, String wentWell, String wentWrong, String gotLucky) {

    /** The sections by the names the command line gives them, in the order of the fields. */
    public static final java.util.List<String> SECTIONS = java.util.List.of("summary", "impact", "root_causes",
            "trigger", "resolution", "detection", "went_well", "went_wrong", "got_lucky");

    public static ReportText empty() {
        return new ReportText(null, null, null, null, null, null, null, null, null);
    }

    /** This prose with one section ({@link #SECTIONS}) replaced; a blank text clears it. */
    public ReportText with(String section, String text) {
        int at = SECTIONS.indexOf(section);
        if (at < 0) {
            throw new IllegalArgumentException("unknown report section '" + section + "' (expected "
                    + String.join(", ", SECTIONS) + ")");
        }
        String[] v = {summary, impact, rootCauses, trigger, resolution, detection, wentWell, wentWrong, gotLucky};
        v[at] = text == null || text.isBlank() ? null : text;
        return new ReportText(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }
}

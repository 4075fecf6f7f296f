package org.pmw.report;

import java.util.List;

/** Section orders and titles of the postmortem templates people already use. */
public enum Template {
    /** The Google SRE book's example postmortem. */
    SRE(List.of(Section.SUMMARY, Section.IMPACT, Section.ROOT_CAUSES, Section.TRIGGER, Section.RESOLUTION,
            Section.DETECTION, Section.ACTION_ITEMS, Section.LESSONS, Section.TIMELINE, Section.SUPPORTING)),
    /** PagerDuty's postmortem template: leadup, fault, impact, detection, response and recovery, then actions. */
    PAGERDUTY(List.of(Section.SUMMARY, Section.TRIGGER, Section.ROOT_CAUSES, Section.IMPACT, Section.DETECTION,
            Section.RESOLUTION, Section.TIMELINE, Section.SUPPORTING, Section.LESSONS, Section.ACTION_ITEMS)),
    /** Atlassian's incident postmortem: summary, leadup, fault, impact, detection, recovery, timeline, causes. */
    ATLASSIAN(List.of(Section.SUMMARY, Section.TRIGGER, Section.IMPACT, Section.DETECTION, Section.RESOLUTION,
            Section.TIMELINE, Section.ROOT_CAUSES, Section.LESSONS, Section.ACTION_ITEMS, Section.SUPPORTING));

    private final List<Section> order;

    Template(List<Section> order) {
        this.order = order;
    }

    public List<Section> order() {
        return order;
    }

    /** The heading a section has in this template. */
    public String title(Section s) {
        return switch (this) {
            case SRE -> s.sreTitle;
            case PAGERDUTY -> switch (s) {
                case TRIGGER -> "Leadup";
                case ROOT_CAUSES -> "Fault";
                case RESOLUTION -> "Response and recovery";
                case SUPPORTING -> "Related records";
                default -> s.sreTitle;
            };
            case ATLASSIAN -> switch (s) {
                case SUMMARY -> "Incident summary";
                case TRIGGER -> "Leadup";
                case RESOLUTION -> "Recovery";
                case ROOT_CAUSES -> "Root cause";
                case ACTION_ITEMS -> "Corrective actions";
                default -> s.sreTitle;
            };
        };
    }

    public static Template of(String name) {
        for (Template t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown template '" + name + "' (sre, pagerduty or atlassian)");
    }

    /** The parts of a postmortem. */
    public enum Section {
        SUMMARY("Summary"), IMPACT("Impact"), ROOT_CAUSES("Root Causes"), TRIGGER("Trigger"),
        RESOLUTION("Resolution"), DETECTION("Detection"), ACTION_ITEMS("Action Items"),
        LESSONS("Lessons Learned"), TIMELINE("Timeline"), SUPPORTING("Supporting information");

        final String sreTitle;

        Section(String sreTitle) {
            this.sreTitle = sreTitle;
        }
    }
}

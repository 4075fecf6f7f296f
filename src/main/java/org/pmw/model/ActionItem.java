package org.pmw.model;

/** A follow-up, as in the SRE postmortem template. type: mitigate, prevent, process or other. */
public record ActionItem(String id, String action, String type, String owner, String ticket, String status) {
}

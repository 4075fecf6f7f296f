package org.pmw.model;

/** A query and optional time window that can be run again. */
public record SavedSearch(String id, String name, String query, TimeWindow window) {
}

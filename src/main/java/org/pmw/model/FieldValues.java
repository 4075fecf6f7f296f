package org.pmw.model;

import java.util.List;

/**
 * The values one field takes among the events that match a search, most frequent first.
 *
 * @param field    the field
 * @param numeric  whether its values are numbers (a search names them without quotes)
 * @param matching how many events match the search
 * @param withField how many of them have the field
 * @param distinct how many different values they have
 * @param top      the most frequent values, each with its count
 */
public record FieldValues(String field, boolean numeric, long matching, long withField, long distinct, List<Value> top) {

    public FieldValues {
        top = List.copyOf(top);
    }

    /** One value and how many matching events have it. */
    public record Value(String value, long count) {
    }
}

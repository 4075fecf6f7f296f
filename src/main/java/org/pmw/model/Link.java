package org.pmw.model;

/**
 * A typed relation between two records (ids), for example E1 tests H3, C2 addresses H3, O1 evaluates C3.
 * Types: tests, supports, refutes, addresses, evaluates, caused_by, relates_to.
 */
public record Link(String from, String type, String to) {
}

package org.pmw.index;

import java.util.List;

/** What the last commit of an index says about itself: schema version, the sources it holds, its fields. */
public record IndexState(boolean exists, int version, List<String> sources, long documents) {

    public static IndexState missing() {
        return new IndexState(false, 0, List.of(), 0);
    }
}

package org.pmw.model;

import java.time.Instant;
import java.util.List;

/**
 * Something that was changed: code, config, deploy, rollback, infra, feature_flag, scaling or other.
 *
 * @param hypothesis the hypothesis this change addresses, or null
 * @param origin     where the record came from: "manual" or {@code source:line} of an imported change file
 */
public record Change(String id, String kind, String title, String description, String service, String target,
                     String environment, Instant startedAt, Instant endedAt, String status, String actor,
                     String revision, String previousRevision, String url, String ticket, List<String> tags,
                     String hypothesis, String origin) {

    public Change {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}

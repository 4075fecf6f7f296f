package org.pmw.model;

import java.time.Instant;
import java.util.List;

/**
 * Something that was changed: code, config, deploy, rollback, infra, feature_flag, scaling or other.
 *
 * @param hypothesis the hypothesis this change addresses, or null
 * @param origin     where the record came from: "manual" or {@code source:line} of an imported change file
 * @param externalId the change's id in the system it came from (a deploy id, a ticket key), or null
 * @param system     the system that recorded it (the change file's {@code source} column), or null
 */
public record Change(String id, String kind, String title, String description, String service, String target,
                     String environment, Instant startedAt, Instant endedAt, String status, String actor,
                     String revision, String previousRevision, String url, String ticket, List<String> tags,
                     String hypothesis, String origin, String externalId, String system) {

    public Change {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A change without an external id or recording system (entered by hand). */
    public Change(String id, String kind, String title, String description, String service, String target,
                  String environment, Instant startedAt, Instant endedAt, String status, String actor,
                  String revision, String previousRevision, String url, String ticket, List<String> tags,
                  String hypothesis, String origin) {
        this(id, kind, title, description, service, target, environment, startedAt, endedAt, status, actor,
                revision, previousRevision, url, ticket, tags, hypothesis, origin, null, null);
    }
}

package io.leverwatch.compliance.operator.deadletter;

import java.util.Collection;

/** Dead letters of a processing group that has no dead-letter queue (or does not exist). */
public class UnknownDeadLetterGroupException extends RuntimeException {

    private final String group;

    public UnknownDeadLetterGroupException(String group, Collection<String> known) {
        super("no dead-letter queue for processing group " + group + "; the groups are " + String.join(", ", known));
        this.group = group;
    }

    public String group() {
        return group;
    }
}

package io.outdial.dialer.dnc;

import io.outdial.dialer.store.CallingRecord;
import java.util.List;
import java.util.Optional;

/**
 * What a retrieval gave: the record to dial (or none), and the records refused by the pre-dial check on the way.
 * When the last refusal selected no next number and the retrieval was for an agent, {@code record} is empty and
 * the agent marks the refused record Done.
 */
public record Retrieval(Optional<CallingRecord> record, List<DncNotice> notices) {

    public Retrieval {
        notices = List.copyOf(notices);
    }

    /** The refusal the agent must mark Done, if the retrieval stopped on one. */
    public Optional<DncNotice> refusedForAgent() {
        return record.isEmpty() && !notices.isEmpty() && !notices.get(notices.size() - 1).nextNumberSelected()
                ? Optional.of(notices.get(notices.size() - 1)) : Optional.empty();
    }
}

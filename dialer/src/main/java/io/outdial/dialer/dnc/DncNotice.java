package io.outdial.dialer.dnc;

import io.outdial.dialer.store.CallingRecord;

/**
 * A record refused by its pre-dial check (closed Do Not Call, never dialed).
 *
 * @param record             the record as it was retrieved
 * @param nextNumberSelected the contact has another number, due now, that is tried next
 */
public record DncNotice(CallingRecord record, DncReason reason, boolean nextNumberSelected) {

    public String message() {
        return reason.message(nextNumberSelected);
    }
}

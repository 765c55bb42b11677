package io.outdial.dialer.preview;

import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.dnc.DncNotice;

/** The {@code DoNotCallNotice} event of a refused record, as the preview desks send it to their agent. */
final class DncNotices {
    private DncNotices() {
    }

    static CtiEvent.DoNotCallNotice event(String requestId, String interactionId, DncNotice n) {
        return new CtiEvent.DoNotCallNotice(requestId, n.record().campaign(), interactionId, n.record().recordId(),
                n.record().contactInfo(), n.reason().wireName(), n.nextNumberSelected(), n.message());
    }
}

package io.outdial.dialer.preview;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.dnc.DncNotice;

/** A refused record's do-not-call notice, as the preview desks tell their agent. */
final class DncNotices {
    private DncNotices() {
    }

    static void tell(Agent agent, String requestId, String interactionId, DncNotice n) {
        agent.desktop().doNotCall(requestId, interactionId, n.record(), n.reason().wireName(), n.nextNumberSelected(),
                n.message());
    }
}

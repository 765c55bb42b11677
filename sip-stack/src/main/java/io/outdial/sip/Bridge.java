package io.outdial.sip;

import io.outdial.media.RtpRelay;

/** Two answered legs whose media is relayed to each other. When either ends, the bridge hangs up the other. */
public interface Bridge {

    Leg a();

    Leg b();

    RtpRelay relay();

    /** Hangs up both legs. */
    void hangup();
}

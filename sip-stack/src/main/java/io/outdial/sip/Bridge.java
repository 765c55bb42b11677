package io.outdial.sip;

import io.outdial.media.RtpRelay;

/** Two answered legs whose media is relayed to each other. When either ends, the bridge hangs up the other. */
public interface Bridge {

    Leg a();

    Leg b();

    RtpRelay relay();

    /** Stops relaying (one side is on hold; the legs stay up). No-op when already held. Call's executor only. */
    void hold();

    /** Relays again after {@link #hold()}. No-op when not held. Call's executor only. */
    void retrieve();

    /** Whether {@link #hold()} is in effect. */
    boolean held();

    /**
     * Unties the two legs: the relay stops and the end of one no longer hangs up the other; both stay up for their
     * owner to bridge elsewhere or hang up (a transfer hands the contact to another leg). Hold and retrieve do
     * nothing afterwards. Idempotent. Call's executor only.
     */
    void dissolve();

    /** Hangs up both legs. */
    void hangup();
}

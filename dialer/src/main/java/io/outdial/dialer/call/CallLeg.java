package io.outdial.dialer.call;

import io.outdial.media.StreamStats;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegListener;
import io.outdial.sip.SipUserAgent;
import java.time.Instant;

/**
 * One leg of a call: dialed on the call's executor with its events guarded by the call's {@link CallSteps}, hung up,
 * gone or not, its media. A leg may also be one dialed elsewhere and lent to the call (an engaged agent's leg, a side
 * call's target that took the agent's place). Call's executor only, except where a method says otherwise.
 */
final class CallLeg {
    private final CallSteps steps;
    private final SipUserAgent userAgent;
    /** Volatile only so that {@link #media()} and {@link #inviteSent()} may be read from another thread. */
    private volatile Leg leg;

    CallLeg(CallSteps steps, SipUserAgent userAgent) {
        this.steps = steps;
        this.userAgent = userAgent;
    }

    /** Dials the leg; its events reach {@code listener} on the call's executor, guarded. */
    void dial(DialRequest request, LegListener listener) {
        leg = userAgent.dial(request, steps.executor(), steps.guarded(listener));
    }

    /** The leg, or null before it is dialed or lent. */
    Leg leg() {
        return leg;
    }

    /** From now on this leg is {@code lent} (dialed by another call, or a side call's target). */
    void lend(Leg lent) {
        leg = lent;
    }

    void hangUp() {
        if (leg != null) {
            leg.hangup();
        }
    }

    /** True when the leg is not up: never dialed, or terminal. */
    boolean gone() {
        Leg l = leg;
        return l == null || l.state().isTerminal();
    }

    /** The leg's RTP counters ({@link CallOutcome#NO_MEDIA} before it has media); safe from any thread. */
    StreamStats media() {
        return CallOutcome.mediaOf(leg);
    }

    /** When the leg's INVITE went out, or null if it never did; safe from any thread. */
    Instant inviteSent() {
        Leg l = leg;
        return l == null ? null : l.inviteSent();
    }
}

package io.outdial.sip;

import io.outdial.core.exec.CallExecutor;

/**
 * The gateway's SIP user agent and B2BUA core: places outbound legs and bridges answered legs with anchored media.
 * Implementations hand JAIN-SIP events to the owning call's executor and never block in listener callbacks.
 */
public interface SipUserAgent extends AutoCloseable {

    /**
     * Sends an INVITE with an SDP offer from a fresh RTP endpoint. Events reach {@code listener} on {@code executor},
     * in order. The leg CANCELs itself when {@code request.ringTimeout()} passes without an answer.
     */
    Leg dial(DialRequest request, CallExecutor executor, LegListener listener);

    /**
     * Joins two answered legs of the same call: relays their RTP (transcoding if the codecs differ) and ties
     * their ends together (BYE from one side makes the bridge BYE the other). Must be called on the call's executor.
     */
    Bridge bridge(Leg a, Leg b);

    /** Legs not yet terminated, for metrics and leak checks. */
    int activeLegs();

    /** Hangs up every leg and stops the stack. */
    @Override
    void close();

    /**
     * Registers the gateway with {@code trunk} (its {@code registration}), refreshing and retrying until
     * {@link #close()}, which removes the binding. A trunk without registration gets
     * {@link io.outdial.sip.trunk.TrunkRegistration#NOT_REQUIRED}.
     *
     * @throws UnsupportedOperationException if this user agent cannot register
     */
    default io.outdial.sip.trunk.TrunkRegistration registerWithTrunk(TrunkConfig trunk) {
        if (trunk.registration() == null) {
            return io.outdial.sip.trunk.TrunkRegistration.NOT_REQUIRED;
        }
        throw new UnsupportedOperationException("this user agent cannot register with a trunk");
    }

    /** The built-in registrar's current bindings (agents' phones); none for an agent without a registrar. */
    default io.outdial.sip.registrar.Registrations registrations() {
        return io.outdial.sip.registrar.Registrations.none();
    }

    /** REGISTER attempts refused (wrong or unknown credentials, malformed headers) since start. */
    default long registerFailures() {
        return 0;
    }

    /** What SIP traffic this user agent has seen so far; an agent that counts nothing answers zeros. */
    default SipTraffic traffic() {
        return new SipTraffic();
    }
}

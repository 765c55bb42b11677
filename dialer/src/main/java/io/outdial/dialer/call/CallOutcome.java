package io.outdial.dialer.call;

import io.outdial.dialer.record.CallResult;
import io.outdial.media.StreamStats;
import io.outdial.sip.Leg;

/**
 * How a campaign call ended.
 *
 * @param result         the call result to write on the record
 * @param attempted      false when the contact was never really dialed (cancelled by an unload before any answer):
 *                       the record goes back to Ready without counting an attempt
 * @param agentConnected true if the agent talked to the contact
 * @param agentFailed    true if the agent's phone did not answer (the agent is set Not Ready)
 * @param contactMedia   the contact leg's RTP counters at the end
 * @param agentMedia     the agent leg's RTP counters at the end ({@link #NO_MEDIA} if the agent was never called)
 */
public record CallOutcome(CallResult result, boolean attempted, boolean agentConnected, boolean agentFailed,
                          StreamStats contactMedia, StreamStats agentMedia) {

    /** Counters of a leg that never had media. */
    public static final StreamStats NO_MEDIA = new StreamStats(0, 0, 0, 0);

    /** A leg's RTP counters, or {@link #NO_MEDIA} for a leg never placed or without media. */
    public static StreamStats mediaOf(Leg leg) {
        return leg == null || leg.media() == null ? NO_MEDIA : leg.media().stats();
    }
}

package io.outdial.media;

/**
 * Relays RTP both ways between two endpoints of a bridged call, rewriting SSRC, sequence number, timestamp and
 * payload type for the outgoing side and transcoding PCMU/PCMA when the two sides chose different codecs.
 */
public interface RtpRelay {

    /** Packets forwarded from a to b plus from b to a since the relay started. */
    long packetsRelayed();

    /** Stops relaying; the endpoints stay open (their owner closes them). Idempotent. */
    void stop();
}

package io.outdial.media.transport;

import io.outdial.media.RtpPeer;
import java.net.InetSocketAddress;

/**
 * Symmetric RTP for one endpoint: which source the peer's packets really come from (a phone behind NAT sends from
 * another port than its SDP says). The first packet from the peer's address latches its source; a peer that moves
 * to another address starts the latch over. Confined to the endpoint's event loop.
 */
final class SourceLatch {

    /** What the latch makes of a packet's sender. */
    enum Admission {
        /** Not the peer (or no peer yet): the packet is dropped. */
        REFUSED,
        /** The latched source. */
        LATCHED,
        /** The peer's first packet: its source is latched now, and the socket is to be connected to it. */
        LATCHED_NOW
    }

    // the peer the latch belongs to, and the source its packets actually come from
    private RtpPeer followed;
    private InetSocketAddress latched;

    /** Whether {@code current} moved to another address since the last call; the latch then starts over. */
    boolean peerMoved(RtpPeer current) {
        if (current == followed) {
            return false;
        }
        RtpPeer before = followed;
        followed = current;
        if (before == null || current == null || before.remote().equals(current.remote())) {
            return false;
        }
        latched = null;
        return true;
    }

    /** Whether a packet from {@code sender} is the peer's, latching on the first one from its address. */
    Admission admit(RtpPeer current, InetSocketAddress sender) {
        if (current == null) {
            return Admission.REFUSED;
        }
        if (latched != null) {
            return latched.equals(sender) ? Admission.LATCHED : Admission.REFUSED;
        }
        if (!current.remote().getAddress().equals(sender.getAddress())) {
            return Admission.REFUSED;
        }
        latched = sender;
        return Admission.LATCHED_NOW;
    }
}

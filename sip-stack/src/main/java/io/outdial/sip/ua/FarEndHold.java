package io.outdial.sip.ua;

import io.outdial.sip.sdp.Direction;
import io.outdial.sip.sdp.SdpOffer;
import io.outdial.sip.sdp.SessionDescription;

/**
 * The far end's hold and retrieve (RFC 3264 8.4): the direction its latest offer gave our stream, the answer that
 * direction gets (recvonly to sendonly, inactive to inactive, a new o= version each time it changes), and whether
 * the change is news for the leg's owner. Runs on the leg's call executor.
 */
final class FarEndHold {
    private Direction theirs = Direction.SENDRECV;
    private SdpOffer answered;

    /** The direction the offer gives its audio; an RFC 2543 hold (c=0.0.0.0, media or session level) is inactive. */
    private static Direction direction(SessionDescription offer) {
        return offer.firstAudio().map(m -> {
            String address = m.connectionAddress() != null ? m.connectionAddress() : offer.connectionAddress();
            return "0.0.0.0".equals(address) && m.direction() == Direction.SENDRECV ? Direction.INACTIVE
                    : m.direction();
        }).orElse(Direction.SENDRECV);
    }

    /**
     * Takes the far end's new offer; returns true if it changed whether we are on hold (the owner is told then).
     * {@code ours} is the leg's SDP, what the answer is built from.
     */
    boolean offered(SessionDescription offer, SdpOffer ours) {
        boolean wasHeld = held();
        Direction next = direction(offer);
        if (answered == null) {
            answered = ours;
        }
        if (next != theirs) {
            answered = answered.nextVersion();
            theirs = next;
        }
        return wasHeld != held();
    }

    /** True while the far end holds the call (its last offer was sendonly or inactive). */
    boolean held() {
        return theirs == Direction.SENDONLY || theirs == Direction.INACTIVE;
    }

    /** Our answer to the far end's last offer; {@code ours} until it sent one. */
    String answer(SdpOffer ours) {
        return answered == null ? ours.toSdp() : answered.toSdp(theirs.answer());
    }
}

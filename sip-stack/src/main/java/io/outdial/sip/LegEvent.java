package io.outdial.sip;

/** What a leg reports to its owner, always on the call's serial executor. */
public sealed interface LegEvent {

    Leg leg();

    /**
     * 100 Trying. Reported only when it is the first response handled: UDP and the stack's thread pool may deliver
     * it after the 180 that followed it, and then it carries no news.
     */
    record Trying(Leg leg) implements LegEvent { }

    /** 180 Ringing, or 183 without SDP. */
    record Ringing(Leg leg, int status) implements LegEvent { }

    /** 183 (or 180) with SDP: media from the far end before answer now reaches {@code leg.media()}. */
    record EarlyMedia(Leg leg, int status) implements LegEvent { }

    /** 2xx received and ACKed; the media peer is connected. */
    record Answered(Leg leg) implements LegEvent { }

    /**
     * The far end put the answered call on hold ({@code held}: its re-INVITE or UPDATE offered sendonly or inactive,
     * answered recvonly or inactive) or took it off hold (sendrecv again). Reported on each change only.
     */
    record HeldByFarEnd(Leg leg, boolean held) implements LegEvent { }

    /** The leg never got answered. */
    record Failed(Leg leg, int status, String reason, FailureKind kind) implements LegEvent { }

    /** A confirmed leg ended. */
    record Ended(Leg leg, EndReason reason) implements LegEvent { }

    /** Why a leg failed before answer. */
    enum FailureKind {
        /** The far end answered with a final non-2xx status. */
        REJECTED,
        /** Nobody answered before the ring timeout; we sent CANCEL. Status is 487 (or 408 if none came). */
        RING_TIMEOUT,
        /** No response at all (transaction timeout or transport error); status is 408 or 503 made locally. */
        NO_RESPONSE,
        /** We hung up before answer (CANCEL on request of the owner). */
        CANCELLED,
        /** The answer could not be used (e.g. SDP with no common codec); we sent ACK then BYE. */
        MEDIA_MISMATCH
    }

    /** Why an answered leg ended. */
    enum EndReason {
        /** The far end sent BYE. */
        REMOTE_HANGUP,
        /** We sent BYE (owner asked, or the bridged peer hung up). */
        LOCAL_HANGUP,
        /** The far end sent no RTP for the inactivity timeout while it said it would: we sent BYE. */
        MEDIA_TIMEOUT,
        /** The session timer (RFC 4028) ran out without a refresh: we sent BYE. */
        SESSION_EXPIRED,
        /** The dialog broke (BYE timed out, transport failure). */
        ERROR
    }
}

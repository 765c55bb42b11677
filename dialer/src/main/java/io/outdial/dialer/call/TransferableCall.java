package io.outdial.dialer.call;

import io.outdial.sip.DialRequest;
import java.util.concurrent.CompletableFuture;

/**
 * A call whose bridged contact an agent may hand on: hold, blind transfer, conference, consultation. Campaign calls of every
 * dialing mode (progressive, predictive, assured connection and ASM once the contact is bridged) and preview calls
 * (preview, push preview, direct push preview) are. Each method hops to the call's executor and completes with false
 * when the call is not in a state to do it; see {@link SideCalls}.
 */
public interface TransferableCall {
    /** The interaction id this call is known by on the CTI protocol. */
    String id();

    CompletableFuture<Boolean> hold(boolean on);

    /** Hangs the call up whatever its phase (End Call, campaign unloaded). */
    void drop();

    CompletableFuture<Boolean> transfer(DialRequest target, Transfer.Listener listener);

    CompletableFuture<Boolean> conference(DialRequest target, Conference.Listener listener);

    CompletableFuture<Boolean> leaveConference(boolean agentLeaves);

    CompletableFuture<Boolean> consult(DialRequest target, Consultation.Listener listener);

    CompletableFuture<Boolean> cancelConsult();

    CompletableFuture<Boolean> completeTransfer();

    CompletableFuture<Boolean> completeConference(Conference.Listener listener);

    /** The RTP counters of the agent's leg (the target's once a transfer handed it the call); any thread. */
    io.outdial.media.StreamStats agentMedia();

    /** The RTP counters of the latest conference's target leg, or no media; any thread. */
    io.outdial.media.StreamStats conferenceTargetMedia();
}

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

    /** Hangs the call up whatever its phase (End Call, campaign unloaded). */
    void drop();

    /** The hold, transfer, conference and consultation machinery this call lends its legs to. */
    SideCalls sides();

    /** The RTP counters of the agent's leg (the target's once a transfer handed it the call); any thread. */
    io.outdial.media.StreamStats agentMedia();

    /** Hold or retrieve the bridged contact; see {@link SideCalls#hold}. */
    default CompletableFuture<Boolean> hold(boolean on) {
        return sides().hold(on);
    }

    /** DTMF from the agent's keypad to the bridged contact; see {@link SideCalls#sendDtmf}. */
    default CompletableFuture<Void> sendDtmf(String digits, java.time.Duration perDigit) {
        return sides().sendDtmf(digits, perDigit);
    }

    /** Blind transfer of the bridged call; see {@link SideCalls#transfer}. */
    default CompletableFuture<Boolean> transfer(DialRequest target, Transfer.Listener listener) {
        return sides().transfer(target, listener);
    }

    /** Conference of the bridged call; see {@link SideCalls#conference}. */
    default CompletableFuture<Boolean> conference(DialRequest target, Conference.Listener listener) {
        return sides().conference(target, listener);
    }

    /** A party leaves the three-party conference; see {@link SideCalls#leaveConference}. */
    default CompletableFuture<Boolean> leaveConference(boolean agentLeaves) {
        return sides().leaveConference(agentLeaves);
    }

    /** Consultation (attended transfer); see {@link SideCalls#consult}. */
    default CompletableFuture<Boolean> consult(DialRequest target, Consultation.Listener listener) {
        return sides().consult(target, listener);
    }

    default CompletableFuture<Boolean> cancelConsult() {
        return sides().cancelConsult();
    }

    default CompletableFuture<Boolean> completeTransfer() {
        return sides().completeTransfer();
    }

    default CompletableFuture<Boolean> completeConference(Conference.Listener listener) {
        return sides().completeConference(listener);
    }

    /** The RTP counters of the latest conference's target leg, or no media; any thread. */
    default io.outdial.media.StreamStats conferenceTargetMedia() {
        return sides().conferenceTargetMedia();
    }

    /** The RTP counters of the latest consultation's target leg, or no media; any thread. */
    default io.outdial.media.StreamStats consultTargetMedia() {
        return sides().consultTargetMedia();
    }
}

package io.outdial.dialer.call;

import io.outdial.sip.DialRequest;
import java.util.concurrent.CompletableFuture;

/**
 * A call whose bridged contact an agent may hand on: hold, blind transfer, conference. Campaign calls of every
 * dialing mode (progressive, predictive, assured connection and ASM once the contact is bridged) and preview calls
 * (preview, push preview, direct push preview) are. Each method hops to the call's executor and completes with false
 * when the call is not in a state to do it; see {@link SideCalls}.
 */
public interface TransferableCall {
    /** The interaction id this call is known by on the CTI protocol. */
    String id();

    CompletableFuture<Boolean> hold(boolean on);

    CompletableFuture<Boolean> transfer(DialRequest target, Transfer.Listener listener);

    CompletableFuture<Boolean> conference(DialRequest target, Conference.Listener listener);

    CompletableFuture<Boolean> leaveConference(boolean agentLeaves);
}

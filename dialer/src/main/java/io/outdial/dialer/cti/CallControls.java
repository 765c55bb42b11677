package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.dialer.preview.PreviewDesk;

/**
 * The desktop's controls of a live call: Hold and Retrieve, End Call (which in a conference or a consultation
 * releases only the agent's own leg), and Recall of a record in the agent's hands. Dialer executor only.
 */
final class CallControls {
    private final CallExecutor dialer;
    private final PreviewDesk preview;
    private final TransferableCalls calls;
    private final ConferenceDesk conferences;
    private final ConsultDesk consults;

    CallControls(CallExecutor dialer, PreviewDesk preview, TransferableCalls calls, ConferenceDesk conferences,
                 ConsultDesk consults) {
        this.dialer = dialer;
        this.preview = preview;
        this.calls = calls;
        this.conferences = conferences;
        this.consults = consults;
    }

    /** Hold (on = true) or Retrieve: the call's answer comes back on the dialer executor. */
    void hold(Agent agent, String requestId, String interactionId, boolean on) {
        String command = on ? "Hold" : "Retrieve";
        Interaction ix = CtiDesk.ownInteraction(agent, interactionId);
        Interaction.Stage from = on ? Interaction.Stage.ESTABLISHED : Interaction.Stage.ON_HOLD;
        if (ix.stage() != from) {
            throw CtiDesk.notAllowed(command, agent, on ? "the call is not connected (or already on hold)"
                    : "the call is not on hold");
        }
        TransferableCall call = calls.live(ix).orElseThrow(() -> CtiDesk.notAllowed(command, agent,
                "this interaction's call cannot be held"));
        call.hold(on).whenCompleteAsync(Continuations.logged("CtiDesk.hold", (done, error) -> {
            if (Boolean.TRUE.equals(done) && ix.stage() == from) {
                ix.stage(on ? Interaction.Stage.ON_HOLD : Interaction.Stage.ESTABLISHED);
                if (on) {
                    agent.desktop().held(requestId, ix);
                } else {
                    agent.desktop().retrieved(requestId, ix);
                }
            } else {
                CtiDesktop.send(agent, new CtiEvent.Error(requestId, CtiErrorCodes.NOT_ALLOWED, command
                        + " is not allowed: the call has ended or changed"));
            }
        }), dialer);
    }

    /** Recall: a record in the agent's hands (the preview modes) dialed again once its call has ended. */
    void recall(Agent agent, Interaction ix, String requestId) {
        if (!preview.owns(agent)) {
            throw CtiDesk.notAllowed("Recall", agent, "Recall dials again a record the agent holds (preview, push preview,"
                    + " direct push preview); a progressive or predictive record is dialed again by its campaign's"
                    + " treatments");
        }
        preview.recall(agent, ix, requestId);
    }

    /** End Call: hangs up a connected interaction's call; InteractionReleased follows. */
    void releaseCall(Agent agent, CtiCommand.ReleaseCall r) {
        Interaction ix = CtiDesk.ownInteraction(agent, r.interactionId());
        if (ix.stage() == Interaction.Stage.CONFERENCE) {
            // End in a conference releases only this agent's leg; the others talk on.
            conferences.leave(agent, ix, r.requestId());
            return;
        }
        if (consults.consulted(agent, ix)) {
            // The consulted agent's End releases only its leg: the consulting agent gets the contact back.
            consults.cancel(agent, ix, r.requestId());
            return;
        }
        if (ix.stage() != Interaction.Stage.ESTABLISHED && ix.stage() != Interaction.Stage.ON_HOLD) {
            throw CtiDesk.notAllowed("ReleaseCall", agent, "the call is not connected");
        }
        calls.live(ix).orElseThrow(() -> CtiDesk.notAllowed("ReleaseCall", agent, "the call has ended")).drop();
    }
}

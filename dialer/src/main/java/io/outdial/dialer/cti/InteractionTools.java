package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.recording.CallRecordings;
import io.outdial.dialer.responses.StandardResponses;
import java.util.concurrent.CompletionException;

/**
 * The interaction view's tools beside the call controls: voice recording (Start / Stop / Pause / Resume, and the
 * policy's own start when an agent's call connects) and the standard responses library. Dialer executor.
 */
final class InteractionTools {
    private final CallExecutor dialer;
    private final TransferableCalls calls;
    private final Campaigns campaigns;
    private final CallRecordings recordings;
    private final StandardResponses responses;

    InteractionTools(CallExecutor dialer, TransferableCalls calls, Campaigns campaigns, CallRecordings recordings,
                     StandardResponses responses) {
        this.dialer = dialer;
        this.calls = calls;
        this.campaigns = campaigns;
        this.recordings = recordings;
        this.responses = responses;
    }

    /** Roster listener: an agent now on a call gets it recorded when the campaign records every call. */
    void agentMoved(Agent agent, AgentState previous) {
        Interaction ix = agent.interaction();
        if (recordings == null || agent.state() != AgentState.BUSY || ix == null) {
            return;
        }
        calls.live(ix).ifPresent(call -> recordings.connected(agent, ix, call.sides()));
    }

    void startRecording(Agent agent, CtiCommand.StartRecording c) {
        Interaction ix = CtiDesk.ownInteraction(agent, c.interactionId());
        TransferableCall call = calls.live(ix).orElseThrow(() -> new CtiException(CtiErrorCodes.NOT_ALLOWED,
                "StartRecording is not allowed: the call is not connected to you"));
        enabled().start(agent, ix, call.sides(), c.requestId());
    }

    void stopRecording(Agent agent, CtiCommand.StopRecording c) {
        enabled().stop(CtiDesk.ownInteraction(agent, c.interactionId()), c.requestId());
    }

    void pauseRecording(Agent agent, CtiCommand.PauseRecording c) {
        enabled().pause(CtiDesk.ownInteraction(agent, c.interactionId()), c.requestId());
    }

    void resumeRecording(Agent agent, CtiCommand.ResumeRecording c) {
        enabled().resume(CtiDesk.ownInteraction(agent, c.interactionId()), c.requestId());
    }

    /** Responses of a campaign the agent works on, found on the database pool. */
    void getResponses(Agent agent, CtiCommand.GetResponses g) {
        if (responses == null) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, "GetResponses: this gateway keeps no responses");
        }
        requireWorksOn(agent, g.campaign(), "GetResponses");
        if (g.query() != null && g.query().length() > 200) {
            throw new CtiException(CtiErrorCodes.INVALID, "GetResponses: query must be at most 200 characters");
        }
        responses.search(g.campaign(), g.query()).whenCompleteAsync(
                Continuations.logged("InteractionTools.getResponses", (found, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        CtiDesktop.send(agent, new CtiEvent.Error(g.requestId(), CtiErrorCodes.INTERNAL_ERROR,
                                "GetResponses failed: " + cause.getMessage()));
                        return;
                    }
                    CtiDesktop.send(agent, new CtiEvent.Responses(g.requestId(), g.campaign(), g.query(), found.stream()
                            .map(r -> new CtiEvent.StandardResponse(r.responseId(), r.title(), r.text(), r.tags()))
                            .toList()));
                }), dialer);
    }

    /** Refuses with INVALID unless the agent works on {@code campaign}. */
    void requireWorksOn(Agent agent, String campaign, String command) {
        boolean works = campaigns.activeFor(agent.id()).stream().anyMatch(c -> c.name().equals(campaign))
                || campaigns.find(campaign).map(c -> c.plan().agentIds().contains(agent.id())).orElse(false);
        if (!works) {
            throw new CtiException(CtiErrorCodes.INVALID, command + ": agent " + agent.id()
                    + " does not work on a campaign named '" + campaign + "'");
        }
    }

    private CallRecordings enabled() {
        if (recordings == null) {
            throw new CtiException(CtiErrorCodes.RECORDING_NOT_ALLOWED, "this gateway records no call");
        }
        return recordings;
    }
}

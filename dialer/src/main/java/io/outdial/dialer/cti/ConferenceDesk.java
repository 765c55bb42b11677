package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.Conference;
import io.outdial.dialer.call.Dialing;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.dialer.wrapup.RecordWork;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import java.util.HashMap;
import java.util.Map;

/**
 * The agents' side of a conference ({@link Conference} is the call's side): checks the command, reserves the target
 * ({@link CallTargets}), tells the desktops how it goes, and lets either agent leave (LeaveConference, or End while
 * in the conference). When the conference's agent leaves, the call goes on as if transferred to the target. Dialer
 * executor only.
 */
final class ConferenceDesk {
    private final CallExecutor dialer;
    private final Dialing dialing;
    private final CallTargets targets;
    private final TransferableCalls calls;
    /** Conferences under way, by interaction id. */
    private final Map<String, Session> sessions = new HashMap<>();

    ConferenceDesk(CallExecutor dialer, Dialing dialing, CallTargets targets,
                   TransferableCalls calls) {
        this.dialer = dialer;
        this.dialing = dialing;
        this.targets = targets;
        this.calls = calls;
    }

    /** Conference: refused with an error, or ConferenceStarted and the target dialed. */
    void conference(Agent agent, Interaction ix, CtiCommand.Conference c) {
        TransferableCall call = calls.connected(ix, "Conference");
        targets.refuseWithoutResult(ix, "Conference");
        CallTargets.Target target = targets.reserve(agent, ix, c.agentId(), c.phone(), "Conference",
                "Conference with agent " + agent.id());
        ix.stage(Interaction.Stage.CONFERENCE);
        Session session = new Session(agent, ix, target, call, c.requestId());
        sessions.put(ix.id(), session);
        call.conference(target.request(), session)
                .whenCompleteAsync(Continuations.logged("ConferenceDesk.conference", (started, error) -> {
            if (Boolean.TRUE.equals(started)) {
                CtiDesktop.send(agent, new CtiEvent.ConferenceStarted(c.requestId(), ix.id(), target.name()));
                return;
            }
            sessions.remove(ix.id(), session);
            targets.notStarted(agent, ix, Interaction.Stage.CONFERENCE, target, c.requestId(), "Conference");
        }), dialer);
    }

    /**
     * A consultation of {@code ix} with {@code target} becomes a conference (CompleteConference): the session that
     * hears of it from now on, as if a Conference command had started it.
     */
    Conference.Listener adopt(Agent agent, Interaction ix, CallTargets.Target target, TransferableCall call,
                              String requestId) {
        Session session = new Session(agent, ix, target, call, requestId);
        sessions.put(ix.id(), session);
        return session;
    }

    /**
     * LeaveConference (or End while in the conference): the sender's leg alone is released. The conference's agent
     * leaving hands the call to the target; the target leaving gives the contact back to the agent.
     */
    void leave(Agent agent, Interaction ix, String requestId) {
        Session session = sessions.get(ix.id());
        boolean isAgent = session != null && session.agent == agent;
        boolean isTarget = session != null && session.target.agent() == agent;
        if (!(isAgent || isTarget) || !session.mixing) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, "LeaveConference is not allowed: the interaction is "
                    + CtiWire.stageName(ix.stage()) + ", not in a three-party conference");
        }
        session.call.leaveConference(isAgent)
                .whenCompleteAsync(Continuations.logged("ConferenceDesk.leave", (left, error) -> {
            if (!Boolean.TRUE.equals(left)) {
                CtiDesktop.send(agent, new CtiEvent.Error(requestId, CtiErrorCodes.NOT_ALLOWED,
                        "LeaveConference is not allowed: the conference has ended or changed"));
            }
        }), dialer);
    }

    /** One conference: the call's reports, handed to the dialer executor. */
    private final class Session implements Conference.Listener {
        private final Agent agent;
        private final Interaction ix;
        private final CallTargets.Target target;
        private final TransferableCall call;
        private final String requestId;
        /** Dialer-side: all three are mixed (the target answered and nobody left yet). */
        private boolean mixing;

        Session(Agent agent, Interaction ix, CallTargets.Target target, TransferableCall call, String requestId) {
            this.agent = agent;
            this.ix = ix;
            this.target = target;
            this.call = call;
            this.requestId = requestId;
        }

        private void end() {
            mixing = false;
            sessions.remove(ix.id(), this);
        }

        @Override
        public void targetRinging(Conference conference) {
            dialer.execute(() -> targets.ringing(target));
        }

        @Override
        public void joined(Conference conference) {
            dialer.execute(() -> {
                mixing = true;
                targets.answered(target, ix, Interaction.Stage.CONFERENCE);
                targets.lockResultIfRequired(ix, target);
                CtiDesktop.send(agent, new CtiEvent.ConferenceJoined(requestId, ix.id(), target.name()));
            });
        }

        @Override
        public void failed(Conference conference, String result) {
            dialer.execute(() -> {
                end();
                targets.free(target, AgentState.NOT_READY, "PhoneDidNotAnswer");
                if (ix.stage() == Interaction.Stage.CONFERENCE) {
                    ix.stage(Interaction.Stage.ESTABLISHED);
                }
                CtiDesktop.send(agent, new CtiEvent.Error(requestId, CtiErrorCodes.CONFERENCE_FAILED, "Conference with "
                        + target.name() + " failed: " + result + "; the contact is back with you"));
                agent.desktop().retrieved(requestId, ix);
            });
        }

        @Override
        public void agentLeft(Conference conference) {
            dialer.execute(() -> {
                end();
                RecordWork.Rules rules = targets.rules(ix);
                boolean follows = target.isAgent() && rules.recordFollowsTransfer();
                if (target.isAgent()) {
                    target.interaction().stage(Interaction.Stage.ESTABLISHED);
                    CtiDesktop.send(target.agent(), new CtiEvent.ConferencePartyLeft(null, ix.id(), agent.id()));
                }
                // As a completed transfer: the agent wraps up, the call goes on with the target.
                calls.transferred(ix, target.agent(), target.interaction(), follows);
            });
        }

        @Override
        public void targetLeft(Conference conference) {
            dialer.execute(() -> {
                end();
                if (target.stillHolds()) {
                    dialing.conferenceTargetReleased(target.agent(), target.interaction());
                }
                if (ix.stage() == Interaction.Stage.CONFERENCE) {
                    ix.stage(Interaction.Stage.ESTABLISHED);
                }
                CtiDesktop.send(agent, new CtiEvent.ConferencePartyLeft(null, ix.id(), target.name()));
            });
        }

        @Override
        public void aborted(Conference conference) {
            dialer.execute(() -> {
                boolean joined = mixing;
                end();
                if (!joined) {
                    targets.free(target, AgentState.READY, "ConferenceAborted");
                } else if (target.stillHolds()) {
                    dialing.conferenceTargetReleased(target.agent(), target.interaction());
                }
            });
        }
    }
}

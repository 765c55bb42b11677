package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.Consultation;
import io.outdial.dialer.call.Dialing;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import java.util.HashMap;
import java.util.Map;

/**
 * The agents' side of a consultation ({@link Consultation} is the call's side): Consult reserves and dials the target
 * ({@link CallTargets}); CompleteTransfer, CompleteConference and CancelConsult finish it; the desktops hear how it
 * goes. Completing follows the campaign's rules as Transfer and Conference do (a call result first, then read-only;
 * the record follows a completed transfer). The consulted agent's End cancels the consultation. Dialer executor only.
 */
final class ConsultDesk {
    private final CallExecutor dialer;
    private final Dialing dialing;
    private final CallTargets targets;
    private final TransferableCalls calls;
    private final ConferenceDesk conferences;
    /** Consultations under way, by interaction id. */
    private final Map<String, Session> sessions = new HashMap<>();

    ConsultDesk(CallExecutor dialer, Dialing dialing, CallTargets targets, TransferableCalls calls,
                ConferenceDesk conferences) {
        this.dialer = dialer;
        this.dialing = dialing;
        this.targets = targets;
        this.calls = calls;
        this.conferences = conferences;
    }

    /** Consult: refused with an error, or ConsultStarted and the target dialed. */
    void consult(Agent agent, Interaction ix, CtiCommand.Consult c) {
        TransferableCall call = calls.connected(ix, "Consult");
        CallTargets.Target target = targets.reserve(agent, ix, c.agentId(), c.phone(), "Consult",
                "Consultation from agent " + agent.id());
        ix.stage(Interaction.Stage.CONSULTING);
        Session session = new Session(agent, ix, target, call, c.requestId());
        sessions.put(ix.id(), session);
        call.consult(target.request(), session)
                .whenCompleteAsync(Continuations.logged("ConsultDesk.consult", (started, error) -> {
            if (Boolean.TRUE.equals(started)) {
                CtiDesktop.send(agent, new CtiEvent.ConsultStarted(c.requestId(), ix.id(), target.name()));
                return;
            }
            sessions.remove(ix.id(), session);
            targets.notStarted(agent, ix, Interaction.Stage.CONSULTING, target, c.requestId(), "Consult");
        }), dialer);
    }

    /** CompleteTransfer: the contact goes to the consulted party. */
    void completeTransfer(Agent agent, Interaction ix, String requestId) {
        Session session = talking(agent, ix, "CompleteTransfer");
        targets.refuseWithoutResult(ix, "CompleteTransfer");
        session.completeRequest = requestId;
        session.call.completeTransfer()
                .whenCompleteAsync(Continuations.logged("ConsultDesk.completeTransfer",
                        (done, error) -> refusedIfNot(done, agent, requestId, "CompleteTransfer")), dialer);
    }

    /** CompleteConference: contact, agent and consulted party hear each other; a conference carries on. */
    void completeConference(Agent agent, Interaction ix, String requestId) {
        Session session = talking(agent, ix, "CompleteConference");
        targets.refuseWithoutResult(ix, "CompleteConference");
        // From here the conference desk hears of the call, as after a Conference command.
        sessions.remove(ix.id(), session);
        ix.stage(Interaction.Stage.CONFERENCE);
        session.call.completeConference(conferences.adopt(agent, ix, session.target, session.call, requestId))
                .whenCompleteAsync(Continuations.logged("ConsultDesk.completeConference", (done, error) -> {
                    if (!Boolean.TRUE.equals(done)) {
                        sessions.putIfAbsent(ix.id(), session);
                        refusedIfNot(false, agent, requestId, "CompleteConference");
                    }
                }), dialer);
    }

    /** CancelConsult (or the consulted agent's End): the target is released, the agent talks with the contact. */
    void cancel(Agent agent, Interaction ix, String requestId) {
        Session session = sessions.get(ix.id());
        if (session == null || session.agent != agent && session.target.agent() != agent) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, "CancelConsult is not allowed: interaction "
                    + ix.id() + " is " + CtiWire.stageName(ix.stage()) + ", not in a consultation");
        }
        session.cancelRequest = requestId;
        session.call.cancelConsult()
                .whenCompleteAsync(Continuations.logged("ConsultDesk.cancel",
                        (done, error) -> refusedIfNot(done, agent, requestId, "CancelConsult")), dialer);
    }

    /** True if {@code agent} is the consulted agent of a consultation of {@code ix} (its End cancels it). */
    boolean consulted(Agent agent, Interaction ix) {
        Session session = sessions.get(ix.id());
        return session != null && session.target.agent() == agent;
    }

    private Session talking(Agent agent, Interaction ix, String command) {
        Session session = sessions.get(ix.id());
        if (session == null || session.agent != agent || !session.talking) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, command + " is not allowed: interaction " + ix.id()
                    + " is " + CtiWire.stageName(ix.stage()) + ", not talking with a consulted party");
        }
        return session;
    }

    private static void refusedIfNot(Boolean done, Agent agent, String requestId, String command) {
        if (!Boolean.TRUE.equals(done)) {
            CtiDesktop.send(agent, new CtiEvent.Error(requestId, CtiErrorCodes.NOT_ALLOWED, command
                    + " is not allowed: the consultation has ended or changed"));
        }
    }

    /** One consultation: the call's reports, handed to the dialer executor. */
    private final class Session implements Consultation.Listener {
        private final Agent agent;
        private final Interaction ix;
        private final CallTargets.Target target;
        private final TransferableCall call;
        private final String requestId;
        /** Dialer-side: agent and target talk (the target answered and nothing ended yet). */
        private boolean talking;
        private String completeRequest;
        private String cancelRequest;

        Session(Agent agent, Interaction ix, CallTargets.Target target, TransferableCall call, String requestId) {
            this.agent = agent;
            this.ix = ix;
            this.target = target;
            this.call = call;
            this.requestId = requestId;
        }

        private void end() {
            talking = false;
            sessions.remove(ix.id(), this);
        }

        /** The agent talks with the contact again. */
        private void backWithContact() {
            if (ix.stage() == Interaction.Stage.CONSULTING) {
                ix.stage(Interaction.Stage.ESTABLISHED);
            }
            agent.desktop().retrieved(cancelRequest, ix);
        }

        @Override
        public void targetRinging(Consultation consultation) {
            dialer.execute(() -> targets.ringing(target));
        }

        @Override
        public void established(Consultation consultation) {
            dialer.execute(() -> {
                talking = true;
                targets.answered(target, ix, Interaction.Stage.ESTABLISHED);
                CtiDesktop.send(agent, new CtiEvent.ConsultEstablished(requestId, ix.id(), target.name()));
            });
        }

        @Override
        public void failed(Consultation consultation, String result) {
            dialer.execute(() -> {
                end();
                targets.free(target, AgentState.NOT_READY, "PhoneDidNotAnswer");
                CtiDesktop.send(agent, new CtiEvent.Error(requestId, CtiErrorCodes.CONSULT_FAILED, "Consultation with "
                        + target.name() + " failed: " + result + "; the contact is back with you"));
                backWithContact();
            });
        }

        @Override
        public void ended(Consultation consultation, boolean byTarget) {
            dialer.execute(() -> {
                boolean answered = talking;
                end();
                releaseTarget(answered);
                CtiDesktop.send(agent, new CtiEvent.ConsultEnded(cancelRequest, ix.id(), target.name(),
                        byTarget ? "target_hung_up" : "cancelled"));
                backWithContact();
            });
        }

        /** The consulted party goes: an agent who talked wraps up (owning no record), one still rung is freed. */
        private void releaseTarget(boolean answered) {
            if (!answered) {
                targets.free(target, AgentState.READY, "ConsultEnded");
            } else if (target.stillHolds()) {
                dialing.conferenceTargetReleased(target.agent(), target.interaction());
            }
        }

        @Override
        public void transferred(Consultation consultation) {
            dialer.execute(() -> {
                end();
                targets.transferCompleted(agent, ix, target, completeRequest, calls);
            });
        }

        @Override
        public void aborted(Consultation consultation) {
            dialer.execute(() -> {
                boolean answered = talking;
                end();
                releaseTarget(answered);
            });
        }
    }
}

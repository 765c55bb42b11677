package io.outdial.dialer.preview;

import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.call.AfterCall;
import io.outdial.dialer.call.Assignments;
import io.outdial.dialer.call.CallOutcome;
import io.outdial.dialer.call.PhoneHolds;
import io.outdial.dialer.call.RecordWrites;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.refusal.Refused;
import java.util.List;
import java.util.Optional;

/**
 * The preview records in agents' hands (one {@link PreviewSession} an agent, from Get Record or an accepted push to
 * Done or Decline), their calls, and their way out of a call. A record in hand is the state of its agent's holding in
 * the one registry ({@link Assignments#openSession}: before Call it has no call; the auto-dial countdown, the voice
 * state to go back to, the push desk's next step), found there by agent ({@link Assignments#sessionOf}) and all
 * together in the order they were opened ({@link Assignments#sessions}): this desk keeps no map of agents. Its call,
 * from Call to the call's end, is an entry of the registry too ({@link Assignments#addPreview}) with a
 * {@link SessionCall} as its state, which after a transfer holds whom the call was handed on to ({@link HandedOn}):
 * this desk keeps no map of calls, and "no call up" is the registry's. The way out of a call is the {@link AfterCall}
 * every dialing mode shares (call ended, transferred away, Mark Done, desktop gone, released); a session is the
 * {@link AfterCall.Owner} of its interaction there: its record stays with the agent whatever the contact did, and
 * after Done the agent goes back to its state before the record (and gets the next one). Dialer executor only.
 */
final class PreviewSessions {
    /** Previews the campaign's next record for the agent (Mark Done of a pulled record). */
    interface NextRecord {
        void retrieve(Agent agent, Campaign campaign, String requestId);
    }

    /** Whom a transfer handed a preview call on to: whose its end is now (both null: an outside number, nobody's). */
    private record HandedOn(Agent target, Interaction targetInteraction) { }

    private final CallExecutor dialer;
    private final DialerMetrics metrics;
    private final AfterCall afterCall;
    private final RecordWrites writes;
    private final Runnable pace;
    private final NextRecord nextRecord;
    /**
     * Every mode's live calls and the agents' holdings: this desk's records in hand are their agents' holdings'
     * sessions, and its calls are there with their {@link SessionCall}s.
     */
    private final Assignments assignments;

    PreviewSessions(CallExecutor dialer, DialerMetrics metrics, AfterCall afterCall, RecordWrites writes,
                    Runnable pace, NextRecord nextRecord, Assignments assignments) {
        this.dialer = dialer;
        this.metrics = metrics;
        this.assignments = assignments;
        this.afterCall = afterCall;
        this.writes = writes;
        this.pace = pace;
        this.nextRecord = nextRecord;
    }

    /**
     * {@code s} is its agent's record in hand: the session of the agent's holding, which must be of {@code s}'s
     * interaction (given by the mode that gave the agent the record, in the same turn or before a push's Accept).
     */
    void open(PreviewSession s) {
        if (assignments.ofAgent(s.agent.id()).map(Assignments.Held::interaction).orElse(null) != s.interaction) {
            throw new IllegalStateException("agent " + s.agent.id() + " was not given interaction "
                    + s.interaction.id());
        }
        assignments.openSession(s.agent, s);
    }

    /** True while {@code s} is the agent's record in hand. */
    boolean holds(PreviewSession s) {
        return of(s.agent).orElse(null) == s;
    }

    /**
     * True if the agent's interaction is a preview record (so Mark Done is the preview desk's): a session is only
     * kept with the holding of its own interaction, while the agent still holds it.
     */
    boolean owns(Agent agent) {
        return of(agent).isPresent();
    }

    /** The agent's record in hand, from its holding in the registry. */
    Optional<PreviewSession> of(Agent agent) {
        return assignments.sessionOf(agent, PreviewSession.class);
    }

    /** The agent's session of {@code ix}; NOT_ALLOWED if {@code ix} is not the agent's preview record. */
    PreviewSession session(Agent agent, Interaction ix) {
        PreviewSession s = of(agent).orElse(null);
        if (s == null || s.interaction != ix) {
            throw new Refused(Refused.Why.NOT_A_PREVIEW, "interaction " + ix.id() + " is not a preview record");
        }
        return s;
    }

    /** Mark Done (Done, or Done and Stop without {@code next}) of a released record; the checks are done. */
    void finish(PreviewSession s, String requestId, boolean next) {
        afterCall.markDone(s.agent, s.interaction, requestId, next, new Way(s, null));
    }

    /** The session is over: the agent back to its state before the record (or as asked meanwhile). */
    void end(PreviewSession s) {
        Agent agent = s.agent;
        if (s.autoDial != null) {
            s.autoDial.cancel();
        }
        assignments.endSession(agent, s);
        if (agent.interaction() == s.interaction) {
            agent.interaction(null);
        }
        afterCall.release(agent, !agent.hasDesktop() ? AgentState.LOGGED_OUT
                : s.before == AgentState.NOT_READY ? AgentState.NOT_READY : AgentState.READY, null);
        pace.run();
    }

    /** The agent's desktop went away: a record not called goes back to the list, a released one is marked done. */
    void desktopGone(Agent agent) {
        PreviewSession s = of(agent).orElse(null);
        if (s == null) {
            return;
        }
        if (s.interaction.stage() == Interaction.Stage.PREVIEW) {
            agent.logoutAfterCall(true);
            writes.returnToReady(s.interaction.record().recordId());
            s.interaction.stage(Interaction.Stage.DONE);
            end(s);
            return;
        }
        // A call in progress: its end marks it done, the desktop being gone (Way.wrappingUp).
        afterCall.desktopGone(agent, s.interaction, new Way(s, null));
    }

    /** The campaign was unloaded: calls are hung up, records not called go back to the list. */
    void unloaded(Campaign campaign) {
        for (PreviewSession s : assignments.sessions(PreviewSession.class)) {
            if (s.campaign == campaign) {
                close(s);
            }
        }
        for (SessionCall c : handedOn()) {
            if (c.s.campaign.name().equals(campaign.name())) {
                c.call.drop();
            }
        }
    }

    /** Gateway stopping: every preview call hung up, every record settled. */
    void dropAll() {
        assignments.sessions(PreviewSession.class).forEach(this::close);
        handedOn().forEach(c -> c.call.drop());
    }

    /**
     * This desk's live calls a transfer handed on, from the registry (the call is the target's now; the transferring
     * agent's session lasts until its Mark Done).
     */
    private List<SessionCall> handedOn() {
        return assignments.every(SessionCall.class).stream().filter(c -> c.handedOn != null).toList();
    }

    /** The live call of {@code s} while its agent is on it (placed, not handed on), from the registry. */
    Optional<PreviewCall> callOf(PreviewSession s) {
        return assignments.stateOf(s.interaction.id(), SessionCall.class)
                .filter(c -> c.s == s && c.handedOn == null).map(c -> c.call);
    }

    private void close(PreviewSession s) {
        s.closing = true;
        Interaction ix = s.interaction;
        Optional<PreviewCall> call = callOf(s);
        if (call.isPresent()) {
            call.get().drop();
        } else if (ix.stage() == Interaction.Stage.PREVIEW) {
            writes.returnToReady(ix.record().recordId());
            ix.stage(Interaction.Stage.DONE);
            s.agent.desktop().released(ix);
            end(s);
        } else if (ix.stage() == Interaction.Stage.RELEASED) {
            finish(s, null, false);
        }
    }

    /**
     * {@code s}'s call has just been placed: registered with every mode's live calls (counted there until it ends),
     * owned by the mode that gave the agent the record (preview, or push preview).
     */
    void placed(PreviewSession s, PreviewCall call) {
        assignments.addPreview(call.id(), assignments.owner(s.agent).orElse(InteractionIds.Owner.PREVIEW),
                s.campaign.name(), call, new SessionCall(s, call));
    }

    /**
     * A live preview call's state in the registry, from Call to the call's end: the session whose agent placed it and,
     * once a transfer handed it on, to whom. Its answer to a transfer (or a conference its agent left): the agent
     * wraps up now, writing the record unless it follows the transfer, and the call's end is the target's, as after a
     * campaign call. A call already handed on to an agent may be handed on again by that agent.
     */
    private final class SessionCall implements Assignments.Handover {
        private final PreviewSession s;
        private final PreviewCall call;
        /** Null while the session's agent is on the call. */
        private HandedOn handedOn;

        SessionCall(PreviewSession s, PreviewCall call) {
            this.s = s;
            this.call = call;
        }

        @Override
        public boolean agentOnCall() {
            return handedOn == null || handedOn.target() != null;
        }

        @Override
        public void transferred(Agent target, Interaction targetInteraction, boolean recordFollows) {
            HandedOn h = handedOn;
            handedOn = new HandedOn(target, targetInteraction);
            if (h == null) {
                afterCall.transferredAway(s.agent, s.interaction, s.campaign.name(), !recordFollows,
                        new Way(s, null));
            } else {
                afterCall.transferredAway(h.target(), h.targetInteraction(), s.campaign.name(), !recordFollows,
                        afterCall.campaignCalls());
            }
        }
    }

    private void callGone(PreviewSession s, PreviewCall call, CallOutcome outcome) {
        HandedOn h = assignments.stateOf(call.id(), SessionCall.class).filter(c -> c.call == call)
                .map(c -> c.handedOn).orElse(null);
        assignments.remove(call.id());
        if (h == null) {
            afterCall.callEnded(s.agent, s.interaction, s.campaign.name(), outcome, new Way(s, call));
        } else if (h.target() != null) {
            afterCall.callEnded(h.target(), h.targetInteraction(), s.campaign.name(), outcome,
                    afterCall.campaignCalls());
            pace.run();
        }
    }

    /** Hops the milestones of {@code s}'s call from the call's executor to the dialer executor. */
    PreviewCall.Observer observer(PreviewSession s) {
        return new PreviewCall.Observer() {
            @Override
            public void contactDialing(PreviewCall call) {
                dialer.execute(() -> {
                    metrics.dialed(s.campaign.name());
                    writes.dialed(s.interaction.record().recordId());
                    s.agent.desktop().ringing(s.interaction);
                });
            }

            @Override
            public void connected(PreviewCall call) {
                dialer.execute(() -> {
                    metrics.answered(s.campaign.name());
                    writes.answered(s.interaction.record().recordId());
                    s.interaction.stage(Interaction.Stage.ESTABLISHED);
                    s.agent.moveTo(AgentState.BUSY, s.campaign.name());
                    s.agent.desktop().established(s.interaction);
                });
            }

            @Override
            public void heldFromPhone(PreviewCall call, boolean held) {
                dialer.execute(() -> PhoneHolds.report(s.agent, s.interaction, held));
            }

            @Override
            public void finished(PreviewCall call, CallOutcome outcome) {
                dialer.execute(() -> callGone(s, call, outcome));
            }
        };
    }

    /** A preview session's part of the way out of its call ({@code call}: the call that ended, if one did). */
    private final class Way implements AfterCall.Owner {
        private final PreviewSession s;
        private final PreviewCall call;

        Way(PreviewSession s, PreviewCall call) {
            this.s = s;
            this.call = call;
        }

        @Override
        public void notDialed(Agent agent, Interaction ix, CallOutcome outcome) {
            ix.stage(Interaction.Stage.PREVIEW);
            if (s.closing || !agent.hasDesktop()) {
                close(s);
                return;
            }
            // The contact was never dialed: the record stays previewed, to call again or decline.
            agent.desktop().refused(null, Refused.Why.PHONE_FAILED, "your phone " + agent.phone()
                    + " did not answer (" + call.agentFailure() + "): the contact was not dialed");
            agent.desktop().preview(null, ix, null, null);
        }

        @Override
        public boolean agentHoldsRecord() {
            return true;
        }

        @Override
        public void wrappingUp(Agent agent, Interaction ix) {
            if (s.closing || !agent.hasDesktop()) {
                finish(s, null, false);
            }
        }

        @Override
        public void done(Agent agent, Interaction ix, String requestId, boolean next) {
            if (s.afterDone != null) {
                s.afterDone.accept(next);
            }
            end(s);
            if (s.afterDone == null && next && PreviewDesk.canPreview(agent, s.campaign)) {
                nextRecord.retrieve(agent, s.campaign, requestId);
            }
        }
    }
}

package io.outdial.dialer.call;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.FailureResults;
import io.outdial.media.StreamStats;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegListener;
import io.outdial.sip.SipUserAgent;
import io.outdial.sip.call.CallExecutor;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One campaign call: dials the contact through the trunk, calls the agent's phone when the contact answers, and
 * bridges the two. Progressive calls know their agent from the start; predictive calls are dialed without one and,
 * once the contact answers, wait for {@link #connectAgent} or {@link #abandon}. Everything runs on the call's own
 * serial executor; the observer is told of milestones there and must hand them off without blocking.
 */
public final class CampaignCall {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignCall.class);

    /** Milestones of a call, reported on the call's executor. */
    public interface Observer {
        /** Predictive: the contact answered live and waits for an agent ({@link #connectAgent}) or {@link #abandon}. */
        default void contactAnswered(CampaignCall call) {
        }

        /** The contact answered and the agent's phone is being called. */
        void agentRinging(CampaignCall call);

        /** Agent and contact are bridged. */
        void connected(CampaignCall call);

        /** Both legs are gone. Called exactly once. */
        void finished(CampaignCall call, CallOutcome outcome);
    }

    private final String id;
    private final CallExecutor executor;
    private final SipUserAgent userAgent;
    private final DialRequest contactRequest;
    /** Null for a predictive call until an agent is given. */
    private DialRequest agentRequest;
    private final Observer observer;

    private CallPhase phase = CallPhase.DIALING_CONTACT;
    private Leg contact;
    private Leg agent;
    private Bridge bridge;
    private CallResult result;
    private boolean agentConnected;
    private boolean agentFailed;
    private boolean contactAttempted = true;
    /** drop() was asked while dialing: an answer that was already on its way is hung up, not connected. */
    private boolean dropped;

    /** @param agentRequest the agent's phone, or null for a predictive call whose agent is found at the answer */
    public CampaignCall(String id, CallExecutor executor, SipUserAgent userAgent, DialRequest contactRequest,
                        DialRequest agentRequest, Observer observer) {
        this.id = Objects.requireNonNull(id);
        this.executor = executor;
        this.userAgent = userAgent;
        this.contactRequest = contactRequest;
        this.agentRequest = agentRequest;
        this.observer = observer;
    }

    /** The interaction id this call is known by on the CTI protocol. */
    public String id() {
        return id;
    }

    /** Dials the contact. */
    public void start() {
        executor.execute(guarded(() -> contact = userAgent.dial(contactRequest, executor,
                guarded(this::onContactEvent))));
    }

    /**
     * Our own failure (a bug, a refused bridge, no RTP port) must not strand the call: it is hung up, its result is
     * System Error, and it finishes like any other call once its legs are gone.
     */
    private Runnable guarded(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                failedHere(e);
            }
        };
    }

    private LegListener guarded(LegListener listener) {
        return event -> {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                failedHere(e);
            }
        };
    }

    private void failedHere(RuntimeException e) {
        LOG.error("call {}: failed in the gateway, hanging up", id, e);
        release(CallResult.SYSTEM_ERROR);
        hangUpBoth();
        finishIfBothGone();
    }

    /** Ends the call whatever its phase (campaign unloaded, gateway stopping). */
    public void drop() {
        executor.execute(() -> {
            switch (phase) {
                case DIALING_CONTACT -> {
                    dropped = true;
                    if (contact != null) {
                        contact.hangup();
                    }
                }
                case WAITING_FOR_AGENT, CONNECTING_AGENT -> {
                    release(CallResult.DROPPED);
                    hangUpBoth();
                }
                case CONNECTED -> bridge.hangup();
                default -> { }
            }
        });
    }

    private void onContactEvent(LegEvent event) {
        if (event instanceof LegEvent.Answered) {
            onContactAnswered();
        } else if (event instanceof LegEvent.Failed failed) {
            contactAttempted = failed.kind() != LegEvent.FailureKind.CANCELLED;
            release(FailureResults.of(failed));
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            // Answered by the contact but gone before an agent was there: an abandoned call.
            release(phase == CallPhase.CONNECTING_AGENT || phase == CallPhase.WAITING_FOR_AGENT
                    ? CallResult.ABANDONED : CallResult.ANSWER);
            if (agent != null) {
                agent.hangup();
            }
            finishIfBothGone();
        }
    }

    private void onContactAnswered() {
        if (dropped) {
            release(CallResult.DROPPED);
        }
        if (phase != CallPhase.DIALING_CONTACT) {
            contact.hangup();
            return;
        }
        if (agentRequest == null) {
            phase = phase.moveTo(CallPhase.WAITING_FOR_AGENT);
            observer.contactAnswered(this);
            return;
        }
        dialAgent();
    }

    private void dialAgent() {
        phase = phase.moveTo(CallPhase.CONNECTING_AGENT);
        agent = userAgent.dial(agentRequest, executor, guarded(this::onAgentEvent));
        observer.agentRinging(this);
    }

    /**
     * Predictive: calls the agent's phone for the contact waiting since its answer. If the contact is already gone
     * (hung up, dropped) nothing is dialed and the call finishes without an agent.
     */
    public void connectAgent(DialRequest toAgent) {
        executor.execute(guarded(() -> {
            if (phase == CallPhase.WAITING_FOR_AGENT) {
                agentRequest = toAgent;
                dialAgent();
            }
        }));
    }

    /** Predictive: no agent was free within the connect window: the call is Abandoned. */
    public void abandon() {
        executor.execute(guarded(() -> {
            if (phase == CallPhase.WAITING_FOR_AGENT) {
                release(CallResult.ABANDONED);
                startSafeHarbourMessage();
            }
        }));
    }

    /**
     * THE SAFE-HARBOUR HOOK: where a contact who gets no agent would hear the recorded message (who called, a number
     * to call back) within the connect window. No message player exists yet, so the contact is hung up at once; a
     * player would start here and hang up when the message ends. Call executor only.
     */
    private void startSafeHarbourMessage() {
        LOG.info("call {}: no agent for the contact, abandoned (safe-harbour message not played yet: hanging up)", id);
        contact.hangup();
    }

    private void onAgentEvent(LegEvent event) {
        if (event instanceof LegEvent.Answered) {
            if (phase != CallPhase.CONNECTING_AGENT) {
                agent.hangup();
                return;
            }
            phase = phase.moveTo(CallPhase.CONNECTED);
            agentConnected = true;
            bridge = userAgent.bridge(contact, agent);
            observer.connected(this);
        } else if (event instanceof LegEvent.Failed failed) {
            LOG.info("call {}: agent phone failed ({} {}), contact abandoned", id, failed.status(), failed.reason());
            agentFailed = failed.kind() != LegEvent.FailureKind.CANCELLED;
            release(CallResult.ABANDONED);
            startSafeHarbourMessage();
            finishIfBothGone();
        } else if (event instanceof LegEvent.Ended) {
            release(CallResult.ANSWER);
            contact.hangup();
            finishIfBothGone();
        }
    }

    /** Records the first result decided and moves towards the end; later decisions do not overwrite it. */
    private void release(CallResult decided) {
        if (result == null) {
            result = decided;
        }
        if (phase != CallPhase.RELEASING && phase != CallPhase.FINISHED) {
            phase = phase.moveTo(CallPhase.RELEASING);
        }
    }

    private void hangUpBoth() {
        if (contact != null) {
            contact.hangup();
        }
        if (agent != null) {
            agent.hangup();
        }
    }

    private void finishIfBothGone() {
        boolean contactGone = contact == null || contact.state().isTerminal();
        boolean agentGone = agent == null || agent.state().isTerminal();
        if (phase == CallPhase.FINISHED || !contactGone || !agentGone) {
            return;
        }
        phase = phase.moveTo(CallPhase.FINISHED);
        CallOutcome outcome = new CallOutcome(contactAttempted ? result : CallResult.UNKNOWN, contactAttempted,
                agentConnected, agentFailed, mediaOf(contact), mediaOf(agent));
        observer.finished(this, outcome);
    }

    private static StreamStats mediaOf(Leg leg) {
        return leg == null || leg.media() == null ? CallOutcome.NO_MEDIA : leg.media().stats();
    }
}

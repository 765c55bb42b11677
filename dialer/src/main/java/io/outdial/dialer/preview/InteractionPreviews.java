package io.outdial.dialer.preview;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Desktop;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.Assignments;
import io.outdial.dialer.call.RecordWrites;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.config.PreviewSettings;
import io.outdial.dialer.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interaction previews in front of agents (push preview, direct push preview, progressive, predictive): each
 * a reserved record shown with {@code InteractionPreview}, ended by Accept (the mode's dial goes ahead), Reject,
 * the accept timeout or the gateway withdrawing it (the record back to the top of the list, or for predictive the
 * contact handed on). An offer is the state of its agent's holding in the registry ({@link Assignments#offer}), from
 * the offer to its end: every offer is found there by its agent (Accept, Reject, withdrawal, the timeout's end), and
 * a campaign's among {@link Assignments#offers}; no map of its own. Dialer executor only.
 */
public final class InteractionPreviews {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionPreviews.class);

    /** What the mode does with an offer's end. Called on the dialer executor. */
    public interface Handler {
        /** Accepted: the interaction is still the agent's, the agent still Reserved. */
        void accepted(Agent agent, Campaign campaign, Interaction interaction);

        /**
         * Timed out with {@code autoReject}: the mode's channel goes Not Ready. Returns the voice state the agent
         * goes to ({@code before} when the mode has a channel of its own).
         */
        AgentState autoRejected(Agent agent, Campaign campaign, AgentState before);

        /**
         * Rejected, timed out or withdrawn, once the agent has been freed: by default the record goes back to the
         * top of the list ({@code backOnTop}); predictive, whose contact is already on the line, hands the contact
         * on instead.
         */
        default void returned(Agent agent, Campaign campaign, Interaction interaction, OfferState why,
                              Runnable backOnTop) {
            backOnTop.run();
        }

        /**
         * True when the offer is of a contact already on the line (predictive): a call in progress, which a
         * campaign Stop leaves to finish (only unloading takes it back).
         */
        default boolean liveContact() {
            return false;
        }
    }

    /** An open offer: the state of its agent's holding in the registry, from the offer to its end. */
    private record Pending(Campaign campaign, Interaction interaction, InteractionOffer offer, AgentState before,
                           Handler handler) implements Assignments.Offer { }

    private final CallExecutor dialer;
    private final Assignments assignments;
    private final RecordWrites writes;
    private final Runnable pace;
    private final Scheduler onDialer;
    /** The requestId of the Accept or Reject being handled, echoed by the events it causes. */
    private String requestId;

    /**
     * @param assignments the one registry, whose agents' holdings keep the open offers
     * @param writes      the dialer's one set of record writes (shutdown waits for them all)
     * @param pace        asks every dialing mode to look again (a record is back, an agent is free)
     */
    public InteractionPreviews(CallExecutor dialer, Assignments assignments, RecordWrites writes, Runnable pace) {
        this.dialer = dialer;
        this.assignments = assignments;
        this.writes = writes;
        this.pace = pace;
        this.onDialer = dialer.timers();
    }

    /**
     * Shows {@code interaction} (already given to the agent in the registry, agent already Reserved) as an
     * interaction preview; the agent's holding waits on it until it ends.
     *
     * @param before the voice state the agent goes back to if the record is returned
     */
    public void offer(Agent agent, Campaign campaign, Interaction interaction, PreviewSettings terms,
                      AgentState before, Handler handler) {
        if (assignments.ofAgent(agent.id()).map(Assignments.Held::interaction).orElse(null) != interaction) {
            throw new IllegalStateException("agent " + agent.id() + " was not given interaction " + interaction.id());
        }
        interaction.stage(Interaction.Stage.PREVIEW);
        InteractionOffer offer = new InteractionOffer(onDialer, terms, new Outcome(agent));
        assignments.offer(agent, new Pending(campaign, interaction, offer, before, handler));
        LOG.info("campaign {}: record {} ({}) offered to {}", campaign.name(), interaction.record().recordId(),
                interaction.record().contactInfo(), agent.id());
        agent.desktop().preview(null, interaction, new Desktop.PreviewTerms(offer.acceptTimeoutSeconds(),
                offer.autoAnswerSeconds(), offer.rejectAllowed()), null);
        offer.start();
    }

    /** True while the agent's interaction is an interaction preview not yet answered. */
    public boolean owns(Agent agent) {
        return assignments.offerOf(agent, Pending.class).isPresent();
    }

    public void accept(Agent agent, Interaction ix, String requestId) {
        answer(agent, ix, requestId, "Accept");
    }

    public void reject(Agent agent, Interaction ix, String requestId) {
        answer(agent, ix, requestId, "Reject");
    }

    private void answer(Agent agent, Interaction ix, String requestId, String command) {
        Pending p = assignments.offerOf(agent, Pending.class).orElse(null);
        if (p == null || p.interaction != ix) {
            throw new Refused(Refused.Why.NOT_A_PREVIEW, command + " is not allowed while "
                    + agent.state().wireName() + ": interaction " + ix.id() + " is not an interaction preview"
                    + " waiting for an answer");
        }
        this.requestId = requestId;
        try {
            String refused = "Accept".equals(command) ? p.offer.accept() : p.offer.reject();
            if (refused != null) {
                throw new Refused(Refused.Why.WRONG_STATE, command + " is not allowed while "
                        + agent.state().wireName() + ": " + refused);
            }
        } finally {
            this.requestId = null;
        }
    }

    /** The desktop went away: the record goes back to the top of the list. */
    public void withdraw(Agent agent) {
        assignments.offerOf(agent, Pending.class).ifPresent(p -> p.offer.withdraw());
    }

    /** The campaign was unloaded: all its offers are taken back. */
    public void withdraw(Campaign campaign) {
        withdraw(campaign, true);
    }

    /**
     * The campaign was stopped: its offers of records not yet dialed are taken back (the agent gets
     * InteractionRejected "Withdrawn", the record goes back to the top of the list); an answered predictive
     * contact's offer is a call in progress and stays.
     */
    public void withdrawOnStop(Campaign campaign) {
        withdraw(campaign, false);
    }

    private void withdraw(Campaign campaign, boolean liveContacts) {
        for (Pending p : assignments.offers(Pending.class)) {
            if (p.campaign == campaign && (liveContacts || !p.handler.liveContact())) {
                p.offer.withdraw();
            }
        }
    }

    /**
     * Ends of one agent's offer, on the dialer executor (the scheduler and the commands run there): the offer is
     * taken from the agent's holding first, so it no longer {@linkplain #owns owns} the agent.
     */
    private final class Outcome implements InteractionOffer.Outcome {
        private final Agent agent;

        Outcome(Agent agent) {
            this.agent = agent;
        }

        /** The agent's open offer {@code offer}, no longer kept by its holding. */
        private Pending ended(InteractionOffer offer) {
            Pending p = assignments.offerOf(agent, Pending.class).filter(o -> o.offer == offer)
                    .orElseThrow(() -> new IllegalStateException("agent " + agent.id() + " has no such offer open"));
            assignments.endOffer(agent, p);
            return p;
        }

        @Override
        public void accepted(InteractionOffer offer, boolean auto) {
            Pending p = ended(offer);
            String agentId = agent.id();
            LOG.info("campaign {}: record {} accepted by {}{}", p.campaign.name(), p.interaction.record().recordId(),
                    agentId, auto ? " (auto-answer)" : "");
            agent.desktop().accepted(requestId, p.interaction, auto);
            p.handler.accepted(agent, p.campaign, p.interaction);
        }

        @Override
        public void returned(InteractionOffer offer, OfferState why) {
            Pending p = ended(offer);
            String agentId = agent.id();
            boolean autoRejected = why == OfferState.TIMED_OUT && offer.autoReject();
            String reason = why == OfferState.REJECTED ? "Rejected" : why == OfferState.WITHDRAWN ? "Withdrawn"
                    : autoRejected ? "AutoRejected" : "Timeout";
            long recordId = p.interaction.record().recordId();
            LOG.info("campaign {}: record {} returned ({} by {})", p.campaign.name(), recordId,
                    reason, agentId);
            p.interaction.stage(Interaction.Stage.DONE);
            if (agent.interaction() == p.interaction) {
                agent.interaction(null);
            }
            agent.desktop().rejected(requestId, p.interaction, reason);
            if (!agent.hasDesktop() || agent.logoutAfterCall()) {
                agent.logoutAfterCall(false);
                agent.moveTo(AgentState.LOGGED_OUT, "DesktopDisconnected");
            } else if (autoRejected) {
                AgentState next = p.handler.autoRejected(agent, p.campaign, p.before);
                if (agent.notReadyAfterCall()) {
                    agent.notReadyAfterCall(false);
                    next = AgentState.NOT_READY;
                }
                agent.moveTo(next, "AutoRejected");
            } else if (agent.notReadyAfterCall() || p.before == AgentState.NOT_READY) {
                agent.notReadyAfterCall(false);
                agent.moveTo(AgentState.NOT_READY, null);
            } else {
                agent.moveTo(AgentState.READY, null);
            }
            // Pace once the record is Ready again, so that it is the next one retrieved.
            p.handler.returned(agent, p.campaign, p.interaction, why, () -> writes.returnToTop(recordId)
                    .whenCompleteAsync(Continuations.logged("InteractionPreviews.returned", (ok, error) -> {
                        p.campaign.listMayHaveRecords();
                        pace.run();
                    }), dialer));
        }
    }
}

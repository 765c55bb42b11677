package io.outdial.dialer.call;

import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.store.CallingRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predictive's answered contacts and the agents they get: a live answer gets its campaign's longest-waiting Ready
 * agent (one who has not declined it), connected at once or first shown an interaction preview, or waits for one for
 * what is left of the connect window, which counts from the pick-up, and is then abandoned. Part of
 * {@link PredictiveDialing}, which decides what is a live answer. Dialer executor only.
 */
final class PredictiveAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(PredictiveDialing.class);

    /** The dialer executor predictive runs on; its scheduler is the clock. */
    private final CallExecutor dialer;
    /** How this mode's calls and dial requests are made. */
    private final CallPlacement placement;
    private final AgentRoster roster;
    private final Pacing pacing;
    private final Assignments assignments;
    /** True while a dial is still predictive's live call (not ended meanwhile). */
    private final Predicate<PredictiveDial> live;
    /** Asks for a pass once the current dialer task is over. */
    private final Runnable paceSoon;
    /** Live answers waiting for an agent, oldest first. */
    private final List<PredictiveDial> waiting = new ArrayList<>();
    private AnswerPreview preview;

    PredictiveAnswers(CallExecutor dialer, CallPlacement placement, AgentRoster roster, Pacing pacing, Assignments assignments,
                      Predicate<PredictiveDial> live, Runnable paceSoon) {
        this.dialer = dialer;
        this.placement = placement;
        this.roster = roster;
        this.pacing = pacing;
        this.assignments = assignments;
        this.live = live;
        this.paceSoon = paceSoon;
    }

    /** Sets the interaction preview of answered contacts. Before the first answer. */
    void preview(AnswerPreview answerPreview) {
        this.preview = answerPreview;
    }

    /**
     * A live answer (or a machine to connect): the longest-waiting Ready agent, or a wait for one within what is left
     * of the connect window, which counts from the pick-up: the time AMD took to decide is already spent.
     */
    void serve(PredictiveDial d) {
        Agent agent = longestWaitingReady(d);
        if (agent != null) {
            assign(d, agent);
            return;
        }
        waitForAgent(d, false);
    }

    /** The call is over: no longer waiting, and an agent looking at its preview is freed. */
    void callGone(PredictiveDial d) {
        if (waiting.remove(d)) {
            d.connectWindow.cancel();
        }
        if (d.stage == PredictiveAgentStage.PREVIEWING) {
            preview.withdraw(d.agent); // the agent is freed; the result is the contact's alone
        }
    }

    /** No agent now: the contact waits for one for what is left of the connect window (first in line: on top). */
    private void waitForAgent(PredictiveDial d, boolean onTop) {
        Duration left = connectWindowLeft(d.campaign.plan().pacing().connectWindow(), d.pickedUp,
                dialer.scheduler().now());
        if (onTop) {
            waiting.add(0, d);
        } else {
            waiting.add(d);
        }
        d.connectWindow = dialer.schedule(left, () -> noAgentInTime(d));
    }

    /** What is left of the connect window at {@code now} for a contact who picked up at {@code pickedUp}. */
    static Duration connectWindowLeft(Duration window, Instant pickedUp, Instant now) {
        Duration left = window.minus(Duration.between(pickedUp, now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Every waiting answer that has an agent now gets it (a pass, before the dials). */
    void serveWaiting() {
        for (Iterator<PredictiveDial> it = waiting.iterator(); it.hasNext(); ) {
            PredictiveDial d = it.next();
            Agent agent = longestWaitingReady(d);
            if (agent != null) {
                it.remove();
                d.connectWindow.cancel();
                assign(d, agent);
            }
        }
    }

    /** The longest-waiting Ready agent of the call's campaign who has not declined this contact's preview. */
    private Agent longestWaitingReady(PredictiveDial d) {
        Agent best = null;
        for (String id : d.campaign.plan().agentIds()) {
            Agent a = roster.find(id).orElse(null);
            if (a != null && a.state() == AgentState.READY && !d.declinedBy.contains(id)
                    && (best == null || pacing.agents.readySince(a).isBefore(pacing.agents.readySince(best)))) {
                best = a;
            }
        }
        return best;
    }

    /**
     * Gives the contact to {@code agent}: connected at once, or first shown as an interaction preview for what is
     * left of the connect window (none left: abandoned, as the window counts from the pick-up).
     */
    private void assign(PredictiveDial d, Agent agent) {
        if (preview == null || !preview.previews(d.campaign, agent)) {
            reserve(d, agent);
            d.stage = d.stage.moveTo(PredictiveAgentStage.AGENT_GIVEN);
            connectAgent(d, agent);
            return;
        }
        Duration left = connectWindowLeft(d.campaign.plan().pacing().connectWindow(), d.pickedUp,
                dialer.scheduler().now());
        if (left.isZero()) {
            abandon(d);
            return;
        }
        reserve(d, agent);
        d.stage = d.stage.moveTo(PredictiveAgentStage.PREVIEWING);
        preview.offer(d.campaign, agent, d.interaction, left, new AnswerPreview.Answer() {
            @Override
            public void accepted() {
                d.stage = d.stage.moveTo(PredictiveAgentStage.AGENT_GIVEN);
                if (live.test(d)) {
                    d.interaction.stage(Interaction.Stage.DIALING);
                    connectAgent(d, agent);
                }
            }

            @Override
            public void declined() {
                d.stage = d.stage.moveTo(PredictiveAgentStage.NO_AGENT);
                d.agent = null;
                d.declinedBy.add(agent.id());
                if (!live.test(d) || d.campaign.state() == CampaignState.UNLOADED) {
                    return; // the contact is gone (or being hung up): nothing to hand on
                }
                Agent next = longestWaitingReady(d);
                if (next != null) {
                    assign(d, next);
                } else {
                    waitForAgent(d, true);
                }
            }
        });
    }

    private void reserve(PredictiveDial d, Agent agent) {
        d.agent = agent;
        assignments.give(agent, InteractionIds.Owner.PREDICTIVE, d.interaction);
        agent.moveTo(AgentState.RESERVED, d.campaign.name());
    }

    private void connectAgent(PredictiveDial d, Agent agent) {
        CallingRecord record = d.interaction.record();
        d.call.connectAgent(placement.toAgentPhone(agent, record, d.campaign.name()));
    }

    /** The connect window is over and no agent was free: the contact is abandoned. */
    private void noAgentInTime(PredictiveDial d) {
        if (!waiting.remove(d)) {
            return;
        }
        abandon(d);
    }

    private void abandon(PredictiveDial d) {
        LOG.info("campaign {}: no agent within {} for call {}: abandoned", d.campaign.name(),
                d.campaign.plan().pacing().connectWindow(), d.call.id());
        countAbandoned(d);
        d.call.abandon();
        paceSoon.run(); // not now: called while the waiting answers are being served
    }

    /** Counts a contact abandoned once (by the connect window, or a call that ended Abandoned). */
    void countAbandoned(PredictiveDial d) {
        if (!d.abandonCounted) {
            d.abandonCounted = true;
            pacing.abandoned(d.call.id(), d.campaign);
        }
    }
}

package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.pacing.PacingEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the pacing engine's view of agents in step with the dialer's agents. The dialer's states are finer than the
 * engine's phases and an agent may work several campaigns, so each agent is mapped to one phase of one paced
 * campaign and only the differences are reported. Also measures, per campaign, how agents spend their time (busy
 * factor) and how long each waited Ready before a call. Dialer executor only.
 */
final class PacedAgents {
    /** The engine's view of an agent. */
    enum Phase { ABSENT, NOT_READY, READY, TALKING, WRAP_UP }

    private static final class Reported {
        final Campaign campaign;
        Phase phase = Phase.NOT_READY;
        Instant since;

        Reported(Campaign campaign, Instant since) {
            this.campaign = campaign;
            this.since = since;
        }
    }

    /** Time agents of a campaign spent available (Ready) and busy (talking, wrap-up), seconds; read by metrics. */
    static final class TimeShares {
        private volatile double ready;
        private volatile double busy;

        /** Busy / (busy + Ready) since start; 0 before any time was counted. */
        double busyFactor() {
            double b = busy;
            double total = b + ready;
            return total <= 0 ? 0 : b / total;
        }
    }

    private final PacingEngine engine;
    private final Collection<Campaign> campaigns;
    /** Which mode gave each agent its interaction. */
    private final Assignments assignments;
    private final Map<String, Reported> reported = new HashMap<>();
    private final Map<String, Instant> readySince = new HashMap<>();
    private final Map<String, TimeShares> shares = new HashMap<>();

    PacedAgents(PacingEngine engine, Collection<Campaign> campaigns, Assignments assignments) {
        this.engine = engine;
        this.campaigns = campaigns;
        this.assignments = assignments;
        for (Campaign c : campaigns) {
            if (c.plan().paced()) {
                shares.put(c.name(), new TimeShares());
            }
        }
    }

    /**
     * The paced campaign an agent is paced in. An agent on a paced call is paced in that call's campaign.
     * Otherwise an agent listed in several keeps its campaign while that one runs, and else joins the running one
     * with the fewest paced agents, so that agents shared between campaigns spread over them; with none running,
     * the first loaded one.
     */
    private Optional<Campaign> campaignOf(Agent agent) {
        Interaction ix = agent.interaction();
        if (pacedCall(agent)) {
            for (Campaign c : campaigns) {
                if (c.name().equals(ix.campaign()) && c.state() != CampaignState.UNLOADED) {
                    return Optional.of(c);
                }
            }
        }
        Reported current = reported.get(agent.id());
        if (current != null && current.campaign.state() == CampaignState.RUNNING
                && current.campaign.plan().agentIds().contains(agent.id())) {
            return Optional.of(current.campaign);
        }
        Campaign best = null;
        Campaign firstLoaded = null;
        for (Campaign c : campaigns) {
            if (!c.plan().paced() || c.state() == CampaignState.UNLOADED
                    || !c.plan().agentIds().contains(agent.id())) {
                continue;
            }
            if (firstLoaded == null) {
                firstLoaded = c;
            }
            if (c.state() == CampaignState.RUNNING && (best == null || pacedIn(c) < pacedIn(best))) {
                best = c;
            }
        }
        return Optional.ofNullable(best != null ? best : firstLoaded);
    }

    private long pacedIn(Campaign campaign) {
        return reported.values().stream().filter(r -> r.campaign == campaign).count();
    }

    /** An agent changed state: remember since when it is Ready, then report what changed. */
    void moved(Agent agent, AgentState previous, Instant now) {
        if (agent.state() == AgentState.READY && previous != AgentState.READY) {
            readySince.put(agent.id(), now);
        }
        sync(agent, now);
    }

    /** Reports the agent's phase to the engine if it changed (also campaign loads and unloads). */
    void sync(Agent agent, Instant now) {
        Optional<Campaign> campaign = campaignOf(agent);
        Phase want = campaign.isPresent() ? phaseOf(agent) : Phase.ABSENT;
        Reported r = reported.get(agent.id());
        if (r != null && (want == Phase.ABSENT || r.campaign != campaign.get())) {
            leave(r, now);
            engine.agentLoggedOut(agent.id(), now);
            reported.remove(agent.id());
            r = null;
        }
        if (want == Phase.ABSENT) {
            return;
        }
        if (r == null) {
            r = new Reported(campaign.get(), now);
            reported.put(agent.id(), r);
            engine.agentLoggedIn(agent.id(), campaign.get().name(), now);
        }
        if ((agent.notReadyAfterCall() || agent.logoutAfterCall())
                && (r.phase == Phase.TALKING || r.phase == Phase.WRAP_UP)) {
            engine.agentLeavingAfterCall(agent.id(), now);
        }
        if (r.phase == want) {
            return;
        }
        switch (want) {
            case READY -> engine.agentReady(agent.id(), now);
            case NOT_READY -> engine.agentNotReady(agent.id(), now);
            case WRAP_UP -> engine.agentReleased(agent.id(), now);
            default -> { } // TALKING is reported with the call (connected), nothing else says which call
        }
        moveTo(r, want, now);
    }

    /**
     * The agent holds an interaction of a call the engine paces: predictive, or an engaged agent's (assured
     * connection, ASM), as the registry says which mode gave it (a transfer target's: the call's mode).
     */
    private boolean pacedCall(Agent agent) {
        return assignments.owner(agent)
                .filter(o -> o == InteractionIds.Owner.PREDICTIVE || o == InteractionIds.Owner.ENGAGED).isPresent();
    }

    /**
     * The engine's phase for the agent's state. A predictive call's agent counts as Ready until its phone answers (it
     * is matched to the answer already waiting), and so does an engaged agent until a contact is bridged (it waits on
     * the line for one); calls of other campaigns take the agent out of pacing.
     */
    private Phase phaseOf(Agent agent) {
        boolean paced = pacedCall(agent);
        return switch (agent.state()) {
            case LOGGED_OUT -> Phase.ABSENT;
            case NOT_READY -> Phase.NOT_READY;
            case READY -> Phase.READY;
            case RESERVED -> paced ? Phase.READY : Phase.NOT_READY;
            case BUSY -> paced ? Phase.TALKING : Phase.NOT_READY;
            case AFTER_CALL_WORK -> paced ? Phase.WRAP_UP : Phase.NOT_READY;
        };
    }

    /**
     * A predictive call's agent answered: tells the engine (call and agent at once) and returns how long the agent
     * had been waiting Ready, or empty if the agent is not paced (its campaign was unloaded meanwhile).
     */
    Optional<Duration> connected(String callId, Agent agent, Instant now) {
        Reported r = reported.get(agent.id());
        if (r == null) {
            engine.callForgotten(callId);
            return Optional.empty();
        }
        engine.callConnected(callId, agent.id(), now);
        moveTo(r, Phase.TALKING, now);
        Instant since = readySince.get(agent.id());
        return Optional.of(since == null ? Duration.ZERO : Duration.between(since, now));
    }

    private void moveTo(Reported r, Phase next, Instant now) {
        leave(r, now);
        r.phase = next;
        r.since = now;
    }

    private void leave(Reported r, Instant now) {
        TimeShares s = shares.get(r.campaign.name());
        double spent = Math.max(0, Duration.between(r.since, now).toMillis() / 1e3);
        if (r.phase == Phase.READY) {
            s.ready += spent;
        } else if (r.phase == Phase.TALKING || r.phase == Phase.WRAP_UP) {
            s.busy += spent;
        }
        r.since = now;
    }

    /** Counts the time agents have spent in their current phase so far (before the busy factor is read). */
    void settle(Instant now) {
        for (Reported r : reported.values()) {
            leave(r, now);
        }
    }

    /** When the agent last became Ready (for "longest waiting first"); {@link Instant#MAX} if unknown. */
    Instant readySince(Agent agent) {
        return readySince.getOrDefault(agent.id(), Instant.MAX);
    }

    /** The time shares of a paced campaign. */
    TimeShares shares(String campaign) {
        return shares.get(campaign);
    }
}

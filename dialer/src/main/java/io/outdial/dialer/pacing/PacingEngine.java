package io.outdial.dialer.pacing;

import io.outdial.dialer.pacing.compliance.AbandonmentReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Predictive and progressive pacing for every campaign of a dialer, as pure logic: the dialer reports agent and call
 * events with their time, and asks {@link #decide} how many calls a campaign should place now. Estimates, the
 * abandonment ledger and the feedback all live here, per campaign.
 *
 * <p>Not thread-safe by design: call it from the dialer's serial executor only. Ask for a decision after every event
 * and on a one-second tick (agents drift toward "about to be free" between events).
 */
public final class PacingEngine {
    private final ZoneId zone;
    private final Map<String, CampaignPacer> campaigns = new HashMap<>();
    private final Map<String, PacedAgent> agents = new HashMap<>();
    private final Map<String, CampaignPacer> calls = new HashMap<>();

    /** @param zone the zone whose calendar days the daily abandonment rate is counted in */
    public PacingEngine(ZoneId zone) {
        this.zone = zone;
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** Starts pacing a campaign (or replaces its settings, keeping nothing: a reconfigured campaign starts afresh). */
    public void campaign(String campaign, PacingSettings settings) {
        campaigns.put(campaign, new CampaignPacer(campaign, settings, zone));
    }

    private CampaignPacer pacer(String campaign) {
        CampaignPacer p = campaigns.get(campaign);
        if (p == null) {
            throw new IllegalArgumentException("unknown campaign " + campaign);
        }
        return p;
    }

    // ---- agents -------------------------------------------------------------------------------------------------

    /** An agent logged in to a campaign; it starts Not Ready. */
    public void agentLoggedIn(String agentId, String campaign, Instant at) {
        agentLoggedOut(agentId, at);
        PacedAgent agent = new PacedAgent(agentId, campaign, seconds(at));
        agents.put(agentId, agent);
        pacer(campaign).add(agent);
    }

    /** An agent logged out (or left the campaign). */
    public void agentLoggedOut(String agentId, Instant at) {
        PacedAgent agent = agents.remove(agentId);
        if (agent != null) {
            pacer(agent.campaign).remove(agent, seconds(at));
        }
    }

    /** An agent is Ready for a call (also the end of wrap-up when the agent goes straight back to Ready). */
    public void agentReady(String agentId, Instant at) {
        PacedAgent a = agent(agentId);
        pacer(a.campaign).ready(a, seconds(at));
    }

    /** An agent is Not Ready (break, meeting; also from wrap-up straight to a break). */
    public void agentNotReady(String agentId, Instant at) {
        PacedAgent a = agent(agentId);
        pacer(a.campaign).notReady(a, seconds(at));
    }

    /**
     * The agent asked for Not Ready (a break) or to log out once its current call and wrap-up are over: it is no longer
     * counted on to take the next answer. Its next Ready or Not Ready clears this.
     */
    public void agentLeavingAfterCall(String agentId, Instant at) {
        agent(agentId).leavingAfterCall = true;
    }

    /** A call ended for the agent, which now does its after-call work. */
    public void agentReleased(String agentId, Instant at) {
        PacedAgent a = agent(agentId);
        pacer(a.campaign).released(a, seconds(at));
    }

    /** Wrap-up done and the agent Ready again (same as {@link #agentReady}, named for the event). */
    public void wrapUpDone(String agentId, Instant at) {
        agentReady(agentId, at);
    }

    private PacedAgent agent(String agentId) {
        PacedAgent a = agents.get(agentId);
        if (a == null) {
            throw new IllegalArgumentException("agent not logged in: " + agentId);
        }
        return a;
    }

    // ---- calls --------------------------------------------------------------------------------------------------

    /** A call to a contact was placed for a campaign. */
    public void callDialed(String callId, String campaign, Instant at) {
        CampaignPacer p = pacer(campaign);
        calls.put(callId, p);
        p.dialed(callId, seconds(at));
    }

    /** The contact answered and is a live person: an agent must be connected within the connect window. */
    public void callAnsweredLive(String callId, Instant at) {
        CampaignPacer p = calls.get(callId);
        if (p != null) {
            p.answeredLive(callId, at, seconds(at));
        }
    }

    /** AMD classified the answer as a machine; the call is out of pacing (dropped or left to a message). */
    public void callMachineDetected(String callId, Instant at) {
        CampaignPacer p = calls.remove(callId);
        if (p != null) {
            p.otherOutcome(callId, seconds(at));
            p.ledger.machineDetected(at);
        }
    }

    /** The call ended without an answer: no answer, busy, SIT, fax, trunk or other failure. */
    public void callFailed(String callId, Instant at) {
        CampaignPacer p = calls.remove(callId);
        if (p != null) {
            p.otherOutcome(callId, seconds(at));
        }
    }

    /** A live contact was connected to an agent, who is now talking. */
    public void callConnected(String callId, String agentId, Instant at) {
        CampaignPacer p = calls.remove(callId);
        PacedAgent a = agent(agentId);
        (p != null ? p : pacer(a.campaign)).connected(callId, a, seconds(at));
    }

    /** No agent within the connect window: the contact heard the safe-harbour message; result Abandoned. */
    public void callAbandoned(String callId, Instant at) {
        CampaignPacer p = calls.remove(callId);
        if (p != null) {
            p.abandoned(callId, at);
        }
    }

    /** The dialer dropped or cancelled the call before any outcome (unload, shutdown): nothing to learn. */
    public void callForgotten(String callId) {
        CampaignPacer p = calls.remove(callId);
        if (p != null) {
            p.forget(callId);
        }
    }

    // ---- decisions and figures ----------------------------------------------------------------------------------

    /** How many calls the campaign should place now; place them, report each with {@link #callDialed}. */
    public PacingDecision decide(String campaign, Instant now) {
        return pacer(campaign).decide(now, seconds(now));
    }

    /** The campaign's abandonment figures for the day containing {@code now} and the rolling window. */
    public AbandonmentReport abandonment(String campaign, Instant now) {
        return pacer(campaign).ledger.report(now);
    }

    /** Seeds a past day of the campaign's abandonment ledger (from the store, after a restart). */
    public void restoreAbandonment(String campaign, java.time.LocalDate day,
            io.outdial.dialer.pacing.compliance.AbandonmentLedger.DayCounts counts) {
        pacer(campaign).ledger.restore(day, counts);
    }

    /** Calls of the campaign ringing or answered and waiting for an agent. */
    public int callsInFlight(String campaign) {
        return pacer(campaign).callsInFlight();
    }

    /** The current estimate of P(live answer) per dial for the campaign. */
    public double answerProbability(String campaign) {
        return pacer(campaign).estimates.answerProbability();
    }
}

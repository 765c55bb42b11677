package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentProfile;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.pacing.PacingEngine;
import io.outdial.dialer.pacing.PacingSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.CallingRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agents shared by several predictive campaigns are paced in one at a time and spread over the running ones. */
class PacedAgentsTest {
    private static final Instant T0 = Instant.parse("2030-06-01T12:00:00Z");

    private final AgentRoster roster = new AgentRoster(List.of(profile("a1"), profile("a2"), profile("a3"),
            profile("a4")));
    private final Campaigns campaigns = new Campaigns(List.of(plan("east"), plan("west")), roster);
    private final PacingEngine engine = new PacingEngine(ZoneId.of("UTC"));
    private final Assignments assignments = new Assignments();
    private final PacedAgents paced = new PacedAgents(engine, campaigns.all(), assignments);

    private static AgentProfile profile(String id) {
        return new AgentProfile(id, null, "sip:" + id + "@127.0.0.1", true, Duration.ZERO);
    }

    private static CampaignPlan plan(String name) {
        return CampaignPlan.builder(name, DialingMode.PREDICTIVE).agents(List.of("a1", "a2", "a3", "a4")).build();
    }

    private void ready(String id) {
        Agent a = roster.find(id).orElseThrow();
        AgentState before = a.state();
        a.moveTo(AgentState.READY, null);
        paced.moved(a, before, T0);
    }

    private int freeIn(String campaign) {
        return engine.decide(campaign, T0).freeAgents();
    }

    @Test
    void readyAgentsSpreadOverTheRunningCampaignsAndFollowAStop() {
        campaigns.lifecycle(new Campaigns.Lifecycle() {
            @Override
            public void started(io.outdial.dialer.campaign.Campaign campaign) {
            }

            @Override
            public void unloaded(io.outdial.dialer.campaign.Campaign campaign) {
            }
        });
        for (String c : List.of("east", "west")) {
            engine.campaign(c, PacingSettings.predictive());
            campaigns.apply(c, CampaignAction.LOAD);
            campaigns.apply(c, CampaignAction.START);
        }
        for (String id : List.of("a1", "a2", "a3", "a4")) {
            roster.find(id).orElseThrow().moveTo(AgentState.NOT_READY, null);
            ready(id);
        }
        assertEquals(2, freeIn("east"), "each Ready agent counts in one campaign");
        assertEquals(2, freeIn("west"));

        campaigns.apply("west", CampaignAction.STOP);
        for (String id : List.of("a1", "a2", "a3", "a4")) {
            paced.sync(roster.find(id).orElseThrow(), T0);
        }
        assertEquals(4, freeIn("east"), "the agents of a stopped campaign move to the one still running");
    }

    private static Interaction interaction(String id, String campaign) {
        return new Interaction(id, campaign, new CallingRecord(1, campaign, "2005550101", "Home", RecordType.GENERAL,
                RecordStatus.RETRIEVED, CallResult.UNKNOWN, 0, null, null, 0, 86400, "UTC", null, null, 0, Map.of()));
    }

    private void reserve(String id, InteractionIds.Owner owner, String interactionId) {
        Agent a = roster.find(id).orElseThrow();
        assignments.give(a, owner, interaction(interactionId, "east"));
        AgentState before = a.state();
        a.moveTo(AgentState.RESERVED, "east");
        paced.moved(a, before, T0);
    }

    @Test
    void anAgentReservedForAPacedCallStaysFreeToTheEngineAndOneReservedByAnotherModeDoesNot() {
        campaigns.lifecycle(new Campaigns.Lifecycle() {
            @Override
            public void started(io.outdial.dialer.campaign.Campaign campaign) {
            }

            @Override
            public void unloaded(io.outdial.dialer.campaign.Campaign campaign) {
            }
        });
        engine.campaign("east", PacingSettings.predictive());
        campaigns.apply("east", CampaignAction.LOAD);
        campaigns.apply("east", CampaignAction.START);
        for (String id : List.of("a1", "a2", "a3")) {
            roster.find(id).orElseThrow().moveTo(AgentState.NOT_READY, null);
            ready(id);
        }
        assertEquals(3, freeIn("east"));
        reserve("a1", InteractionIds.Owner.PREDICTIVE, "px-1");
        reserve("a2", InteractionIds.Owner.ENGAGED, "ac-1");
        reserve("a3", InteractionIds.Owner.PROGRESSIVE, "ix-1");
        assertEquals(2, freeIn("east"), "matched to an answer or engaged on the line: still free to the engine");
    }
}

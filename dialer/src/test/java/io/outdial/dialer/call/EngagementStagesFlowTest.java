package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where an engagement's {@link EngagementStage} decides what the dialer does (assured connection, in virtual time, on
 * scripted legs): a bridged call's end is after-call work, not a released engagement; an engagement whose campaign
 * stopped before the agent answered gives its record back and frees the agent; a list running out does not release
 * an agent whose phone still rings.
 */
class EngagementStagesFlowTest {
    private final DialerUnderTest gw = new DialerUnderTest(
            """
              - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
              - { id: bob, secret: s3cret, phone: "sip:bob@127.0.0.1:5082" }
            """,
            """
              - { name: ac, dialingMode: assured_connection, agents: [ann, bob], autoLoad: false, autoStart: false }
            """);

    @AfterEach
    void close() {
        gw.close();
    }

    /** The stage of {@code agent}'s engagement, as the registry holds it; null if it has none. */
    private EngagementStage stageOf(String agent) {
        return gw.dialer.dialing().assignments().lines(InteractionIds.Owner.ENGAGED, Engagement.class).stream()
                .filter(e -> e.agent.id().equals(agent)).findFirst().map(Engagement::stage).orElse(null);
    }

    private List<String> states(DialerUnderTest.Desktop desk, int from) {
        return desk.events.subList(from, desk.events.size()).stream()
                .filter(e -> e instanceof CtiEvent.AgentStateChanged)
                .map(e -> ((CtiEvent.AgentStateChanged) e).state()).toList();
    }

    @Test
    void theBridgedCallsEndIsAfterCallWorkAndNotAReleasedEngagement() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("ac", "contact_info\n2005550701\n");
        ann.send(new CtiCommand.Ready("r"));
        ScriptedLeg phone = gw.leg(0);
        assertEquals(EngagementStage.CALLING_AGENT, stageOf("ann"));
        phone.answer();
        assertEquals(EngagementStage.CALLING_AGENT, stageOf("ann"), "engaged once the music has played its lead");
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(EngagementStage.ENGAGED, stageOf("ann"));
        ScriptedLeg contact = gw.leg(1);
        contact.answer();
        assertEquals(EngagementStage.CONNECTED, stageOf("ann"));
        int bridgedAt = ann.events.size();

        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(null, stageOf("ann"), "the engagement is over with its bridged call");
        assertEquals(List.of("AfterCallWork"), states(ann, bridgedAt),
                "the agent wraps up the call; the engagement's end does not free it");
        String ix = ann.last(CtiEvent.InteractionReleased.class).interaction().interactionId();
        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals(List.of("AfterCallWork", "Ready"), states(ann, bridgedAt));
    }

    @Test
    void anAgentEngagedAfterItsCampaignStoppedIsFreedAndItsRecordGivenBack() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("ac", "contact_info\n2005550702\n");
        ann.send(new CtiCommand.Ready("r"));
        ScriptedLeg phone = gw.leg(0);
        gw.onDialer(() -> gw.dialer.campaigns().apply("ac", CampaignAction.STOP));
        int stoppedAt = ann.events.size();

        phone.answer();
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(null, stageOf("ann"), "engaged, then released without a dial");
        assertEquals(1, gw.ua.legs.size(), "no contact dialed");
        assertEquals(LegState.ENDED, phone.state(), "the agent's phone is hung up");
        assertEquals(List.of("Ready"), states(ann, stoppedAt), "the agent is free again, with nothing to wrap up");
        assertEquals(RecordStatus.READY, gw.record("ac", "2005550702").status(), "the record is not spent");
    }

    @Test
    void theListRunningOutWhileAnAgentsPhoneRingsLeavesThatAgentToBeEngaged() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        gw.uploadAndStart("ac", "contact_info\n2005550703\n");
        ann.send(new CtiCommand.Ready("r"));
        ScriptedLeg annPhone = gw.leg(0);
        assertEquals(EngagementStage.CALLING_AGENT, stageOf("ann"));
        // Bob's first record is the one that is not there: the list is exhausted while ann's phone rings.
        bob.send(new CtiCommand.Ready("r"));
        assertEquals(1, gw.ua.legs.size(), "nothing to engage bob for: " + gw.ua.legs.stream().map(ScriptedLeg::target).toList());
        assertEquals(EngagementStage.CALLING_AGENT, stageOf("ann"), "ann's engagement is not released");

        annPhone.answer();
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(2, gw.ua.legs.size(), "ann's record is dialed once she answers");
        assertTrue(gw.leg(1).target().contains("2005550703"), gw.leg(1).target());
        assertEquals(EngagementStage.ENGAGED, stageOf("ann"));
    }
}

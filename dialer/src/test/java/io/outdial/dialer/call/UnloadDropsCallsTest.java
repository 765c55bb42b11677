package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.agent.InteractionIds;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Unloading a campaign hangs up its live calls of every paced mode through the one registry ({@link Assignments}):
 * a bridged progressive call, a ringing predictive dial, an engaged agent with a contact on the line and one whose
 * phone still rings; each unload leaves the other campaigns' calls up, and the last leaves the registry empty. Virtual
 * time, scripted legs.
 */
class UnloadDropsCallsTest {

    private final DialerUnderTest gw = new DialerUnderTest(
            """
              - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
              - { id: bob, secret: s3cret, phone: "sip:bob@127.0.0.1:5082" }
              - { id: cid, secret: s3cret, phone: "sip:cid@127.0.0.1:5083" }
              - { id: dan, secret: s3cret, phone: "sip:dan@127.0.0.1:5084" }
            """,
            """
              - { name: prog, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false }
              - { name: pred, dialingMode: predictive, agents: [bob], autoLoad: false, autoStart: false }
              - { name: vip, dialingMode: assured_connection, agents: [cid, dan], autoLoad: false, autoStart: false }
            """);

    @AfterEach
    void close() {
        gw.close();
    }

    private final Map<String, DialerUnderTest.Desktop> desks = new HashMap<>();

    /** {@code agent}'s desktop, logged in the first time it is asked for. */
    private DialerUnderTest.Desktop desk(String agent) {
        return desks.computeIfAbsent(agent, a -> gw.login(a, "s3cret"));
    }

    private Assignments registry() {
        return gw.dialer.dialing().assignments();
    }

    /** The legs dialed to a target containing {@code part} (a contact's number, an agent's name). */
    private List<ScriptedLeg> legs(String part) {
        return gw.ua.legs.stream().filter(l -> l.target().contains(part)).toList();
    }

    private ScriptedLeg leg(String part) {
        List<ScriptedLeg> found = legs(part);
        assertEquals(1, found.size(), part + " among " + gw.ua.legs.stream().map(ScriptedLeg::target).toList());
        return found.get(0);
    }

    private void assertAllEnded(String... parts) {
        for (String part : parts) {
            for (ScriptedLeg l : legs(part)) {
                assertTrue(l.state().isTerminal(), l.target() + " is " + l.state());
            }
        }
    }

    private void assertAllUp(String... parts) {
        for (String part : parts) {
            ScriptedLeg l = leg(part);
            assertTrue(!l.state().isTerminal(), l.target() + " is " + l.state());
        }
    }

    private void unload(String campaign) {
        gw.onDialer(() -> gw.dialer.campaigns().apply(campaign, CampaignAction.UNLOAD));
    }

    @Test
    void unloadingEachCampaignDropsItsCallsOfEveryPacedModeAndTheLastLeavesTheRegistryEmpty() {
        for (String agent : List.of("ann", "bob", "cid", "dan")) {
            desk(agent);
        }
        gw.uploadAndStart("prog", "contact_info\n2005550801\n");
        gw.uploadAndStart("pred", "contact_info\n2005550802\n");
        gw.uploadAndStart("vip", "contact_info\n2005550803\n2005550804\n");

        desk("ann").send(new CtiCommand.Ready("r"));
        leg("2005550801").answer();
        leg("sip:ann@").answer();
        assertEquals(1, gw.ua.bridges, "the progressive call is bridged");

        desk("bob").send(new CtiCommand.Ready("r"));
        desk("cid").send(new CtiCommand.Ready("r"));
        leg("sip:cid@").answer();
        gw.clock.advance(Duration.ofSeconds(1));
        desk("dan").send(new CtiCommand.Ready("r"));
        assertAllUp("2005550802", "sip:dan@");
        assertEquals(1, legs("2005550803").size() + legs("2005550804").size(), "one contact for the engaged cid");

        assertEquals(1, registry().all(InteractionIds.Owner.PROGRESSIVE).size());
        assertEquals(1, registry().all(InteractionIds.Owner.PREDICTIVE).size());
        assertEquals(1, registry().all(InteractionIds.Owner.ENGAGED).size(), "cid's contact");
        assertEquals(2, registry().lines(InteractionIds.Owner.ENGAGED, Engagement.class).size(), "cid and dan");
        assertEquals(4, gw.dialer.dialing().callsInProgress());

        unload("prog");
        assertAllEnded("2005550801", "sip:ann@");
        assertEquals(0, registry().all(InteractionIds.Owner.PROGRESSIVE).size());
        assertAllUp("2005550802", "sip:cid@", "sip:dan@");
        assertEquals(3, gw.dialer.dialing().callsInProgress(), "the other campaigns' calls go on");

        unload("pred");
        assertAllEnded("2005550802");
        assertEquals(0, registry().all(InteractionIds.Owner.PREDICTIVE).size());
        assertAllUp("sip:cid@", "sip:dan@");
        assertEquals(2, gw.dialer.dialing().callsInProgress());

        unload("vip");
        assertAllEnded("2005550803", "2005550804", "sip:cid@", "sip:dan@");
        assertEquals(0, registry().size(), "no contact call left");
        assertEquals(0, registry().lineCount(), "no engaged agent's call left");
        assertEquals(0, gw.dialer.dialing().callsInProgress());
        assertTrue(gw.dialer.dialing().idle().isDone(), "idle once every paced call is over");
    }

}

package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.sip.LegEvent.EndReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where an engaged contact's {@link EngagedHandover} moves (assured connection, virtual time, scripted legs): the
 * engaged agent's while it rings and talks; handed on by a transfer to another agent, whose call's end it then is.
 */
class EngagedHandoversFlowTest {
    private final DialerUnderTest gw = new DialerUnderTest(
            """
              - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
              - { id: bob, secret: s3cret, phone: "sip:bob@127.0.0.1:5082" }
            """,
            """
              - { name: ac, dialingMode: assured_connection, agents: [ann], autoLoad: false, autoStart: false }
            """);

    @AfterEach
    void close() {
        gw.close();
    }

    private List<EngagedHandover> handovers() {
        return gw.dialer.dialing().assignments().states(InteractionIds.Owner.ENGAGED, EngagedContact.class).stream()
                .map(d -> d.handover).toList();
    }

    @Test
    void aTransferHandsTheBridgedContactOnAndItsEndIsTheTargets() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        DialerUnderTest.Desktop bob = gw.login("bob", "s3cret");
        gw.uploadAndStart("ac", "contact_info\n2005550721\n");
        ann.send(new CtiCommand.Ready("r"));
        gw.leg(0).answer();
        gw.clock.advance(Duration.ofSeconds(1));
        ScriptedLeg contact = gw.leg(1);
        assertEquals(List.of(EngagedHandover.ENGAGED_AGENTS), handovers(), "ringing");
        contact.answer();
        assertEquals(List.of(EngagedHandover.ENGAGED_AGENTS), handovers(), "bridged to ann");
        String ix = ann.last(CtiEvent.InteractionEstablished.class).interaction().interactionId();

        bob.send(new CtiCommand.Ready("b"));
        ann.send(new CtiCommand.Transfer("t", ix, "bob", null));
        gw.leg(2).answer();
        assertEquals("Busy", bob.last(CtiEvent.AgentStateChanged.class).state());
        assertEquals(List.of(EngagedHandover.HANDED_ON), handovers(), "ann is gone from it");

        contact.end(EndReason.REMOTE_HANGUP);
        assertTrue(handovers().isEmpty());
        assertEquals("AfterCallWork", bob.last(CtiEvent.AgentStateChanged.class).state(), "the end is bob's");
    }
}

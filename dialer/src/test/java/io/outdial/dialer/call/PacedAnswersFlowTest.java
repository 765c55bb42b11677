package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.record.CallResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a paced contact's {@link PacedAnswer} moves (virtual time, scripted legs, no answering machine detection): a
 * ringing contact is not counted; its pick-up is the live answer, for predictive before any agent is given, for an
 * engaged agent's contact as it is bridged.
 */
class PacedAnswersFlowTest {
    private DialerUnderTest gw;

    @AfterEach
    void close() {
        gw.close();
    }

    private List<ScriptedLeg> contacts() {
        return gw.ua.legs.stream().filter(l -> !l.target().startsWith("sip:ann@")).toList();
    }

    private <T> List<T> states(InteractionIds.Owner owner, Class<T> type) {
        return gw.dialer.dialing().assignments().states(owner, type);
    }

    @Test
    void aPredictiveContactIsALiveAnswerAtThePickUpWhileItWaitsForAnAgent() {
        gw = new DialerUnderTest("  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
                "  - { name: pd, dialingMode: predictive, agents: [ann], autoLoad: false, autoStart: false }");
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pd", "contact_info\n2005550711\n");
        ann.send(new CtiCommand.Ready("r"));
        gw.clock.advance(Duration.ofSeconds(1));
        ann.send(new CtiCommand.NotReady("n", null));
        ScriptedLeg contact = contacts().get(0);
        assertEquals(List.of(PacedAnswer.UNCOUNTED),
                states(InteractionIds.Owner.PREDICTIVE, PredictiveDial.class).stream().map(d -> d.answer).toList());

        contact.answer();
        assertEquals(List.of(PacedAnswer.LIVE),
                states(InteractionIds.Owner.PREDICTIVE, PredictiveDial.class).stream().map(d -> d.answer).toList(),
                "counted at the pick-up, before any agent is given");
        gw.clock.advance(Duration.ofSeconds(3));
        assertEquals(CallResult.ABANDONED, gw.store.records("pd").get(0).callResult(),
                "a live answer nobody took is abandoned");
    }

    @Test
    void anEngagedAgentsContactIsNotCountedWhileItRingsAndIsALiveAnswerOnceBridged() {
        gw = new DialerUnderTest("  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
                "  - { name: ac, dialingMode: assured_connection, agents: [ann], autoLoad: false, autoStart: false }");
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("ac", "contact_info\n2005550712\n");
        ann.send(new CtiCommand.Ready("r"));
        gw.leg(0).answer();
        gw.clock.advance(Duration.ofSeconds(1));
        ScriptedLeg contact = gw.leg(1);
        assertTrue(!contact.state().isTerminal());
        assertEquals(List.of(PacedAnswer.UNCOUNTED),
                states(InteractionIds.Owner.ENGAGED, EngagedContact.class).stream().map(d -> d.answer).toList());

        contact.answer();
        assertEquals(List.of(PacedAnswer.LIVE),
                states(InteractionIds.Owner.ENGAGED, EngagedContact.class).stream().map(d -> d.answer).toList());
    }
}

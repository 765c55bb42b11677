package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PredictiveDialing in virtual time: dialing ahead of free agents, and the 2-second rule for an unmatched answer. */
class PredictiveDialingTest {

    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            "  - { name: pd, dialingMode: predictive, agents: [ann], autoLoad: false, autoStart: false }");

    @AfterEach
    void close() {
        gw.close();
    }

    private List<ScriptedLeg> contacts() {
        return gw.ua.legs.stream().filter(l -> !l.target().startsWith("sip:ann@")).toList();
    }

    @Test
    void aContactAnsweredForAnAgentWhoLeftIsAbandonedAtTheEndOfTheConnectWindowNotBefore() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pd", "contact_info\n2005550701\n");
        ann.send(new CtiCommand.Ready("r"));
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, contacts().size(), "one free agent in a small group: one line");
        ScriptedLeg contact = contacts().get(0);
        // Predictive dials ahead of agents without reserving one: the agent may still go Not Ready.
        ann.send(new CtiCommand.NotReady("n", null));
        assertEquals("NotReady", ann.last(CtiEvent.AgentStateChanged.class).state());

        contact.answer();
        gw.clock.advance(Duration.ofMillis(1_990));
        assertTrue(!contact.state().isTerminal(), "the contact waits for an agent within the 2 s connect window");
        gw.clock.advance(Duration.ofMillis(20));
        assertTrue(contact.state().isTerminal(), "abandoned once the window has passed: " + contact.state());
        assertEquals(CallResult.ABANDONED, gw.store.records("pd").get(0).callResult());
        assertTrue(gw.ua.legs.stream().noneMatch(l -> l.target().startsWith("sip:ann@")), "the agent was not called");
    }
}

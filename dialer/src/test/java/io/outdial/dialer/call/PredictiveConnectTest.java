package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.LegEvent.EndReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PredictiveDialing through the whole dialer, in virtual time: an answered contact goes to the Ready agent, whose
 * phone is called for it; a busy contact frees the line for the next record; Mark Done brings the agent back.
 */
class PredictiveConnectTest {
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

    private List<ScriptedLeg> annsPhone() {
        return gw.ua.legs.stream().filter(l -> l.target().startsWith("sip:ann@")).toList();
    }

    private CallingRecord byPhone(String phone) {
        return gw.record("pd", phone);
    }

    @Test
    void aBusyContactFreesTheLineAndTheNextAnsweredOneIsConnectedToTheReadyAgent() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pd", "contact_info\n2005550711\n2005550712\n2005550713\n");
        ann.send(new CtiCommand.Ready("r"));
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, contacts().size(), "one free agent in a small group: one line");
        assertEquals(List.of(), annsPhone(), "predictive does not call the agent before an answer");

        contacts().get(0).fail(486);
        assertEquals(CallResult.BUSY, byPhone("2005550711").callResult());
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(2, contacts().size(), "the line is dialed again for the still free agent");
        assertEquals("Ready", ann.last(CtiEvent.AgentStateChanged.class).state());

        ScriptedLeg answered = contacts().get(1);
        answered.answer();
        assertEquals(1, annsPhone().size(), "ann's phone is called for the answered contact");
        annsPhone().get(0).ring();
        assertTrue(ann.received(e -> e instanceof CtiEvent.InteractionRinging), ann.types().toString());
        annsPhone().get(0).answer();
        assertEquals(1, gw.ua.bridges);
        CtiEvent.Interaction ix = ann.last(CtiEvent.InteractionEstablished.class).interaction();
        assertTrue(answered.target().contains("2005550712"), "the list's next record: " + answered.target());
        assertEquals("2005550712", ix.record().get("contact_info"), "the interaction is the answered contact's");
        assertEquals("Busy", ann.last(CtiEvent.AgentStateChanged.class).state());

        gw.clock.advance(Duration.ofSeconds(10));
        assertEquals(2, contacts().size(), "ann is Busy: nothing dialed ahead for one agent");
        answered.end(EndReason.REMOTE_HANGUP);
        assertEquals("AfterCallWork", ann.last(CtiEvent.AgentStateChanged.class).state());
        ann.send(new CtiCommand.MarkDone("d", ix.interactionId()));
        CallingRecord done = byPhone("2005550712");
        assertEquals(CallResult.ANSWER, done.callResult());
        assertEquals("ann", done.agentId());
        assertEquals(RecordStatus.UPDATED, done.status());
        assertEquals("Ready", ann.last(CtiEvent.AgentStateChanged.class).state());
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(3, contacts().size(), "Ready again: the last record is dialed");
        assertFalse(contacts().get(2).state().isTerminal());
    }
}

package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegEvent.FailureKind;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ProgressiveMode (run by the one pacing loop in Dialing), CtiDesk and AfterCall together, in virtual time: one agent's
 * call from Ready to Mark Done.
 */
class ProgressiveModeTest {

    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false }");

    @AfterEach
    void close() {
        gw.close();
    }

    private CallingRecord record() {
        return gw.store.records("it").get(0);
    }

    @Test
    void aReadyAgentGetsTheAnsweredContactAndMarkDoneWritesTheResult() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("it", "contact_info\n2005550101\n");
        assertEquals(0, gw.ua.legs.size(), "nobody is Ready: nothing is dialed");

        ann.send(new CtiCommand.Ready("r"));
        ScriptedLeg contact = gw.leg(0);
        assertTrue(contact.target().contains("2005550101"), contact.target());
        assertEquals(RecordStatus.RETRIEVED, record().status());

        contact.ring();
        contact.answer();
        ScriptedLeg phone = gw.leg(1);
        assertTrue(phone.target().startsWith("sip:ann@127.0.0.1:5081"), phone.target());
        phone.ring();
        assertTrue(ann.received(e -> e instanceof CtiEvent.InteractionRinging), ann.types().toString());
        phone.answer();
        assertEquals(1, gw.ua.bridges, "contact and agent bridged");
        String ix = ann.last(CtiEvent.InteractionEstablished.class).interaction().interactionId();

        contact.end(EndReason.REMOTE_HANGUP);
        assertEquals("Released", ann.last(CtiEvent.InteractionReleased.class).interaction().state());
        assertEquals("AfterCallWork", ann.last(CtiEvent.AgentStateChanged.class).state());

        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals(ix, ann.last(CtiEvent.InteractionDone.class).interactionId());
        assertEquals(CallResult.ANSWER, record().callResult());
        assertEquals(RecordStatus.UPDATED, record().status());
        assertEquals(1, record().attempt());
    }

    @Test
    void eachLegsTimeFromDialToAnswerIsMeasured() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("it", "contact_info\n2005550103\n");
        ann.send(new CtiCommand.Ready("r"));
        gw.clock.advance(Duration.ofMillis(4200));
        gw.leg(0).answer();
        gw.clock.advance(Duration.ofMillis(700));
        gw.leg(1).answer();
        String scrape = gw.dialer.metrics().scrape();
        assertTrue(scrape.contains("outdial_call_setup_seconds_count{leg=\"contact\"} 1"), scrape);
        assertTrue(scrape.contains("outdial_call_setup_seconds_sum{leg=\"contact\"} 4.2"), scrape);
        assertTrue(scrape.contains("outdial_call_setup_seconds_sum{leg=\"agent\"} 0.7"), scrape);
        assertTrue(scrape.contains("outdial_campaign_agents{campaign=\"it\",state=\"Busy\"} 1"), scrape);
    }

    @Test
    void anAgentPhoneThatRingsOutAbandonsTheContactAndTheAgentIsNotReady() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("it", "contact_info\n2005550102\n");
        ann.send(new CtiCommand.Ready("r"));
        ScriptedLeg contact = gw.leg(0);
        assertEquals(Duration.ofSeconds(15), gw.ua.requests.get(0).ringTimeout(), "dialing.ringTimeout");
        contact.answer();
        ScriptedLeg phone = gw.leg(1);
        assertEquals(Duration.ofSeconds(15), gw.ua.requests.get(1).ringTimeout(), "dialing.agentRingTimeout");
        phone.ring();
        phone.failWith(487, FailureKind.RING_TIMEOUT);
        assertTrue(contact.state().isTerminal(), "nobody is left for the contact: " + contact.state());
        assertEquals(CallResult.ABANDONED, record().callResult());
        assertEquals(RecordStatus.UPDATED, record().status());
        assertEquals("NotReady", ann.last(CtiEvent.AgentStateChanged.class).state(), ann.types().toString());
    }
}

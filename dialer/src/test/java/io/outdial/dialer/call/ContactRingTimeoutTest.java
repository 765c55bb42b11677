package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A contact that rings out, in virtual time: the dialer asks for dialing.ringTimeout (15 s) on the contact's leg and
 * takes the leg's ring-timeout failure as No Answer, the agent never connected and dialed again. When the leg gives
 * up (15,000 ms, not 14,999) is the SIP stack's: RingTimeoutIT, also in virtual time. The wall-clock "rang at least
 * 15 s" that ProgressiveCampaignIT had is held by the two.
 */
class ContactRingTimeoutTest {
    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false }");

    @AfterEach
    void close() {
        gw.close();
    }

    private CallingRecord byPhone(String phone) {
        return gw.record("it", phone);
    }

    @Test
    void aContactThatRingsOutIsNoAnswerAndTheReadyAgentGetsTheNextRecord() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("it", "contact_info\n9995550103\n9995550104\n");
        ann.send(new CtiCommand.Ready("r"));
        ScriptedLeg contact = gw.leg(0);
        assertTrue(contact.target().contains("9995550103"), contact.target());
        assertEquals(Duration.ofSeconds(15), gw.ua.requests.get(0).ringTimeout(), "dialing.ringTimeout");

        contact.ring();
        gw.clock.advance(Duration.ofSeconds(15));
        assertEquals(LegState.CALLING, contact.state(), "the dialer leaves the ring timeout to the leg");
        contact.failWith(487, FailureKind.RING_TIMEOUT);

        CallingRecord rangOut = byPhone("9995550103");
        assertEquals(CallResult.NO_ANSWER, rangOut.callResult());
        assertEquals(1, rangOut.attempt());
        assertFalse(ann.received(e -> e instanceof CtiEvent.InteractionEstablished), ann.types().toString());
        assertEquals(List.of("Ready", "Reserved", "Ready", "Reserved"), ann.events.stream()
                .filter(e -> e instanceof CtiEvent.AgentStateChanged).map(e -> ((CtiEvent.AgentStateChanged) e).state())
                .toList(), "Ready again after the ring-out, then Reserved for the next record");
        assertEquals(2, gw.ua.legs.size(), "the next record is dialed for ann, not her phone");
        assertTrue(gw.leg(1).target().contains("9995550104"), gw.leg(1).target());
    }
}

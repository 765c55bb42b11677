package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EngagedDialing (assured connection) through the whole dialer, in virtual time: one call to the agent's phone carries
 * the agent through a contact that does not answer to the next one, which is bridged; the agent is Reserved from the
 * engagement to the bridge, Busy only at the bridge.
 */
class EngagedDialingTest {
    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            "  - { name: vip, dialingMode: assured_connection, agents: [ann], autoLoad: false, autoStart: false,"
                    + " maxAttempts: 1 }");

    @AfterEach
    void close() {
        gw.close();
    }

    private List<String> states(DialerUnderTest.Desktop desk, int from) {
        return desk.events.subList(from, desk.events.size()).stream()
                .filter(e -> e instanceof CtiEvent.AgentStateChanged)
                .map(e -> ((CtiEvent.AgentStateChanged) e).state()).toList();
    }

    @Test
    void theEngagedAgentStaysOnTheLineThroughANoAnswerAndIsBridgedToTheNextContact() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("vip", "contact_info\n4805550301\n2005550302\n");
        ann.send(new CtiCommand.Ready("r"));
        ScriptedLeg phone = gw.leg(0);
        assertTrue(phone.target().startsWith("sip:ann@"), phone.target());
        phone.answer();
        gw.clock.advance(Duration.ofSeconds(1));
        CtiEvent.Interaction first = ann.last(CtiEvent.InteractionEngaged.class).interaction();
        assertEquals("Establishing", first.state());
        assertEquals("4805550301", first.record().get("contact_info"));
        int engagedAt = ann.events.size();

        ScriptedLeg noAnswer = gw.leg(1);
        assertTrue(noAnswer.target().contains("4805550301"), noAnswer.target());
        noAnswer.ring();
        noAnswer.failWith(487, FailureKind.RING_TIMEOUT);
        CtiEvent.Interaction released = ann.last(CtiEvent.InteractionReleased.class).interaction();
        assertEquals(first.interactionId(), released.interactionId());
        assertEquals("NO_ANSWER", released.callResult());
        assertEquals(LegState.ANSWERED, phone.state(), "ann's phone stays up, engaged");

        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(3, gw.ua.legs.size(), "the next contact is dialed for the engaged agent");
        CtiEvent.Interaction second = ann.last(CtiEvent.InteractionEngaged.class).interaction();
        assertEquals("2005550302", second.record().get("contact_info"));
        ScriptedLeg contact = gw.leg(2);
        contact.answer();
        CtiEvent.Interaction established = ann.last(CtiEvent.InteractionEstablished.class).interaction();
        assertEquals(second.interactionId(), established.interactionId());
        assertEquals(1, gw.ua.bridges, "ann's one phone call is bridged to the second contact");
        assertEquals(List.of("Busy"), states(ann, engagedAt), "only Busy, at the bridge, after the engagement");

        contact.end(EndReason.REMOTE_HANGUP);
        ann.send(new CtiCommand.MarkDone("d", established.interactionId()));
        Map<String, CallResult> results = gw.store.records("vip").stream()
                .collect(Collectors.toMap(CallingRecord::contactInfo, CallingRecord::callResult));
        assertEquals(Map.of("4805550301", CallResult.NO_ANSWER, "2005550302", CallResult.ANSWER), results);
        assertEquals(1, gw.ua.requests.stream().filter(r -> r.requestUri().startsWith("sip:ann@")).count(),
                "one call to the agent for both records");
    }
}

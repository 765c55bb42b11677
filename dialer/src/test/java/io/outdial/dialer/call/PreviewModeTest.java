package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.LegEvent.EndReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PreviewDesk, its auto-dial countdown and the CTI desk together, in virtual time (no network, no SIPp). */
class PreviewModeTest {

    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false, autoStart: false,"
                    + " preview: { autoDial: timed, autoDialAfter: 2s } }");

    @AfterEach
    void close() {
        gw.close();
    }

    private CallingRecord record() {
        return gw.store.records("pv").get(0);
    }

    @Test
    void theTimedAutoDialCallsTheAgentFirstAtTwoSecondsToTheMillisecond() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pv", "contact_info\n5005550101\n");
        ann.send(new CtiCommand.GetRecord("g", "pv"));
        CtiEvent.InteractionPreview shown = ann.last(CtiEvent.InteractionPreview.class);
        assertEquals(2, shown.autoDialIn());
        assertEquals(RecordStatus.RETRIEVED, record().status());

        gw.clock.advance(Duration.ofMillis(1_999));
        assertEquals(0, gw.ua.legs.size(), "nothing dialed before the countdown ends");
        gw.clock.advance(Duration.ofMillis(1));
        assertEquals(1, gw.ua.legs.size(), "the countdown dialed");
        ScriptedLeg phone = gw.leg(0);
        assertTrue(phone.target().startsWith("sip:ann@"), "preview calls the agent first: " + phone.target());

        phone.answer();
        ScriptedLeg contact = gw.leg(1);
        assertTrue(contact.target().contains("5005550101"), contact.target());
        contact.answer();
        assertEquals(1, gw.ua.bridges);
        contact.end(EndReason.REMOTE_HANGUP);
        String ix = ann.last(CtiEvent.InteractionReleased.class).interaction().interactionId();

        ann.send(new CtiCommand.DoneAndStop("d", ix));
        assertEquals(ix, ann.last(CtiEvent.InteractionDone.class).interactionId());
        assertEquals(CallResult.ANSWER, record().callResult());
        assertEquals(RecordStatus.UPDATED, record().status());
    }

    @Test
    void pauseAutoDialHoldsTheCountdownForAsLongAsItTakes() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pv", "contact_info\n5005550102\n");
        ann.send(new CtiCommand.GetRecord("g", "pv"));
        String ix = ann.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
        gw.clock.advance(Duration.ofMillis(1_500));
        ann.send(new CtiCommand.PauseAutoDial("p", ix));
        gw.clock.advance(Duration.ofMinutes(10));
        assertEquals(0, gw.ua.legs.size(), "paused: no dial");
        ann.send(new CtiCommand.Call("c", ix));
        assertEquals(1, gw.ua.legs.size(), "Call dials at once");
    }

    @Test
    void aCommandForAnotherInteractionIsRefusedAndChangesNothing() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pv", "contact_info\n5005550103\n");
        ann.send(new CtiCommand.GetRecord("g", "pv"));
        ann.send(new CtiCommand.Call("c", "ix-999"));
        CtiEvent.Error refused = ann.last(CtiEvent.Error.class);
        assertEquals("c", refused.requestId());
        assertEquals(0, gw.ua.legs.size());
        assertEquals(RecordStatus.RETRIEVED, record().status());
    }
}

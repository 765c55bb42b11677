package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CTI desk's consultation (ConsultDesk): Consult, then CompleteTransfer, CompleteConference or CancelConsult, or
 * the consulted agent hanging up; in virtual time on scripted legs, with both desktops' events and the stored record.
 */
class ConsultDeskTest {
    private TwoAgentCall call;

    @AfterEach
    void close() {
        call.close();
    }

    /** ann consults Ready bob, whose phone answers: ann and bob talk, the contact waits. */
    private ScriptedLeg consulting() {
        call = new TwoAgentCall("");
        call.bobReady();
        call.ann.send(new CtiCommand.Consult("a2", call.ix, "bob", null));
        assertEquals("bob", call.ann.last(CtiEvent.ConsultStarted.class).target());
        ScriptedLeg bobPhone = call.gw.leg(2);
        assertTrue(bobPhone.target().startsWith("sip:bob@"), bobPhone.target());
        call.ann.send(new CtiCommand.CompleteTransfer("early", call.ix));
        assertEquals("NOT_ALLOWED", call.ann.errorCode("early"), "bob has not answered yet");
        bobPhone.ring();
        assertEquals(call.ix, call.bob.last(CtiEvent.InteractionRinging.class).interaction().interactionId());
        bobPhone.answer();
        assertEquals("bob", call.ann.last(CtiEvent.ConsultEstablished.class).target());
        assertEquals("Busy", call.bob.last(CtiEvent.AgentStateChanged.class).state());
        assertEquals(LegState.ANSWERED, call.contact.state(), "the contact waits on hold");
        return bobPhone;
    }

    @Test
    void completeTransferHandsTheContactAndTheRecordToTheConsultedAgent() {
        ScriptedLeg bobPhone = consulting();
        call.ann.send(new CtiCommand.CompleteTransfer("a3", call.ix));
        CtiEvent.TransferCompleted done = call.ann.last(CtiEvent.TransferCompleted.class);
        assertEquals("a3", done.requestId());
        assertEquals("bob", done.recordOwner());
        assertEquals(LegState.ENDED, call.annPhone.state(), "ann's phone is hung up");
        assertEquals("Released", call.ann.last(CtiEvent.InteractionReleased.class).interaction().state());
        call.ann.send(new CtiCommand.MarkDone("a4", call.ix));

        call.contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(LegState.ENDED, bobPhone.state());
        call.bob.last(CtiEvent.InteractionReleased.class);
        call.bob.send(new CtiCommand.MarkDone("b2", call.ix));
        assertEquals("bob", call.record().agentId());
        assertEquals(CallResult.ANSWER, call.record().callResult());
        assertEquals(RecordStatus.UPDATED, call.record().status());
    }

    @Test
    void cancelConsultReleasesTheConsultedAgentAndAnnTalksWithTheContactAgain() {
        ScriptedLeg bobPhone = consulting();
        call.ann.send(new CtiCommand.CancelConsult("a3", call.ix));
        CtiEvent.ConsultEnded ended = call.ann.last(CtiEvent.ConsultEnded.class);
        assertEquals("a3", ended.requestId());
        assertEquals("cancelled", ended.reason());
        assertEquals(LegState.ENDED, bobPhone.state(), "bob's phone is hung up");
        assertEquals("Established", call.ann.last(CtiEvent.InteractionRetrieved.class).interaction().state());
        assertEquals(LegState.ANSWERED, call.annPhone.state());
        assertEquals("AfterCallWork", call.bob.last(CtiEvent.AgentStateChanged.class).state(),
                "bob talked: he wraps up");

        call.ann.send(new CtiCommand.CompleteTransfer("a4", call.ix));
        assertEquals("NOT_ALLOWED", call.ann.errorCode("a4"), "the consultation is over");
        call.contact.end(EndReason.REMOTE_HANGUP);
        call.ann.send(new CtiCommand.MarkDone("a5", call.ix));
        assertEquals("ann", call.record().agentId(), "the record stayed with ann");
        assertEquals(RecordStatus.UPDATED, call.record().status());
    }

    @Test
    void theConsultedAgentHangingUpEndsTheConsultationOnly() {
        ScriptedLeg bobPhone = consulting();
        bobPhone.end(EndReason.REMOTE_HANGUP);
        assertEquals("target_hung_up", call.ann.last(CtiEvent.ConsultEnded.class).reason());
        assertEquals("Established", call.ann.last(CtiEvent.InteractionRetrieved.class).interaction().state());
        assertEquals(LegState.ANSWERED, call.contact.state());
        assertEquals(LegState.ANSWERED, call.annPhone.state());
    }

    @Test
    void completeConferenceJoinsAllThreeAndTheConferenceDeskTakesOver() {
        consulting();
        call.ann.send(new CtiCommand.CompleteConference("a3", call.ix));
        assertEquals("a3", call.ann.last(CtiEvent.ConferenceJoined.class).requestId());
        call.ann.send(new CtiCommand.CancelConsult("a4", call.ix));
        assertEquals("NOT_ALLOWED", call.ann.errorCode("a4"), "no consultation any more");
        call.ann.send(new CtiCommand.LeaveConference("a5", call.ix));
        assertEquals("ann", call.bob.last(CtiEvent.ConferencePartyLeft.class).party());
        assertEquals(LegState.ENDED, call.annPhone.state());
        assertEquals(LegState.ANSWERED, call.contact.state(), "the contact talks on with bob");
    }
}
